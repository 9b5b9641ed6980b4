package progress

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/quizzes"
)

var ctx = context.Background()

func open(t testing.TB, dir string) (*SQLite, []string) {
	t.Helper()
	s, warnings, err := OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, warnings
}

func apply(t testing.TB, s Store, cs ...Change) {
	t.Helper()
	for _, c := range cs {
		if err := s.Apply(ctx, LocalLearner, c); err != nil {
			t.Fatal(err)
		}
	}
}

func load(t testing.TB, s Store) Snapshot {
	t.Helper()
	snap, err := s.Load(ctx, LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func TestSQLiteRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s, w := open(t, dir)
	if len(w) != 0 {
		t.Fatalf("warnings on a fresh directory: %q", w)
	}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	apply(t, s, Open{"sqs", now}, Offset{"sqs", 42, now}, Read{"sqs", now}, Open{"s3", now}, QuizPassed{"s3", now},
		Answer{Item: "a", Right: true, At: now}, Answer{Item: "b", Right: false, At: now})
	snap := load(t, s)
	st := snap.Progress
	if st.Last != "s3" || st.Lesson("sqs").Offset != 42 || !st.Lesson("sqs").Read || !st.Lesson("s3").QuizPassed {
		t.Fatalf("progress %+v", st)
	}
	if st.StatusOf("sqs", false) != Done || st.StatusOf("s3", true) != InProgress {
		t.Fatalf("statuses %s %s", st.StatusOf("sqs", false), st.StatusOf("s3", true))
	}
	a, b := snap.Review.Get("a"), snap.Review.Get("b")
	if a == nil || a.Answers != 1 || a.FirstTryRight != 1 || b == nil || !b.LastMissed || !b.IsDue(now) {
		t.Fatalf("review a=%+v b=%+v", a, b)
	}
	if n, _ := s.AnswerCount(ctx, LocalLearner); n != 2 {
		t.Fatalf("answers logged: %d", n)
	}
	// Other learners are apart.
	other, err := s.Load(ctx, "someone-else")
	if err != nil || len(other.Progress.Lessons) != 0 || len(other.Review.Items) != 0 {
		t.Fatalf("another learner sees %+v %v", other, err)
	}
}

// Issue 10, lost answers 1: two processes answering on one state directory
// each kept a copy and rewrote the whole file, so one lost the other's
// answers. Two stores on one file (two connections, as two processes have)
// answering the same items at once keep every answer.
func TestConcurrentStoresKeepEveryAnswer(t *testing.T) {
	dir := t.TempDir()
	const writers, per = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		s, _ := open(t, dir)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				item := fmt.Sprintf("item-%d", i%5)
				if err := s.Apply(ctx, LocalLearner, Answer{Item: item, Right: (i+w)%2 == 0, At: time.Now()}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	s, _ := open(t, dir)
	total := 0
	for _, rec := range load(t, s).Review.Items {
		total += rec.Answers
	}
	if n, _ := s.AnswerCount(ctx, LocalLearner); total != writers*per || n != writers*per {
		t.Fatalf("answers counted %d, logged %d; want %d", total, n, writers*per)
	}
}

// Issue 10, lost answers 2: two windows recording different lessons keep both.
func TestTwoWindowsKeepBothLessons(t *testing.T) {
	dir := t.TempDir()
	a, _ := open(t, dir)
	b, _ := open(t, dir)
	now := time.Now()
	apply(t, a, Open{"sqs", now}, Read{"sqs", now})
	apply(t, b, Open{"s3", now}, Read{"s3", now})
	apply(t, a, Offset{"sqs", 7, now}) // "a" quitting: it writes only its own change
	st := load(t, b).Progress
	if !st.Lesson("sqs").Read || !st.Lesson("s3").Read || st.Lesson("sqs").Offset != 7 {
		t.Fatalf("%+v %+v", st.Lessons["sqs"], st.Lessons["s3"])
	}
}

func TestResetAlsoResetsReview(t *testing.T) {
	s, _ := open(t, t.TempDir())
	now := time.Now()
	apply(t, s, Open{"sqs", now}, Open{"s3", now}, Answer{Item: "sqs-1", Right: true, At: now}, Answer{Item: "s3-1", Right: true, At: now},
		Reset{Lesson: "s3", Items: []string{"s3-1"}})
	snap := load(t, s)
	if snap.Progress.Lessons["s3"] != nil || snap.Review.Get("s3-1") != nil || snap.Progress.Last != "" {
		t.Fatalf("lesson s3 not reset: %+v %+v", snap.Progress, snap.Review.Items)
	}
	if snap.Progress.Lessons["sqs"] == nil || snap.Review.Get("sqs-1") == nil {
		t.Fatal("reset of s3 touched sqs")
	}
	apply(t, s, ResetAll{})
	snap = load(t, s)
	if len(snap.Progress.Lessons) != 0 || len(snap.Review.Items) != 0 {
		t.Fatalf("not all reset: %+v %+v", snap.Progress, snap.Review.Items)
	}
	if n, _ := s.AnswerCount(ctx, LocalLearner); n != 2 {
		t.Fatalf("the answer log is history and stays: %d", n)
	}
}

func TestNotADatabaseIsMovedAside(t *testing.T) {
	dir := t.TempDir()
	junk := []byte("this is not a database\n")
	os.WriteFile(filepath.Join(dir, DBFile), junk, 0o644)
	s, w := open(t, dir)
	if len(w) != 1 || !strings.Contains(w[0], "tutor.db.damaged-") || !strings.Contains(w[0], "not a SQLite database") {
		t.Fatalf("warnings %q", w)
	}
	apply(t, s, Open{"sqs", time.Now()})
	matches, _ := filepath.Glob(filepath.Join(dir, DBFile+".damaged-*"))
	if len(matches) != 1 {
		t.Fatalf("aside: %v", matches)
	}
	if kept, _ := os.ReadFile(matches[0]); string(kept) != string(junk) {
		t.Fatal("the damaged file was not kept intact")
	}
}

func TestImportJSONOnceKeepsBackup(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "review.json.tmp-123"), []byte("{"), 0o644) // left by a crash of an earlier version
	os.WriteFile(filepath.Join(dir, File), []byte(`{"version":1,"last":"sqs","lessons":{"sqs":{"opened":true,"read":true,"offset":12}}}`), 0o644)
	os.WriteFile(filepath.Join(dir, quizzes.ReviewFile), []byte(`{"version":1,"items":{
		"good":{"card":{"state":2,"step":0,"stability":3,"difficulty":5,"due":"2026-11-30T00:00:00Z","last_review":"2026-11-26T00:00:00Z"},"answers":2,"first_try_right":1},
		"neg":{"card":{"state":2,"stability":-1,"difficulty":5},"answers":1},
		"step":{"card":{"state":1,"step":-5,"stability":2,"difficulty":5},"answers":1},
		"year0":{"card":{"state":2,"stability":2,"difficulty":5,"due":"0000-01-01T00:00:00Z"},"answers":1}}}`), 0o644)
	s, w := open(t, dir)
	if len(w) != 3 {
		t.Fatalf("want one warning per impossible item, got %q", w)
	}
	for i, id := range []string{"neg", "step", "year0"} {
		if !strings.Contains(w[i], "item "+id+" ") || !strings.Contains(w[i], "review.json") {
			t.Errorf("warning %d %q does not name item %s and the file", i, w[i], id)
		}
	}
	snap := load(t, s)
	if snap.Progress.Last != "sqs" || snap.Progress.Lesson("sqs").Offset != 12 || !snap.Progress.Lesson("sqs").Read {
		t.Fatalf("progress %+v", snap.Progress)
	}
	if g := snap.Review.Get("good"); g == nil || g.Answers != 2 || g.Card.Stability != 3 || len(snap.Review.Items) != 1 {
		t.Fatalf("review %+v", snap.Review.Items)
	}
	for _, name := range []string{File, quizzes.ReviewFile} {
		if _, err := os.Stat(filepath.Join(dir, name+ImportedSuffix)); err != nil {
			t.Errorf("%s not kept as a backup: %v", name, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "review.json.tmp-123")); err == nil {
		t.Error("a temp file of an earlier version was left behind")
	}
	// The impossible items start fresh and can be answered.
	apply(t, s, Answer{Item: "neg", Right: true, At: time.Now()}, Answer{Item: "step", Right: false, At: time.Now()})
	// A second copy of the old file (restored by hand) is not imported twice.
	os.WriteFile(filepath.Join(dir, quizzes.ReviewFile), []byte(`{"version":1,"items":{"good":{"card":{},"answers":9}}}`), 0o644)
	s2, _ := open(t, dir)
	if g := load(t, s2).Review.Get("good"); g.Answers != 2 {
		t.Fatalf("imported twice: %+v", g)
	}
}

func TestDamagedJSONIsMovedAside(t *testing.T) {
	dir := t.TempDir()
	bad := []byte(`{"version": 1, "lessons": {"sqs": {"opened": tru`)
	os.WriteFile(filepath.Join(dir, File), bad, 0o644)
	s, w := open(t, dir)
	if len(w) != 1 || !strings.Contains(w[0], "progress.json.damaged-") {
		t.Fatalf("warnings %q", w)
	}
	if len(load(t, s).Progress.Lessons) != 0 {
		t.Fatal("want fresh progress")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, File+".damaged-*"))
	if kept, _ := os.ReadFile(matches[0]); string(kept) != string(bad) {
		t.Fatal("damaged file not kept intact")
	}
}

