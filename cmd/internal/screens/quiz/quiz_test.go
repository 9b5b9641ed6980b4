package quiz

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/quizzes"
)

func items() []*quizzes.Item {
	return []*quizzes.Item{
		{ID: "sync-trigger", Lesson: "event-sources", Kind: quizzes.Single, Prompt: "Which service invokes synchronously?", Choices: []quizzes.Choice{
			{Text: "Amazon API Gateway", Correct: true, Why: "It waits for the function's answer."},
			{Text: "Amazon S3", Why: "S3 invokes asynchronously."},
			{Text: "Amazon SQS", Why: "SQS is polled by an event source mapping."},
		}},
		{ID: "primes", Lesson: "event-sources", Kind: quizzes.Multi, Prompt: "Pick the primes", Choices: []quizzes.Choice{
			{Text: "2", Correct: true, Why: "2 is prime."}, {Text: "4", Why: "4 is 2x2."}, {Text: "5", Correct: true, Why: "5 is prime."},
		}},
	}
}

var (
	down  = tea.KeyPressMsg{Code: 'j', Text: "j"}
	up    = tea.KeyPressMsg{Code: tea.KeyUp}
	space = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	enter = tea.KeyPressMsg{Code: tea.KeyEnter}
	skip  = tea.KeyPressMsg{Code: 's', Text: "s"}
	esc   = tea.KeyPressMsg{Code: tea.KeyEscape}
)

func newModel() Model {
	c := common.New()
	c.Width, c.Height = 70, 30
	return New(c, "Event sources", "event-sources", items(), 7)
}

func view(m Model) string { return ansi.Strip(m.View()) }

// moveTo puts the cursor on the choice with text.
func moveTo(t *testing.T, m Model, text string) Model {
	t.Helper()
	for range len(m.order) {
		m, _ = upd(m, up)
	}
	for pos, ci := range m.order {
		if m.item().Choices[ci].Text == text {
			for range pos {
				m, _ = upd(m, down)
			}
			return m
		}
	}
	t.Fatalf("no choice %q", text)
	return m
}

// msgs runs a command (and any batch) and returns the messages.
func msgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	return []tea.Msg{cmd()}
}

func TestQuizWrongThenRightThenMulti(t *testing.T) {
	m := newModel()
	v := view(m)
	for _, w := range []string{"Event sources · Question 1 of 2", "[sync-trigger]", "Which service invokes synchronously?", "1. Amazon", "›"} {
		if !strings.Contains(v, w) {
			t.Errorf("first view lacks %q:\n%s", w, v)
		}
	}

	m = moveTo(t, m, "Amazon S3")
	m, cmd := upd(m, enter)
	// The choice picked is sent by its text: display positions are shuffled.
	if got := msgs(cmd); len(got) != 1 || !reflect.DeepEqual(got[0], AnsweredMsg{ItemID: "sync-trigger", Right: false, Picked: []string{"Amazon S3"}, Screen: m.id}) {
		t.Errorf("first answer sent %v, want AnsweredMsg{sync-trigger false [Amazon S3]}", got)
	}
	v = view(m)
	fb, choices := strings.Index(v, "You missed! Try again."), strings.Index(v, "1. ")
	if fb < 0 || choices < fb || !strings.Contains(v, "S3 invokes asynchronously.") || !strings.Contains(v, "✗ (•) 1. Amazon S3") {
		t.Errorf("want the miss and its why above the choices, S3 marked:\n%s", v)
	}

	m = moveTo(t, m, "Amazon API Gateway")
	m, cmd = upd(m, enter)
	if cmd != nil {
		t.Errorf("a second attempt must not record another answer: %v", msgs(cmd))
	}
	v = view(m)
	if !strings.Contains(v, "You are right!") || !strings.Contains(v, "It waits for the function's answer.") || !strings.Contains(v, "enter: next question") {
		t.Errorf("right feedback:\n%s", v)
	}

	m, _ = upd(m, enter)
	if !strings.Contains(view(m), "Question 2 of 2") || !strings.Contains(view(m), "[ ] ") {
		t.Fatalf("second question:\n%s", view(m))
	}
	m, _ = upd(m, enter) // nothing toggled
	if !strings.Contains(view(m), "Choose with space first") {
		t.Errorf("empty multi submit should explain:\n%s", view(m))
	}
	m = moveTo(t, m, "2")
	m, _ = upd(m, space)
	m, cmd = upd(m, enter)
	if got := msgs(cmd); len(got) != 1 || !reflect.DeepEqual(got[0], AnsweredMsg{ItemID: "primes", Right: false, Picked: []string{"2"}, Screen: m.id}) {
		t.Errorf("partial multi answer sent %v", got)
	}
	if !strings.Contains(view(m), "not all the right choices") {
		t.Errorf("partial multi feedback:\n%s", view(m))
	}
	m = moveTo(t, m, "5")
	m, _ = upd(m, space)
	m, _ = upd(m, enter)
	if !strings.Contains(view(m), "You are right!") || !strings.Contains(view(m), "2: 2 is prime.") {
		t.Errorf("multi right:\n%s", view(m))
	}

	// Both were missed on the first try: they come back, under "Review".
	m, cmd = upd(m, enter)
	if cmd != nil {
		t.Fatalf("the quiz finished before the review round: %v", msgs(cmd))
	}
	v = view(m)
	if !strings.Contains(v, "Event sources · Review · Question 1 of 2") || !strings.Contains(v, "Missed on the first try") {
		t.Fatalf("review round:\n%s", v)
	}
	m, cmd = answerRight(t, m)
	if cmd != nil {
		t.Errorf("an answer in the review round must not be recorded: %v", msgs(cmd))
	}
	m, _ = upd(m, enter)
	m, _ = answerRight(t, m)
	m, cmd = upd(m, enter)
	got := msgs(cmd)
	fin, ok := got[0].(FinishedMsg)
	if !ok || fin.Passed || fin.LessonID != "event-sources" || len(fin.Results) != 2 || fin.Results[0].Attempts != 2 {
		t.Fatalf("finish sent %#v", got)
	}
	v = view(m)
	for _, w := range []string{"Quiz complete", "Score: 0/2 right on the first try", "Not passed: 2 of 2 right on the first try are needed",
		"To review:", "✗ Which service invokes synchronously?  missed · sync-trigger", "missed · primes"} {
		if !strings.Contains(v, w) {
			t.Errorf("summary lacks %q:\n%s", w, v)
		}
	}
	if strings.Contains(v, "Quiz passed") || strings.Contains(v, PassedLine) {
		t.Errorf("a quiz of 0/2 passed:\n%s", v)
	}
	if stay, cmd := upd(m, tea.KeyPressMsg{Code: 'n', Text: "n"}); cmd != nil || stay.TakeIntent() != nil {
		t.Errorf("n on a quiz not passed sent %v, asked %v", msgs(cmd), stay.Intent())
	}
	if closed, _ := upd(m, enter); closed.TakeIntent() != (ExitMsg{}) {
		t.Error("enter on the summary should close the quiz")
	}
}

