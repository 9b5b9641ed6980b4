package progress

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestSyncExactlyOnce: a learner's store sends its answers, checks and
// lessons to a class store (SQLite and PostgreSQL); sending the same batch
// again, or sending from the marks returned, applies nothing twice, and the
// answers move the learner's review state as an SSH answer would.
func TestSyncExactlyOnce(t *testing.T) {
	for _, b := range storeBackends {
		t.Run(b.name, func(t *testing.T) {
			open := b.fresh(t)
			cs, err := open()
			if err != nil {
				t.Fatal(err)
			}
			defer cs.Close()
			class := cs.(interface {
				ApplySync(context.Context, string, SyncBatch) (SyncState, SyncCounts, error)
				SyncState(context.Context, string, string) (SyncState, error)
			})
			local, _, err := OpenSQLite(ctx, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer local.Close()
			at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
			for _, c := range []Change{
				Open{"sqs", at}, Read{"sqs", at.Add(time.Minute)},
				Answer{Item: "sqs-1", Right: false, At: at.Add(2 * time.Minute), Picked: []string{"A"}},
				Answer{Item: "sqs-1", Right: true, At: at.Add(3 * time.Minute), Picked: []string{"B"}},
				Answer{Item: "sqs-2", Right: true, At: at.Add(4 * time.Minute)},
				ExerciseChecked{Exercise: "ex", Passed: true, At: at.Add(5 * time.Minute)},
			} {
				if err := local.Apply(ctx, LocalLearner, c); err != nil {
					t.Fatal(err)
				}
			}
			origin, err := local.Origin(ctx)
			if err != nil || CheckOrigin(origin) != nil {
				t.Fatalf("origin %q: %v", origin, err)
			}
			if again, _ := local.Origin(ctx); again != origin {
				t.Fatalf("origin changed: %q then %q", origin, again)
			}
			const learner = "SHA256:abc"
			st, err := class.SyncState(ctx, learner, origin)
			if err != nil {
				t.Fatal(err)
			}
			batch, err := local.Pending(ctx, origin, st, MaxSyncRecords)
			if err != nil {
				t.Fatal(err)
			}
			if len(batch.Answers) != 3 || len(batch.Checks) != 1 || len(batch.Lessons) != 1 || batch.Current != "sqs" {
				t.Fatalf("pending %+v", batch)
			}
			st, n, err := class.ApplySync(ctx, learner, batch)
			if err != nil {
				t.Fatal(err)
			}
			if n != (SyncCounts{Answers: 3, Checks: 1, Lessons: 1}) || st.Answers != batch.Answers[2].ID || st.Current != "sqs" {
				t.Fatalf("applied %+v, state %+v", n, st)
			}
			// The same batch again (an ack lost on the way): nothing new.
			if _, n, err := class.ApplySync(ctx, learner, batch); err != nil || n != (SyncCounts{}) {
				t.Fatalf("resend applied %+v (%v)", n, err)
			}
			if rest, err := local.Pending(ctx, origin, st, MaxSyncRecords); err != nil || !rest.Empty() {
				t.Fatalf("still pending after the ack: %+v (%v)", rest, err)
			}
			if n, _ := cs.AnswerCount(ctx, learner); n != 3 {
				t.Fatalf("%d answers in the class store, want 3", n)
			}
			snap, err := cs.Load(ctx, learner)
			if err != nil {
				t.Fatal(err)
			}
			mine, _ := local.Load(ctx, LocalLearner)
			for _, item := range []string{"sqs-1", "sqs-2"} {
				if got, want := snap.Review.Items[item], mine.Review.Items[item]; got == nil || *got != *want {
					t.Fatalf("review of %s in the class store %+v, on the learner's machine %+v", item, got, want)
				}
			}
			if !snap.Progress.Lessons["sqs"].Read || !snap.Progress.ExercisesPassed["ex"] {
				t.Fatalf("class store progress %+v", snap.Progress)
			}
			log, _ := cs.AnswerLog(ctx)
			if len(log) != 3 || log[2].Picked == nil || len(log[2].Picked) != 0 || log[0].Picked[0] != "A" {
				t.Fatalf("answer log %+v", log)
			}
			// A new answer goes alone; another origin of the same learner is
			// counted apart.
			local.Apply(ctx, LocalLearner, Answer{Item: "sqs-2", Right: false, At: at.Add(6 * time.Minute), Picked: []string{}})
			batch, _ = local.Pending(ctx, origin, st, MaxSyncRecords)
			if len(batch.Answers) != 1 || len(batch.Lessons) != 0 || batch.Current != "" {
				t.Fatalf("second batch %+v", batch)
			}
			if _, n, err := class.ApplySync(ctx, learner, batch); err != nil || n.Answers != 1 {
				t.Fatalf("second batch applied %+v (%v)", n, err)
			}
			batch.Origin = "other-machine"
			if _, n, err := class.ApplySync(ctx, learner, batch); err != nil || n.Answers != 1 {
				t.Fatalf("other origin applied %+v (%v)", n, err)
			}
		})
	}
}

func TestCheckBatch(t *testing.T) {
	at := time.Now()
	for name, b := range map[string]SyncBatch{
		"no origin":      {},
		"bad origin":     {Origin: "A B"},
		"ids fall":       {Origin: "o", Answers: []SyncAnswer{{ID: 2, Item: "i", At: at}, {ID: 1, Item: "i", At: at}}},
		"zero id":        {Origin: "o", Checks: []SyncCheck{{ID: 0, Exercise: "e", At: at}}},
		"no time":        {Origin: "o", Answers: []SyncAnswer{{ID: 1, Item: "i"}}},
		"empty lesson":   {Origin: "o", Lessons: []SyncLesson{{}}},
		"too many":       {Origin: "o", Lessons: make([]SyncLesson, MaxSyncRecords+1)},
		"bad utf8":       {Origin: "o", Current: "\xff"},
		"long picked":    {Origin: "o", Answers: []SyncAnswer{{ID: 1, Item: "i", At: at, Picked: []string{strings.Repeat("x", 5000)}}}},
		"empty exercise": {Origin: "o", Checks: []SyncCheck{{ID: 1, At: at}}},
	} {
		if CheckBatch(b) == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if err := CheckBatch(SyncBatch{Origin: "0a-b", Answers: []SyncAnswer{{ID: 3, Item: "i", At: at}}}); err != nil {
		t.Fatal(err)
	}
}
