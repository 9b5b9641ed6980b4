package main

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// TestExerciseCountsTowardDone: a lesson with an exercise is done only once
// the exercise is passed too, and `lessons --json` (status, activities) and
// `progress --json` agree on it.
func TestExerciseCountsTowardDone(t *testing.T) {
	state := t.TempDir()
	dir, err := progress.Dir(state)
	if err != nil {
		t.Fatal(err)
	}
	apply := func(cs ...progress.Change) {
		t.Helper()
		s, _, err := progress.OpenSQLite(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, c := range cs {
			if err := s.Apply(context.Background(), progress.LocalLearner, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	status := func() (lessons, prog string, activities []string) {
		t.Helper()
		code, out, errOut := tutorRun(t, state, nil, "lessons", "--json")
		var rows []struct {
			ID         string   `json:"id"`
			Status     string   `json:"status"`
			Activities []string `json:"activities"`
		}
		if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil {
			t.Fatalf("lessons --json: %d %v %s", code, err, errOut)
		}
		for _, r := range rows {
			if r.ID == "sqs" {
				lessons, activities = r.Status, r.Activities
			}
		}
		code, out, errOut = tutorRun(t, state, nil, "progress", "--json")
		var p struct {
			Lessons []struct{ ID, Status string } `json:"lessons"`
		}
		if err := json.Unmarshal([]byte(out), &p); code != 0 || err != nil {
			t.Fatalf("progress --json: %d %v %s", code, err, errOut)
		}
		for _, l := range p.Lessons {
			if l.ID == "sqs" {
				prog = l.Status
			}
		}
		return lessons, prog, activities
	}
	now := time.Now()
	apply(progress.Open{Lesson: "sqs", At: now}, progress.Read{Lesson: "sqs", At: now}, progress.QuizPassed{Lesson: "sqs", At: now})
	l, p, acts := status()
	if l != "in-progress" || p != "in-progress" {
		t.Errorf("read and quiz passed, exercise not: lessons %s, progress %s; want in-progress", l, p)
	}
	found := false
	for _, a := range acts {
		found = found || a == "exercise"
	}
	if !found {
		t.Errorf("activities of sqs %v lack exercise", acts)
	}
	apply(progress.ExerciseChecked{Exercise: "sqs-partial-batch", Passed: true, At: now})
	if l, p, _ := status(); l != "done" || p != "done" {
		t.Errorf("exercise passed: lessons %s, progress %s; want done", l, p)
	}
}
