package quiz

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/quizzes"
)

// upd is Update with a parent that stores every answer at once: it sends
// the CommittedMsg an answer waits for. A passed lesson quiz still waits
// for its LessonStatusMsg (the tests send it).
func upd(m Model, msg tea.Msg) (Model, tea.Cmd) {
	m, cmd := m.Update(msg)
	for m.wait != nil && m.wait.kind == waitAnswer {
		m, _ = m.Update(CommittedMsg{ItemID: m.wait.item, Screen: m.id})
	}
	return m, cmd
}

// Issue 15: a first answer's feedback shows only once the parent says it
// is stored; until then the screen is as it was and keys are held.
func TestQuizFeedbackWaitsForTheCommit(t *testing.T) {
	m := moveTo(t, newModel(), "Amazon API Gateway")
	before := view(m)
	m, cmd := m.Update(enter)
	if got := msgs(cmd); len(got) != 1 || got[0].(AnsweredMsg).ItemID != "sync-trigger" {
		t.Fatalf("the answer was not sent to be stored: %v", got)
	}
	if v := view(m); v != before || strings.Contains(v, quizzes.RightLine) {
		t.Fatalf("feedback before the answer is stored:\n%s", v)
	}
	// Keys typed on: held, not lost, not acted on.
	m, _ = m.Update(enter)
	m, _ = m.Update(down)
	if v := view(m); strings.Contains(v, quizzes.RightLine) || strings.Contains(v, "Question 2") {
		t.Fatalf("a held key acted before the answer was stored:\n%s", v)
	}
	// Slow: say so, still no feedback.
	m, _ = m.Update(SlowMsg{})
	if v := view(m); !strings.Contains(v, savingAnswer) || strings.Contains(v, quizzes.RightLine) {
		t.Fatalf("slow store:\n%s", v)
	}
	// An ack for another item, or another screen's answer, is not this one's.
	m, _ = m.Update(CommittedMsg{ItemID: "primes", Screen: m.id})
	m, _ = m.Update(CommittedMsg{ItemID: "sync-trigger", Screen: m.id + 1})
	if strings.Contains(view(m), quizzes.RightLine) {
		t.Fatal("another item's or screen's ack showed this one's feedback")
	}
	m, _ = m.Update(CommittedMsg{ItemID: "sync-trigger", Screen: m.id})
	// The held enter went on to question 2, the held down moved its cursor.
	if v := view(m); !strings.Contains(v, "Question 2 of 2") || m.cursor != 1 || strings.Contains(v, savingAnswer) {
		t.Fatalf("after the ack, the held keys (enter, down) should have run:\n%s", v)
	}
	if r := m.Results(); len(r) != 1 || !r[0].CorrectFirstTry {
		t.Fatalf("results %+v", r)
	}
}

// Issue 15: an answer the store refused is shown as not saved, never as
// accepted, and can be given again.
func TestQuizFailedCommitShowsTheErrorAndAllowsARetry(t *testing.T) {
	m := moveTo(t, newModel(), "Amazon API Gateway")
	m, _ = m.Update(enter)
	m, _ = m.Update(enter) // held, then dropped: the learner must see the error
	m, _ = m.Update(CommittedMsg{ItemID: "sync-trigger", Screen: m.id, Err: errors.New("database is locked")})
	v := view(m)
	if strings.Contains(v, quizzes.RightLine) || !strings.Contains(v, "Your answer was not saved: database is locked.") || !strings.Contains(v, "Question 1 of 2") {
		t.Fatalf("failed commit:\n%s", v)
	}
	if len(m.Results()) != 0 {
		t.Fatalf("an answer not stored counts: %+v", m.Results())
	}
	m, cmd := m.Update(enter) // the same answer again, a first answer still
	if got := msgs(cmd); len(got) != 1 || !got[0].(AnsweredMsg).Right {
		t.Fatalf("the retry was not sent to be stored: %v", got)
	}
	m, _ = m.Update(CommittedMsg{ItemID: "sync-trigger", Screen: m.id})
	if v := view(m); !strings.Contains(v, quizzes.RightLine) || strings.Contains(v, "not saved") {
		t.Fatalf("after the retry is stored:\n%s", v)
	}
}

// Leaving is not held: a store that hangs does not trap the learner.
func TestQuizLeaveWhileWaiting(t *testing.T) {
	m, _ := newModel().Update(enter)
	if left, _ := m.Update(esc); left.TakeIntent() != (ExitMsg{}) {
		t.Fatal("esc while the answer is being stored should leave the quiz")
	}
}

// Issue 15: a lesson quiz that passed shows its summary (and "You are
// right! Congratulations") only once the parent says the pass is stored.
func TestQuizPassWaitsForTheCommit(t *testing.T) {
	m, fin := sitting(t, fiveModel(0), []bool{true, true, true, true, true})
	if !fin.Passed || !m.Waiting() {
		t.Fatalf("a pass should wait to be stored: %+v waiting %v", fin, m.Waiting())
	}
	if v := view(m); strings.Contains(v, PassedLine) || strings.Contains(v, "Quiz passed") {
		t.Fatalf("pass shown before it is stored:\n%s", v)
	}
	m, _ = m.Update(SlowMsg{})
	if !strings.Contains(view(m), savingPass) {
		t.Fatalf("slow pass:\n%s", view(m))
	}
	failed, _ := m.Update(LessonStatusMsg{LessonID: "l", Err: errors.New("disk full")})
	if v := view(failed); strings.Contains(v, PassedLine) || !strings.Contains(v, "Your pass was not saved: disk full.") {
		t.Fatalf("failed pass:\n%s", v)
	}
	retry, cmd := failed.Update(enter)
	if got := msgs(cmd); len(got) != 1 || !got[0].(FinishedMsg).Passed || !retry.Waiting() {
		t.Fatalf("enter after a failed pass should try again: %v", got)
	}
	done, _ := retry.Update(LessonStatusMsg{LessonID: "l", Done: true})
	if v := view(done); !strings.Contains(v, PassedLine) || !strings.Contains(v, "Quiz passed: the lesson is done.") {
		t.Fatalf("stored pass:\n%s", v)
	}
}
