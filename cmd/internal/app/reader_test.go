package app

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// TestLessonOpensWithItsObjectives: the objectives in the front matter
// are the first thing under the lesson's title.
func TestLessonOpensWithItsObjectives(t *testing.T) {
	for _, sz := range fitSizes {
		m := start(t, nil)
		m, _ = send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		m, _ = send(t, m, press("enter"))
		v := ansi.Strip(m.View().Content)
		if !strings.Contains(v, "In this lesson you will") {
			t.Errorf("%dx%d: the lesson does not open with its objectives:\n%s", sz[0], sz[1], v)
		}
		if sz[1] >= 20 && !strings.Contains(v, "Tell what alpha is for") {
			t.Errorf("%dx%d: the objective is not on the first screen:\n%s", sz[0], sz[1], v)
		}
	}
}

// TestOutlineShowsTheSelectedSummary: the summary of the lesson under the
// cursor is under the list, and follows the cursor.
func TestOutlineShowsTheSelectedSummary(t *testing.T) {
	for _, sz := range fitSizes {
		m := start(t, nil)
		m, _ = send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		v := ansi.Strip(m.View().Content)
		if !strings.Contains(v, "The first lesson of the") {
			t.Errorf("%dx%d: no summary for the selected lesson:\n%s", sz[0], sz[1], v)
		}
		if !strings.Contains(v, "Beta lesson") {
			t.Errorf("%dx%d: the summary pushed the second lesson out:\n%s", sz[0], sz[1], v)
		}
		m, _ = send(t, m, press("j"))
		if v := ansi.Strip(m.View().Content); strings.Contains(v, "The first lesson of the") {
			t.Errorf("%dx%d: the summary did not follow the cursor (beta has none):\n%s", sz[0], sz[1], v)
		}
	}
}

// TestEveryLessonThatInvitesAnExperimentHasOne: x in the lessons that
// cover several sources or none opens an experiment panel.
func TestEveryLessonThatInvitesAnExperimentHasOne(t *testing.T) {
	full, err := builtinCourse()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"event-sources", "concurrency", "best-practices"} {
		st := progress.New()
		st.Last = id
		m := New(Options{Course: full, State: st, Now: func() time.Time { return time.Unix(0, 0) }})
		m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = send(t, m, press("x"))
		v := ansi.Strip(m.View().Content)
		if strings.Contains(v, "has no experiment") || !strings.Contains(v, "Experiment") {
			t.Errorf("%s: x does not open an experiment:\n%s", id, v)
		}
	}
}

// TestClosingScreenAfterTheLastLesson: n past the last lesson shows what
// was done, the first-try score, what to review and where to go next;
// q goes back to the lesson.
func TestClosingScreenAfterTheLastLesson(t *testing.T) {
	for _, sz := range fitSizes {
		m := New(Options{Course: testCourse(t), Now: func() time.Time { return time.Unix(0, 0) },
			QuizStats: func() (practice.Stats, error) {
				return practice.Stats{Items: 1, Seen: 1, Answers: 4, FirstTryRight: 3, Due: 2}, nil
			}})
		m, _ = send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		m, _ = send(t, m, press("j"))
		m, _ = send(t, m, press("enter")) // beta, the last lesson
		m, _ = send(t, m, press("G"))
		if sz[0] >= 80 && !strings.Contains(ansi.Strip(m.View().Content), "n: course summary") {
			t.Errorf("%dx%d: the last lesson's end does not say n goes on:\n%s", sz[0], sz[1], ansi.Strip(m.View().Content))
		}
		m, _ = send(t, m, press("n"))
		if m.top().Title() != "The end" {
			t.Fatalf("%dx%d: n past the last lesson opened %q", sz[0], sz[1], m.top().Title())
		}
		var all string
		for range 40 { // read it all, page by page
			all += ansi.Strip(m.top().View()) + "\n"
			m, _ = send(t, m, press("pgdown"))
		}
		flat := strings.Join(strings.Fields(all), " ")
		for _, want := range []string{"finished 1 of 2 lessons", "3 of 4 answers right on the first try (75%)",
			"Alpha lesson (alpha): not opened yet", "2 quiz questions are due", "tutor quiz --review", "tutor sandbox examples"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%dx%d: the closing screen lacks %q:\n%s", sz[0], sz[1], want, all)
			}
		}
		m, _ = send(t, m, press("q"))
		if m.top().Title() != "Lesson" {
			t.Errorf("%dx%d: q from the closing screen went to %q", sz[0], sz[1], m.top().Title())
		}
	}
}
