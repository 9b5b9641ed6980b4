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
