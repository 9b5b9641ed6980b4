// Package board is the instructor's live board (`tutor class board`):
// learners by lessons, each lesson's status, the current lesson, first-try
// accuracy and who looks stuck (classreport.StuckRules), the stuck on top.
// It re-reads the store on a timer in a command, never in Update, and keeps
// the last good data when a read fails.
package board

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/classreport"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// Lesson is one column of the board: what its status needs.
type Lesson struct {
	ID        string
	HasQuiz   bool
	Exercises []string
}

// Lessons are the columns of a course, in its order.
func Lessons(c *course.Course) []Lesson {
	var out []Lesson
	for _, l := range c.Lessons.Lessons {
		out = append(out, Lesson{ID: l.ID, HasQuiz: c.HasQuiz(l.ID), Exercises: c.ExerciseIDs(l.ID)})
	}
	return out
}

// CheckLogger is a store that also logs exercise checks; a ClassReader
// without it gets no "failing exercise" flags.
type CheckLogger interface {
	CheckLog(ctx context.Context) ([]progress.LoggedCheck, error)
}

// Row is one learner's line of the board.
type Row struct {
	ID, Name string
	Status   []progress.Status // by lesson, in the columns' order
	Current  string            // the lesson to reopen; "" for none
	Accuracy *float64          // first-try accuracy; nil when nothing answered
	Answered int
	LastSeen time.Time
	Stuck    []string // reasons; empty when not stuck
}

// Data is one reading of the store.
type Data struct {
	Lessons []string
	Rows    []Row // the stuck first (most reasons first), then by ID
	At      time.Time
}

// Read reads the board from a store at time now.
func Read(ctx context.Context, lessons []Lesson, r progress.ClassReader, now time.Time) (Data, error) {
	d := Data{At: now}
	for _, l := range lessons {
		d.Lessons = append(d.Lessons, l.ID)
	}
	learners, err := r.Learners(ctx)
	if err != nil {
		return Data{}, err
	}
	log, err := r.AnswerLog(ctx)
	if err != nil {
		return Data{}, err
	}
	var checks []classreport.Check
	if cl, ok := r.(CheckLogger); ok {
		cs, err := cl.CheckLog(ctx)
		if err != nil {
			return Data{}, err
		}
		for _, c := range cs {
			checks = append(checks, classreport.Check{Learner: c.Learner, Exercise: c.Exercise, Passed: c.Passed, At: c.At})
		}
	}
	firstAnswer := map[string]time.Time{}
	in := classreport.Input{}
	for _, a := range log {
		in.Answers = append(in.Answers, classreport.Answer{Learner: a.Learner, Item: a.Item, Right: a.Right, Picked: a.Picked, At: a.At})
		if f, ok := firstAnswer[a.Learner]; !ok || a.At.Before(f) {
			firstAnswer[a.Learner] = a.At
		}
	}
	var on []classreport.OnLesson
	for _, l := range learners {
		snap, err := r.Load(ctx, l.ID)
		if err != nil {
			return Data{}, err
		}
		st := snap.Progress
		row := Row{ID: l.ID, Current: st.Last, LastSeen: l.LastSeen}
		for _, les := range lessons {
			s := st.StatusOf(les.ID, les.HasQuiz, les.Exercises...)
			row.Status = append(row.Status, s)
			if t := since(st, firstAnswer[l.ID]); les.ID == st.Last && s != progress.Done && !t.IsZero() {
				on = append(on, classreport.OnLesson{Learner: l.ID, Lesson: les.ID, Since: t})
			}
		}
		in.Learners = append(in.Learners, classreport.Learner{ID: l.ID, Name: l.Name})
		d.Rows = append(d.Rows, row)
	}
	rep := classreport.Analyze(in)
	acc := map[string]classreport.LearnerRow{}
	for _, lr := range rep.Learners {
		acc[lr.ID] = lr
	}
	stuck := classreport.DefaultStuck.Stuck(now, on, in.Answers, checks)
	for i := range d.Rows {
		r := &d.Rows[i]
		r.Accuracy, r.Answered, r.Name = acc[r.ID].FirstTryAccuracy, acc[r.ID].ItemsAnswered, acc[r.ID].Name
		r.Stuck = stuck[r.ID]
	}
	Sort(d.Rows)
	return d, nil
}

// since is when a learner came to their current lesson: when they last
// changed another lesson, or else the earliest of its own latest change
// and their first answer.
func since(st *progress.State, firstAnswer time.Time) time.Time {
	var t time.Time
	for id, l := range st.Lessons {
		if id != st.Last && l.Updated.After(t) {
			t = l.Updated
		}
	}
	if !t.IsZero() {
		return t
	}
	if cur := st.Lessons[st.Last]; cur != nil {
		t = cur.Updated
	}
	if !firstAnswer.IsZero() && (t.IsZero() || firstAnswer.Before(t)) {
		t = firstAnswer
	}
	return t
}

// Sort puts the stuck on top (most reasons first), then orders by ID.
func Sort(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int {
		if len(a.Stuck) != len(b.Stuck) {
			return len(b.Stuck) - len(a.Stuck)
		}
		return strings.Compare(a.ID, b.ID)
	})
}
