package quizzes

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/assets/facts"
)

func TestReviewSurvivesJSONRoundTrip(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	s := QuizScheduler()
	rv := NewReview()
	rv.Answer("sync-trigger", false, now, s)
	rv.Answer("sqs/batch", true, now, s)
	data, err := json.Marshal(rv)
	if err != nil {
		t.Fatal(err)
	}
	back := NewReview()
	if err := json.Unmarshal(data, back); err != nil {
		t.Fatal(err)
	}
	for id, rec := range rv.Items {
		got := back.Get(id)
		if got == nil || got.Card != rec.Card || got.Answers != rec.Answers || got.FirstTryRight != rec.FirstTryRight || got.LastMissed != rec.LastMissed {
			t.Errorf("%s: %+v after the round trip, want %+v", id, got, rec)
		}
	}
	if !back.Get("sync-trigger").IsDue(now) || back.Get("sqs/batch").IsDue(now.Add(24*time.Hour)) {
		t.Error("due dates changed in the round trip")
	}
	// A later right answer moves the missed item out of the due set.
	back.Answer("sync-trigger", true, now.Add(time.Minute), s)
	if back.Get("sync-trigger").IsDue(now.Add(time.Hour)) {
		t.Error("answered right, yet still due an hour later")
	}
}

func TestBuiltinBankLoads(t *testing.T) {
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Builtin(reg)
	if err != nil {
		t.Fatalf("the embedded bank has problems:\n%v", err)
	}
	if _, ok := b.Get("sync-trigger"); !ok {
		t.Error("the embedded bank lacks sync-trigger")
	}
}

func BenchmarkLoadBuiltin(b *testing.B) {
	reg, err := facts.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Builtin(reg); err != nil {
			b.Fatal(err)
		}
	}
}