// answerRight answers the current item right (every right choice).
func answerRight(t *testing.T, m Model) (Model, tea.Cmd) {
	t.Helper()
	it := m.item()
	if it.Kind != quizzes.Multi {
		return upd(moveTo(t, m, it.Choices[it.Correct()[0]].Text), enter)
	}
	for pos, ci := range m.order {
		if it.Choices[ci].Correct != m.picked[pos] {
			m = moveTo(t, m, it.Choices[ci].Text)
			m, _ = upd(m, space)
		}
	}
	return upd(m, enter)
}

func TestQuizSkipIsNotPassed(t *testing.T) {
	m := newModel()
	m, cmd := upd(m, skip)
	if got := msgs(cmd); !reflect.DeepEqual(got[0], AnsweredMsg{ItemID: "sync-trigger", Right: false, Picked: []string{}, Screen: m.id}) {
		t.Errorf("skip sent %v", got)
	}
	if v := view(m); !strings.Contains(v, "Skipped. The right answer:") || !strings.Contains(v, "Amazon API Gateway: It waits") || !strings.Contains(v, "✓ (") {
		t.Errorf("skip view:\n%s", v)
	}
	m, _ = upd(m, enter)
	m, _ = upd(m, skip)
	m, _ = upd(m, enter)
	// The review round: a skip there sends the item to the back.
	m, _ = upd(m, skip)
	m, _ = upd(m, enter)
	if v := view(m); !strings.Contains(v, "Review · Question 2 of 3") || !strings.Contains(v, "[primes]") {
		t.Fatalf("after a skip in review:\n%s", v)
	}
	for range 2 {
		m, _ = answerRight(t, m)
		m, cmd = upd(m, enter)
	}
	if fin := cmd().(FinishedMsg); fin.Passed {
		t.Error("a quiz with skips passed")
	}
	if v := view(m); !strings.Contains(v, "Not passed") || !strings.Contains(v, "skipped · sync-trigger") {
		t.Errorf("summary:\n%s", v)
	}
}

func TestQuizKeysAndSize(t *testing.T) {
	m := newModel()
	m, _ = upd(m, up) // stays on the first choice
	if m.cursor != 0 {
		t.Errorf("cursor %d after up at the top", m.cursor)
	}
	for range 10 {
		m, _ = upd(m, down)
	}
	if m.cursor != 2 {
		t.Errorf("cursor %d after many downs, want 2 (last)", m.cursor)
	}
	if left, _ := upd(m, esc); left.TakeIntent() != (ExitMsg{}) {
		t.Error("esc should leave the quiz")
	}
	m.SetSize(24, 6)
	lines := strings.Split(view(m), "\n")
	if len(lines) > 6 {
		t.Errorf("view is %d lines in a height of 6", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > 24 {
			t.Errorf("line wider than 24: %q", l)
		}
	}
	if !strings.Contains(view(m), "3. ") {
		t.Errorf("a short screen must still show the choices:\n%s", view(m))
	}
	if len(m.Keys().ShortHelp()) == 0 || len(m.Keys().FullHelp()) == 0 {
		t.Error("empty help")
	}
}

// TestQuizGolden pins the layout after a miss; go test -update rewrites it.
func TestQuizGolden(t *testing.T) {
	m := newModel()
	m = moveTo(t, m, "Amazon SQS")
	m, _ = upd(m, enter)
	golden.RequireEqual(t, []byte(view(m)))
}
