package quiz

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/quizzes"
)

var nextKey = tea.KeyPressMsg{Code: 'n', Text: "n"}

// five single-answer items keyed "right".
func fiveModel(mark float64) Model {
	var items []*quizzes.Item
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		items = append(items, &quizzes.Item{ID: "l/" + id, Lesson: "l", Kind: quizzes.Single, Prompt: "Question " + id + "?",
			Choices: []quizzes.Choice{{Text: "right", Correct: true, Why: "yes"}, {Text: "wrong", Why: "no"}, {Text: "other", Why: "no"}}})
	}
	c := common.New()
	c.Width, c.Height = 80, 40
	m := New(c, "Quiz: L", "l", items, 3)
	if mark > 0 {
		m = m.WithPassMark(mark)
	}
	return m
}

// sitting answers the first round (right on the first try where first[i],
// else wrong then right), then the review round; it returns the summary
// model (a pass waiting for its LessonStatusMsg) and the FinishedMsg.
func sitting(t *testing.T, m Model, first []bool) (Model, FinishedMsg) {
	t.Helper()
	var cmd tea.Cmd
	for i := 0; !m.Done() && !m.Waiting(); i++ {
		if i < len(first) && !first[i] {
			m, _ = upd(moveTo(t, m, "wrong"), enter)
		}
		m, _ = answerRight(t, m)
		m, cmd = upd(m, enter)
	}
	fin, ok := cmd().(FinishedMsg)
	if !ok {
		t.Fatal("no FinishedMsg")
	}
	return m, fin
}

func TestQuizTwoOfFiveDoesNotPass(t *testing.T) {
	m, fin := sitting(t, fiveModel(0), []bool{true, false, true, false, false})
	if fin.Passed || m.Passed() {
		t.Fatal("2 of 5 right on the first try passed the lesson")
	}
	v := view(m)
	for _, w := range []string{"Score: 2/5 right on the first try", "Not passed: 4 of 5 right on the first try are needed", "To review:", "Question b?", "Question d?", "Question e?"} {
		if !strings.Contains(v, w) {
			t.Errorf("summary lacks %q:\n%s", w, v)
		}
	}
	if strings.Contains(v, "Question a?") || strings.Contains(v, PassedLine) {
		t.Errorf("summary lists an item right on the first try, or congratulates:\n%s", v)
	}
}

func TestQuizPassMarkIsTheCourses(t *testing.T) {
	if _, fin := sitting(t, fiveModel(0), []bool{true, true, true, false, true}); !fin.Passed {
		t.Error("4 of 5 does not pass at the default 80%")
	}
	if _, fin := sitting(t, fiveModel(1), []bool{true, true, true, false, true}); fin.Passed {
		t.Error("4 of 5 passed a pass mark of 1")
	}
}

func TestQuizPassedSaysWhatTheAppKnows(t *testing.T) {
	m, fin := sitting(t, fiveModel(0), []bool{true, true, true, true, false})
	if !fin.Passed || fin.LessonID != "l" {
		t.Fatalf("finished %+v", fin)
	}
	if v := view(m); strings.Contains(v, "Quiz passed") || strings.Contains(v, PassedLine) {
		t.Errorf("before the app's word (the pass is stored) the quiz is not said to pass:\n%s", v)
	}
	notRead, _ := upd(m, LessonStatusMsg{LessonID: "l", Done: false})
	lines := strings.Split(view(notRead), "\n")
	if last := lines[len(lines)-1]; last != PassedLine || PassedLine != "You are right! Congratulations, now go to the next page" {
		t.Errorf("closing line %q", last)
	}
	if v := view(notRead); strings.Contains(v, "the lesson is done") || !strings.Contains(v, "Read the lesson to the end") || !strings.Contains(v, "Question e?") {
		t.Errorf("lesson not read; e is to review:\n%s", v)
	}
	other, _ := upd(m, LessonStatusMsg{LessonID: "other", Done: true})
	done, _ := upd(m, LessonStatusMsg{LessonID: "l", Done: true})
	if !other.Waiting() || strings.Contains(view(other), "the lesson is done") || !strings.Contains(view(done), "Quiz passed: the lesson is done.") {
		t.Errorf("status:\n%s\n---\n%s", view(other), view(done))
	}
	if next, _ := upd(done, nextKey); next.TakeIntent() != (NextLessonMsg{LessonID: "l"}) {
		t.Error("n on a passed quiz should ask for the next lesson")
	}
}

func TestQuizEnterOnAWrongChoiceIsNotAnAttempt(t *testing.T) {
	m := newModel()
	m = moveTo(t, m, "Amazon S3")
	m, _ = upd(m, enter)
	m, cmd := upd(m, enter) // again, on the choice marked wrong
	if cmd != nil || m.Results()[0].Attempts != 1 {
		t.Fatalf("a second enter on a wrong choice was another attempt: attempts %d", m.Results()[0].Attempts)
	}
	if v := view(m); !strings.Contains(v, triedAlready) || !strings.Contains(v, "You missed! Try again.") {
		t.Errorf("want the miss kept and a note:\n%s", v)
	}
	m, _ = answerRight(t, m)
	m, _ = upd(m, enter)

	// Multi: the same set again, or a set with a choice marked wrong.
	m = moveTo(t, m, "2")
	m, _ = upd(m, space)
	m = moveTo(t, m, "4")
	m, _ = upd(m, space)
	m, _ = upd(m, enter)
	m, _ = upd(m, enter)
	m = moveTo(t, m, "5")
	m, _ = upd(m, space)
	m, _ = upd(m, enter)
	if n := m.Results()[1].Attempts; n != 1 || !strings.Contains(view(m), triedAlready) {
		t.Errorf("multi: %d attempts, want 1\n%s", n, view(m))
	}
}

func TestQuizChosenRadioIsFilled(t *testing.T) {
	m := newModel()
	if v := view(m); strings.Count(v, "(•)") != 1 || !strings.Contains(v, "(•) 1. ") {
		t.Errorf("the cursor's radio is the chosen one:\n%s", v)
	}
	m, _ = upd(m, down)
	if v := view(m); strings.Count(v, "(•)") != 1 || !strings.Contains(v, "(•) 2. ") {
		t.Errorf("the choice moves with the cursor:\n%s", v)
	}
	m, _ = answerRight(t, m)
	if v := view(m); !strings.Contains(v, "✓ (•) ") {
		t.Errorf("the answer given stays filled:\n%s", v)
	}
}
