// Package progress keeps what a learner did: which lessons they opened,
// read and passed, the last lesson and its scroll position, and their quiz
// review state (one FSRS card per item) with a log of every answer.
//
// Everything goes through the Store interface, keyed by learner, so the
// learner's own machine (SQLite in the state directory, see OpenSQLite) and
// a class server with many learners use the same calls. A store records one
// change at a time, each in its own transaction; nothing ever writes back a
// whole state read earlier, so two processes (two windows, a practice
// session and the course) never erase each other's work.
package progress

import (
	"context"
	"time"

	"github.com/tutor-dev/tutor/quizzes"
)

// LocalLearner is the learner of a store on their own machine.
const LocalLearner = "local"

// Store keeps the progress and review state of learners.
type Store interface {
	// Load reads one learner's whole state. Warnings name records that were
	// set aside because their values are impossible (that item starts
	// fresh); each is one line to show the learner.
	Load(ctx context.Context, learner string) (Snapshot, error)
	// Apply records one change in one transaction.
	Apply(ctx context.Context, learner string, c Change) error
	// Where names the store in messages (a file, a server).
	Where() string
	Close() error
}

// Snapshot is one learner's state as read.
type Snapshot struct {
	Progress *State
	Review   *quizzes.Review
	Warnings []string
	Name     string // display name (SetName); "" when none was given
}

// clampPosition keeps a position within 0 to 1 (NaN is 0).
func clampPosition(p float64) float64 {
	if !(p > 0) {
		return 0
	}
	return min(p, 1)
}

// Change is one thing a learner did: Open, Offset, Position, Read, QuizPassed,
// Answer, Reset or ResetAll.
type Change interface{ change() }

type (
	// Open: the learner opened a lesson; it becomes the one to reopen.
	Open struct {
		Lesson string
		At     time.Time
	}
	// Offset: the lesson's scroll position, in lines.
	Offset struct {
		Lesson string
		Offset int
		At     time.Time
	}
	// Position: where the learner is reading, as a place in the lesson's
	// source from 0 (the top) to 1 (the end), the same at any width.
	Position struct {
		Lesson   string
		Position float64
		At       time.Time
	}
	// Read: the learner scrolled to the end of a lesson.
	Read struct {
		Lesson string
		At     time.Time
	}
	// QuizPassed: every quiz item of the lesson was answered right.
	QuizPassed struct {
		Lesson string
		At     time.Time
	}
	// Answer: the first answer of a session to an item. The store logs it
	// and updates the item's card from the stored card, in the same
	// transaction, so concurrent writers never overwrite each other.
	Answer struct {
		Item  string
		Right bool
		At    time.Time
		// Picked are the texts of the choices picked (not their display
		// positions, which are shuffled per session); empty for a skip.
		Picked []string
	}
	// Reset forgets one lesson and the review state of its quiz items.
	Reset struct {
		Lesson string
		Items  []string
	}
	// ResetAll forgets every lesson and the whole review state (the log of
	// answers is kept: it is history, not state).
	ResetAll struct{}
)

func (Open) change()       {}
func (Offset) change()     {}
func (Position) change()   {}
func (Read) change()       {}
func (QuizPassed) change() {}
func (Answer) change()     {}
func (Reset) change()      {}
func (ResetAll) change()   {}

// ApplyTo makes the same change to an in-memory state (the TUI keeps one to
// draw statuses): the store and the screen agree on what a change means.
func ApplyTo(st *State, c Change) {
	switch c := c.(type) {
	case Open:
		st.Open(c.Lesson, c.At)
	case Offset:
		l := st.Lesson(c.Lesson)
		l.Offset, l.Updated = c.Offset, c.At
	case Position:
		l := st.Lesson(c.Lesson)
		l.Position, l.Updated = clampPosition(c.Position), c.At
	case Read:
		l := st.Lesson(c.Lesson)
		l.Read, l.Updated = true, c.At
	case QuizPassed:
		l := st.Lesson(c.Lesson)
		l.QuizPassed, l.Updated = true, c.At
	case Reset:
		st.Reset(c.Lesson)
	case ResetAll:
		st.Reset("")
	case ExerciseChecked:
		if c.Passed {
			st.PassExercise(c.Exercise)
		}
	}
}