// A record made impossible inside the database (edited by hand) is set
// aside at load with a warning naming the item, and answering it again
// starts it fresh instead of computing NaN.
func TestImpossibleStoredRecordStartsFresh(t *testing.T) {
	s, _ := open(t, t.TempDir())
	apply(t, s, Answer{Item: "x", Right: true, At: time.Now()}, Answer{Item: "y", Right: true, At: time.Now()})
	if _, err := s.DB().Exec(`UPDATE review SET stability = -1, step = -5 WHERE item = 'x'`); err != nil {
		t.Fatal(err)
	}
	snap := load(t, s)
	if len(snap.Warnings) != 1 || !strings.Contains(snap.Warnings[0], "item x ") || snap.Review.Get("x") != nil || snap.Review.Get("y") == nil {
		t.Fatalf("warnings %q items %v", snap.Warnings, snap.Review.Items)
	}
	apply(t, s, Answer{Item: "x", Right: false, At: time.Now()})
	if rec := load(t, s).Review.Get("x"); rec == nil || rec.Answers != 1 || rec.Card.Check() != nil {
		t.Fatalf("x did not start fresh: %+v", rec)
	}
}

func TestFailingSaveNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir)
	s.Close()
	err := s.Apply(ctx, LocalLearner, Answer{Item: "x", Right: true, At: time.Now()})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, DBFile)) || !strings.Contains(err.Error(), "answer to x") {
		t.Fatalf("error %v", err)
	}
}
