package app

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/screens/exercise"
)

// withExercise is the test course whose alpha lesson has the built-in SQS
// exercise.
func withExercise(t testing.TB) *course.Course {
	t.Helper()
	full, err := builtinCourse()
	if err != nil {
		t.Fatal(err)
	}
	e, ok := full.Exercise("sqs-partial-batch")
	if !ok {
		t.Fatal("no sqs-partial-batch")
	}
	x := *e
	x.Lesson = "alpha"
	crs := *testCourse(t)
	crs.Exercises = append(crs.Exercises, &x)
	return &crs
}

// exerciseApp is the app on the exercise-bearing course, at 80x24.
func exerciseApp(t testing.TB, st *progress.State) Model {
	m := New(Options{Course: withExercise(t), State: st, Now: func() time.Time { return time.Unix(0, 0) }})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return m
}

// TestExerciseActivity: w opens the lesson's exercise; q returns.
func TestExerciseActivity(t *testing.T) {
	m := exerciseApp(t, nil)
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("w"))
	if title(m) != "Exercise" {
		t.Fatalf("w opened %s", title(m))
	}
	m, _ = send(t, m, press("q"))
	if title(m) != "Lesson" {
		t.Fatalf("q went to %s", title(m))
	}
	plain := start(t, nil)
	plain, _ = send(t, plain, press("enter"))
	plain, _ = send(t, plain, press("w"))
	if title(plain) != "Lesson" {
		t.Fatalf("a lesson with no exercise opened %s", title(plain))
	}
}

// TestPassingTheExerciseFinishesTheLesson: read and quiz passed is not
// done while the exercise is not passed; a passing check makes it done in
// the app's state and the outline.
func TestPassingTheExerciseFinishesTheLesson(t *testing.T) {
	st := progress.New()
	for _, c := range []progress.Change{progress.Open{Lesson: "alpha"}, progress.Read{Lesson: "alpha"}, progress.QuizPassed{Lesson: "alpha"}} {
		progress.ApplyTo(st, c)
	}
	m := exerciseApp(t, st)
	if s := m.statusOf("alpha"); s != progress.InProgress {
		t.Fatalf("before the exercise: %s", s)
	}
	m, _ = send(t, m, exercise.PassedMsg{Change: progress.ExerciseChecked{Exercise: "sqs-partial-batch", Passed: true}})
	if s := m.statusOf("alpha"); s != progress.Done {
		t.Fatalf("after passing the exercise: %s", s)
	}
	m, _ = send(t, m, press("q")) // back to the outline
	if v := view(m); !strings.Contains(v, "1 of 2 lessons done") {
		t.Errorf("the outline does not count it:\n%s", v)
	}
}
