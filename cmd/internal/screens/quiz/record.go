package quiz

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// Recorder records the quiz screen's answers for the model that hosts it
// (the screen itself does no I/O): each first answer becomes one change
// submitted to the learner's ordered writer, and the store updates the
// item's review state from what it holds, so an answer given in another
// process meanwhile is never overwritten.
type Recorder struct {
	W   *progress.Writer // nil: nothing is saved (tests)
	Now func() time.Time
}

// SavedMsg reports the end of a save; Err is nil on success.
type SavedMsg struct{ Err error }

// NewRecorder returns a recorder that submits to w.
func NewRecorder(w *progress.Writer) Recorder { return Recorder{W: w, Now: time.Now} }

// Record submits the answer (call it from Update: the submission order is
// the order of answers) and returns the command that waits for its result.
func (r Recorder) Record(msg AnsweredMsg) tea.Cmd {
	if r.W == nil {
		return nil
	}
	return WaitCmd(r.W.Submit(progress.Answer{Item: msg.ItemID, Right: msg.Right, At: r.Now(), Picked: msg.Picked}))
}

// WaitCmd waits for a submitted change and reports it as a SavedMsg.
func WaitCmd(res <-chan error) tea.Cmd {
	return func() tea.Msg { return SavedMsg{Err: <-res} }
}
