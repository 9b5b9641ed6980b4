package app

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// burst feeds keys one after another as a fast typist's burst reaches the
// program: no command the app returns runs in between (a program runs
// them on other goroutines, so their messages come after the keys).
func burst(m Model, keys ...string) Model {
	for _, k := range keys {
		tm, _ := m.Update(press(k))
		m = tm.(Model)
	}
	return m
}

func TestKeysTypedInOneBurstReachTheScreenTheyLeadTo(t *testing.T) {
	crs, err := builtinCourse()
	if err != nil {
		t.Fatal(err)
	}
	ids := func(i int) string { return crs.Lessons.Lessons[i].ID }
	open := func(t *testing.T, st *progress.State) Model {
		m := New(Options{Course: crs, State: st, Now: func() time.Time { return time.Unix(0, 0) }})
		tm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		return tm.(Model)
	}
	t.Run("outline j j j enter n n", func(t *testing.T) {
		m := burst(open(t, nil), "j", "j", "j", "enter", "n", "n")
		if got := m.lessonID(); got != ids(5) {
			t.Fatalf("on lesson %q (%s), want %q: keys were lost", got, title(m), ids(5))
		}
	})
	t.Run("lesson q j enter", func(t *testing.T) {
		st := progress.New()
		st.Open(ids(1), time.Unix(0, 0))
		m := open(t, st)
		if m.lessonID() != ids(1) {
			t.Fatalf("the last lesson did not reopen: %q", m.lessonID())
		}
		m = burst(m, "q", "j", "enter")
		if got := m.lessonID(); got != ids(2) {
			t.Fatalf("on lesson %q (%s), want %q: keys were lost", got, title(m), ids(2))
		}
	})
	t.Run("lesson p then ? and back", func(t *testing.T) {
		m := burst(open(t, nil), "enter", "n", "p", "?", "q", "q")
		if title(m) != "Outline" || m.outlineSelected() != ids(0) {
			t.Fatalf("want the outline on %q, got %s on %q", ids(0), title(m), m.outlineSelected())
		}
	})
}

func (m Model) outlineSelected() string {
	o, _, _ := find[outlineScreen](m.stack)
	return o.M.Selected()
}
