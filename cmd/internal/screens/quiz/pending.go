package quiz

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/quizzes"
)

// What the screen waits for: the learner is never shown as accepted what
// the store does not yet hold (issue 15: killing the server loses nothing a
// learner was shown). A first answer is sent to the parent (AnsweredMsg)
// and its feedback drawn when the parent says it is stored (CommittedMsg);
// a passed lesson quiz asks the parent to mark the lesson (FinishedMsg) and
// its summary is drawn when the parent says it is marked (LessonStatusMsg).
// Meanwhile the screen stays as it was; keys are held and replayed once
// the answer comes, "Saving…" shows only if the parent says it is slow
// (SlowMsg), and a failure is shown with the answer not taken: enter tries
// again.

type waitKind int

const (
	waitAnswer waitKind = iota // an AnsweredMsg's CommittedMsg
	waitPass                   // a passed FinishedMsg's LessonStatusMsg
)

func (k waitKind) String() string { return [...]string{"answer", "pass"}[k] }

// pending is what the screen waits for; it is never changed in place
// (Model values share it).
type pending struct {
	kind waitKind
	item string           // waitAnswer: the item answered
	sess *quizzes.Session // the session once it is stored
	fb   quizzes.Feedback // waitAnswer: the feedback to show
	set  string           // waitAnswer: the answer, as display positions
	slow bool             // the parent said it is slow: "Saving…"
}

// Words of the waiting screen.
const (
	savingAnswer   = "Saving your answer…"
	savingPass     = "Saving your pass…"
	notSavedAnswer = "Your answer was not saved: %s. Press enter to answer again."
	notSavedPass   = "Your pass was not saved: %s. Press enter to try again."
)

// answer takes the session after an answer (next) and its feedback: a
// first answer waits to be stored, any other shows at once.
func (m Model) answer(next *quizzes.Session, fb quizzes.Feedback, set string) (Model, tea.Cmd) {
	if !fb.First {
		m.sess = next
		m.show(fb, set)
		return m, nil
	}
	it := m.item()
	m.wait = &pending{kind: waitAnswer, item: it.ID, sess: next, fb: fb, set: set}
	return m, send(AnsweredMsg{ItemID: it.ID, Right: fb.FirstRight, Picked: fb.PickedTexts(it), Screen: m.id})
}

// next goes on from an answered item; the summary of a lesson quiz that
// passed waits for the pass to be stored.
func (m Model) next() (Model, tea.Cmd) {
	next := m.sess.Clone()
	next.Next()
	if !next.Done() {
		m.sess = next
		m.load()
		return m, nil
	}
	fin := m.finished(next)
	if fin.Passed && m.lessonID != "" {
		m.wait = &pending{kind: waitPass, sess: next}
		return m, send(fin)
	}
	m.sess = next
	m.load()
	return m, send(fin)
}

// hold keeps a key pressed while waiting, to replay once the answer is
// stored. Leaving is not held: it takes nothing back (the store still
// gets the answer) and a store that hangs must not trap the learner.
func (m Model) hold(k tea.KeyPressMsg) (Model, tea.Cmd) {
	if key.Matches(k, m.keys.Back) {
		m.Ask(ExitMsg{})
		return m, nil
	}
	m.held = append(slices.Clip(m.held), k)
	return m, nil
}

// slow shows "Saving…" while the screen waits.
func (m *Model) slow() {
	if m.wait != nil && !m.wait.slow {
		w := *m.wait
		w.slow = true
		m.wait = &w
	}
}

// committed is the parent's word on the answer the screen waits for.
func (m Model) committed(msg CommittedMsg) (Model, tea.Cmd) {
	w := m.wait
	if w == nil || w.kind != waitAnswer || w.item != msg.ItemID || msg.Screen != m.id {
		return m, nil
	}
	held := m.held
	m.wait, m.held = nil, nil
	if msg.Err != nil {
		m.failed = fmt.Sprintf(notSavedAnswer, msg.Err.Error())
		return m, nil
	}
	m.sess = w.sess
	m.show(w.fb, w.set)
	return m.replay(held)
}

// lessonStatus is the parent's word on the lesson once a passed quiz is
// stored (or, waiting for nothing, news of the lesson's status).
func (m Model) lessonStatus(st LessonStatusMsg) (Model, tea.Cmd) {
	if st.LessonID != m.lessonID || m.lessonID == "" {
		return m, nil
	}
	w := m.wait
	if w == nil {
		if st.Err == nil {
			m.statusKnown, m.lessonDone = true, st.Done
		}
		return m, nil
	}
	if w.kind != waitPass {
		return m, nil
	}
	held := m.held
	m.wait, m.held = nil, nil
	if st.Err != nil {
		m.failed = fmt.Sprintf(notSavedPass, st.Err.Error())
		return m, nil
	}
	m.sess = w.sess
	m.load()
	m.statusKnown, m.lessonDone = true, st.Done
	return m.replay(held)
}

// replay passes the keys held while waiting, in order; one of them may
// start another wait, which holds the rest again.
func (m Model) replay(keys []tea.KeyPressMsg) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// saving is the line that says what is being saved, once it is slow ("").
func (m Model) saving() string {
	switch {
	case m.wait == nil || !m.wait.slow:
		return ""
	case m.wait.kind == waitPass:
		return savingPass
	}
	return savingAnswer
}

// Waiting says whether the screen waits for an answer or a pass to be
// stored.
func (m Model) Waiting() bool { return m.wait != nil }
