package app

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
