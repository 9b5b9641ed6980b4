package quiz

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/quizzes"
)

// Recorder keeps the learner's review state for the model that hosts the
// quiz screen: Record applies an AnsweredMsg and returns a command that saves
// a copy of the state (the screen itself does no I/O).
type Recorder struct {
	Review    *quizzes.Review
	Store     *progress.Store // nil: nothing is saved (tests)
	Scheduler quizzes.Scheduler
	Now       func() time.Time
}

// SavedMsg reports the end of a save; Err is nil on success.
type SavedMsg struct{ Err error }

// NewRecorder returns a recorder with the quiz's scheduler.
func NewRecorder(rv *quizzes.Review, store *progress.Store) Recorder {
	if rv == nil {
		rv = quizzes.NewReview()
	}
	return Recorder{Review: rv, Store: store, Scheduler: quizzes.QuizScheduler(), Now: time.Now}
}

// Record updates the item's schedule and returns the command that saves it.
func (r Recorder) Record(msg AnsweredMsg) tea.Cmd {
	r.Review.Answer(msg.ItemID, msg.Right, r.Now(), r.Scheduler)
	if r.Store == nil {
		return nil
	}
	snap := cloneReview(r.Review)
	store := r.Store
	return func() tea.Msg { return SavedMsg{practice.SaveReview(store, snap)} }
}

// Save writes the state now (on exit, in case a save was still in flight).
func (r Recorder) Save() error {
	if r.Store == nil {
		return nil
	}
	return practice.SaveReview(r.Store, r.Review)
}

// cloneReview copies the state so a save in the background never reads a
// map that Update is changing.
func cloneReview(rv *quizzes.Review) *quizzes.Review {
	out := &quizzes.Review{Version: rv.Version, Items: make(map[string]*quizzes.Record, len(rv.Items))}
	for id, rec := range rv.Items {
		c := *rec
		out.Items[id] = &c
	}
	return out
}
