package namein

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

type course struct{ size tea.WindowSizeMsg }

func (c course) Init() tea.Cmd { return nil }
func (c course) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(tea.WindowSizeMsg); ok {
		c.size = s
	}
	return c, nil
}
func (c course) View() tea.View { return tea.NewView("course") }

func typeIn(m tea.Model, s string) tea.Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// run executes cmd (and batches) feeding messages back, as a program would.
func run(m tea.Model, cmd tea.Cmd) tea.Model {
	for queue := []tea.Cmd{cmd}; len(queue) > 0; queue = queue[1:] {
		if queue[0] == nil {
			continue
		}
		switch msg := queue[0]().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			var c tea.Cmd
			m, c = m.Update(msg)
			queue = append(queue, c)
		}
	}
	return m
}

func enter() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyEnter} }

// TestSavesThenTheCourse: enter saves the trimmed name, then the program
// runs the course, sized like the prompt was.
func TestSavesThenTheCourse(t *testing.T) {
	var saved string
	var m tea.Model = New(func(n string) error { saved = n; return nil }, func() tea.Model { return course{} }, 0)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 70, Height: 20})
	m = typeIn(m, "  Ann Leex")
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	m, _ = m.Update(tea.PasteMsg{Content: "\x1b[31m "})
	m, cmd := m.Update(enter())
	m = run(m, cmd)
	c, ok := m.(course)
	if !ok || saved != "Ann Lee[31m" {
		t.Fatalf("model %T, saved %q", m, saved)
	}
	if c.size.Width != 70 || c.size.Height != 20 {
		t.Fatalf("course sized %+v", c.size)
	}
}

// TestRefusesAnEmptyOrLongName and stays on the prompt, saying why.
func TestRefusesAnEmptyOrLongName(t *testing.T) {
	calls := 0
	for _, typed := range []string{"   ", strings.Repeat("n", 41)} {
		var m tea.Model = New(func(string) error { calls++; return nil }, func() tea.Model { return course{} }, 0)
		m = typeIn(m, typed)
		m, cmd := m.Update(enter())
		m = run(m, cmd)
		p, ok := m.(Model)
		if !ok || p.err == "" || !strings.Contains(ansi.Strip(p.View().Content), p.err[:10]) {
			t.Fatalf("%q: model %T %+v", typed, m, p)
		}
	}
	if calls != 0 {
		t.Fatalf("saved %d times", calls)
	}
}

// TestSaveErrorStays: a store error is shown; nothing is lost, enter again retries.
func TestSaveErrorStays(t *testing.T) {
	fail := true
	var m tea.Model = New(func(string) error {
		if fail {
			return errors.New("database is locked")
		}
		return nil
	}, func() tea.Model { return course{} }, 0)
	m = typeIn(m, "Bo")
	m, cmd := m.Update(enter())
	m = run(m, cmd)
	if p, ok := m.(Model); !ok || !strings.Contains(p.View().Content, "database is locked") || p.Typed() != "Bo" {
		t.Fatalf("after a failed save: %T", m)
	}
	fail = false
	m, cmd = m.Update(enter())
	if _, ok := run(m, cmd).(course); !ok {
		t.Fatal("retry did not reach the course")
	}
}

// TestFits: every line within the width, no more lines than the height,
// the field always shown, at 10x5 up to 80x24 and with a long error.
func TestFits(t *testing.T) {
	for _, size := range [][2]int{{10, 5}, {20, 3}, {29, 7}, {40, 10}, {80, 24}} {
		var m tea.Model = New(func(string) error { return nil }, func() tea.Model { return course{} }, 0)
		m, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = typeIn(m, strings.Repeat("long name ", 5))
		for _, step := range []string{"typed", "error"} {
			if step == "error" {
				m, _ = m.Update(enter())
			}
			view := ansi.Strip(m.View().Content)
			lines := strings.Split(view, "\n")
			if len(lines) > size[1] {
				t.Errorf("%v %s: %d lines:\n%s", size, step, len(lines), view)
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > size[0] {
					t.Errorf("%v %s: line %q is %d wide", size, step, l, ansi.StringWidth(l))
				}
			}
			if !strings.Contains(view, "> ") {
				t.Errorf("%v %s: no field:\n%s", size, step, view)
			}
		}
	}
}

// TestIdleQuits: no key for the idle timeout quits (and says so); a key
// press restarts the wait.
func TestIdleQuits(t *testing.T) {
	m := New(func(string) error { return nil }, func() tea.Model { return course{} }, 1)
	next, _ := m.Update(idleMsg{seq: 0})
	if !next.(Model).Idled() {
		t.Fatal("idle timer did not quit")
	}
	typed := typeIn(m, "a")
	if after, _ := typed.Update(idleMsg{seq: 0}); after.(Model).Idled() {
		t.Fatal("a stale timer quit after a key press")
	}
}
