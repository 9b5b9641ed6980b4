package progress

import (
	"context"
	"testing"
	"time"
)

// TestExerciseState: each check is its own change; status, failed count,
// hints (never lowered) and the workspace survive reopening the store.
func TestExerciseState(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir)
	now := time.Now()
	apply(t, s,
		WorkspaceSet{Dir: "/tmp/ws", At: now},
		ExerciseChecked{Exercise: "a", Passed: false, At: now},
		ExerciseChecked{Exercise: "a", Passed: false, At: now.Add(time.Second)},
		ExerciseChecked{Exercise: "b", Passed: false, At: now},
		ExerciseChecked{Exercise: "b", Passed: true, At: now.Add(time.Second)},
		HintShown{Exercise: "a", Level: 2, At: now},
		HintShown{Exercise: "a", Level: 1, At: now},
	)
	s.Close()
	s, _ = open(t, dir)
	defer s.Close()
	ex, err := s.Exercises(context.Background(), LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Workspace != "/tmp/ws" {
		t.Errorf("workspace %q", ex.Workspace)
	}
	a, b := ex.ByID["a"], ex.ByID["b"]
	if a.Status() != "failing" || a.Failed != 2 || a.Hints != 2 {
		t.Errorf("a = %+v (%s)", a, a.Status())
	}
	if b.Status() != "passed" || b.Checks != 2 {
		t.Errorf("b = %+v (%s)", b, b.Status())
	}
	if st := ex.ByID["c"].Status(); st != "not-started" {
		t.Errorf("c = %s", st)
	}
}

// TestLessonDoneNeedsExercise: a lesson with an exercise is done only once
// it is read, its quiz passed and its exercise passed; the store's Load
// brings the passed exercises back.
func TestLessonDoneNeedsExercise(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir)
	now := time.Now()
	apply(t, s, Open{Lesson: "sqs", At: now}, Read{Lesson: "sqs", At: now}, QuizPassed{Lesson: "sqs", At: now})
	snap, err := s.Load(context.Background(), LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	if got := snap.Progress.StatusOf("sqs", true, "sqs-partial-batch"); got != InProgress {
		t.Errorf("exercise not passed: %s, want in-progress", got)
	}
	if got := snap.Progress.StatusOf("sqs", true); got != Done {
		t.Errorf("no exercise: %s, want done", got)
	}
	apply(t, s, ExerciseChecked{Exercise: "sqs-partial-batch", Passed: false, At: now},
		ExerciseChecked{Exercise: "sqs-partial-batch", Passed: true, At: now.Add(time.Second)})
	s.Close()
	s, _ = open(t, dir)
	defer s.Close()
	snap, err = s.Load(context.Background(), LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	if got := snap.Progress.StatusOf("sqs", true, "sqs-partial-batch"); got != Done {
		t.Errorf("exercise passed: %s, want done", got)
	}
	snap.Progress.Reset("")
	if !snap.Progress.ExercisesPassed["sqs-partial-batch"] {
		t.Error("Reset forgot a passed exercise the store keeps")
	}
}
