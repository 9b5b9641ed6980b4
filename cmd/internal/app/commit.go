package app

import (
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
)

// Nothing the learner is shown runs ahead of the store (issue 15: "every
// answer and every status change is committed before the learner sees its
// feedback; killing the server loses nothing a learner was shown"). Every
// change goes to the learner's ordered Writer; the app waits for the
// results one at a time, oldest first, so they come back in the order the
// Writer applied them, and only then draws what they change: a quiz
// answer's feedback (quiz.CommittedMsg), a passed quiz's summary
// (quiz.LessonStatusMsg), a lesson's status on the outline (opened, read,
// passed). A failure is shown on the status line and the change is not
// drawn. Without a Writer (tests, read-only) every change is acknowledged
// at once.

// savingAfter is how long a change may take before the screen waiting for
// it says it is saving: a local commit (about a millisecond) never shows it.
var savingAfter = 300 * time.Millisecond

// inflight is a change submitted to the Writer and not yet acknowledged.
type inflight struct {
	seq    int
	c      progress.Change
	res    <-chan error
	screen uint64 // the quiz screen that gave an answer (quiz.AnsweredMsg.Screen)
}

// committedMsg is the Writer's result for the oldest change in flight.
type committedMsg struct {
	seq int
	err error
}

// slowMsg says the oldest change in flight is taking longer than savingAfter.
type slowMsg struct{ seq int }

// save submits changes to the learner's ordered writer, in the order given
// (Update calls it, so the order of events is the order of writes), and
// returns the command that waits for the oldest result. Only the change is
// written, never a copy of the whole state: what another window or a
// practice session recorded meanwhile stays.
func (m *Model) save(cs ...progress.Change) tea.Cmd {
	var cmd tea.Cmd
	for _, c := range cs {
		var res <-chan error
		if m.opts.Writer != nil {
			res = m.opts.Writer.Submit(c)
		} else {
			done := make(chan error, 1)
			done <- nil
			res = done
		}
		m.commitSeq++
		m.inflight = append(slices.Clip(m.inflight), inflight{seq: m.commitSeq, c: c, res: res})
		if len(m.inflight) == 1 {
			cmd = waitCmd(m.inflight[0], true)
		}
	}
	return cmd
}

// saveAnswer saves a quiz screen's answer; the screen shows its feedback
// once it is stored.
func (m *Model) saveAnswer(msg quiz.AnsweredMsg) tea.Cmd {
	cmd := m.save(progress.Answer{Item: msg.ItemID, Right: msg.Right, At: m.opts.Now(), Picked: msg.Picked})
	m.inflight[len(m.inflight)-1].screen = msg.Screen // m.inflight is save's own
	return cmd
}

// waitCmd waits for f's result; with slow, it gives up after savingAfter with
// a slowMsg (and the app waits again).
func waitCmd(f inflight, slow bool) tea.Cmd {
	return func() tea.Msg {
		if slow {
			t := time.NewTimer(savingAfter)
			defer t.Stop()
			select {
			case err := <-f.res:
				return committedMsg{f.seq, err}
			case <-t.C:
				return slowMsg{f.seq}
			}
		}
		return committedMsg{f.seq, <-f.res}
	}
}

// slowSave tells the quiz (which may wait for a change behind this one)
// that saving is slow, and waits on.
func (m *Model) slowSave(msg slowMsg) tea.Cmd {
	if len(m.inflight) == 0 || m.inflight[0].seq != msg.seq {
		return nil
	}
	return tea.Batch(m.toQuiz(quiz.SlowMsg{}), waitCmd(m.inflight[0], false))
}

// committed takes the oldest change's result, draws what it changes, and
// waits for the next one.
func (m *Model) committed(msg committedMsg) tea.Cmd {
	if len(m.inflight) == 0 || m.inflight[0].seq != msg.seq {
		return nil
	}
	f := m.inflight[0]
	m.inflight = m.inflight[1:]
	var next tea.Cmd
	if len(m.inflight) > 0 {
		next = waitCmd(m.inflight[0], true)
	}
	m.saved(msg.err)
	return tea.Batch(m.stored(f, msg.err), next)
}

// stored draws what change c changes once the store has it (err nil), or
// tells the screen waiting for it that it could not be stored.
func (m *Model) stored(f inflight, err error) tea.Cmd {
	switch c := f.c.(type) {
	case progress.Answer:
		return m.toQuiz(quiz.CommittedMsg{ItemID: c.Item, Screen: f.screen, Err: err})
	case progress.QuizPassed:
		if err != nil {
			return m.toQuiz(quiz.LessonStatusMsg{LessonID: c.Lesson, Err: err})
		}
		progress.ApplyTo(m.opts.State, c)
		m.refreshOutline()
		// The quiz says "the lesson is done" only if it now is (read too).
		return m.toQuiz(quiz.LessonStatusMsg{LessonID: c.Lesson, Done: m.statusOf(c.Lesson) == progress.Done})
	case progress.Read:
		if err == nil {
			progress.ApplyTo(m.opts.State, c)
			m.refreshOutline()
		}
	case progress.Open:
		if err == nil {
			// Opened only: the lesson to reopen (Last) is the one
			// opened last, set as it opened.
			l := m.opts.State.Lesson(c.Lesson)
			l.Opened = true
			m.refreshOutline()
		}
	}
	return nil
}

// toQuiz passes msg to the open quiz, if any (it may be under the key help).
func (m *Model) toQuiz(msg tea.Msg) tea.Cmd {
	q, i, ok := find[quizScreen](m.stack)
	if !ok {
		return nil
	}
	if i == len(m.stack)-1 {
		return m.updateTop(msg) // held keys replayed may ask for something
	}
	s, cmd := q.Update(msg)
	m.stack[i] = s
	return cmd
}

// saved shows a failed save on the status line at once (the error names
// the database file).
func (m *Model) saved(err error) {
	if err != nil {
		m.status = "could not save: " + err.Error()
	}
}

// Saving is the number of changes submitted and not yet acknowledged.
func (m Model) Saving() int { return len(m.inflight) }
