package lesson

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/lessons"
)

const diagram = "```\n┌────────────────────────────────────────────────────────────────────┐\n│ a box seventy columns wide, drawn for an 80-column terminal        │\n└────────────────────────────────────────────────────────────────────┘\n```\n"

func open(t *testing.T, w, h int) Model {
	t.Helper()
	c := common.New()
	c.Width, c.Height = w, h
	l := &lessons.Lesson{ID: "box", Title: "Box", Body: "Prose before the box, long enough to wrap at fifty columns or so.\n\n" + diagram + "\nProse after.\n"}
	m := New(c, l, 0, 1, 0, nil)
	out, err := render.Markdown(l.Body, m.ContentWidth(), true)
	if err != nil {
		t.Fatal(err)
	}
	m.SetContent(out)
	return m
}

func press(s string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: []rune(s)[0], Text: s} }

// At 50 columns the box is clipped with a marker, never wrapped: every
// line of the frame fits, the box keeps its three lines, and > and <
// scroll it sideways without rendering anything.
func TestCodeIsClippedAndScrollsSideways(t *testing.T) {
	m := open(t, 50, 16)
	v := ansi.Strip(m.View())
	for _, l := range strings.Split(v, "\n") {
		if ansi.StringWidth(l) > 50 {
			t.Fatalf("a line %d wide at 50 columns: %q", ansi.StringWidth(l), l)
		}
	}
	if strings.Count(v, "│ a box") != 1 || strings.Count(v, "›") != 3 {
		t.Fatalf("want the box's three lines clipped with ›:\n%s", v)
	}
	if !strings.Contains(v, "scrolls it") {
		t.Errorf("the footer does not say code is cut off:\n%s", v)
	}
	before := render.Count()
	m, _ = m.Update(press(">"))
	if m.Shift() == 0 {
		t.Fatal("> did not scroll")
	}
	v2 := ansi.Strip(m.View())
	if strings.Count(v2, "‹") != 3 || !strings.Contains(v2, "Prose after.") {
		t.Fatalf("scrolled: want ‹ on the box's lines, the prose in place:\n%s", v2)
	}
	for i := 0; i < 20; i++ {
		m, _ = m.Update(press(">"))
	}
	if v3 := ansi.Strip(m.View()); strings.Contains(v3, "›") || !strings.Contains(v3, "80-column terminal        │") {
		t.Fatalf("scrolled to the end, the box's right edge should show:\n%s", v3)
	}
	for i := 0; i < 20; i++ {
		m, _ = m.Update(press("<"))
	}
	if m.Shift() != 0 || ansi.Strip(m.View()) != v {
		t.Fatalf("< back to the start: shift %d", m.Shift())
	}
	if n := render.Count() - before; n != 0 {
		t.Fatalf("%d renders on sideways keys, want 0", n)
	}
}

// Wide enough, nothing is clipped and the sideways keys do nothing.
func TestCodeThatFitsDoesNotScroll(t *testing.T) {
	m := open(t, 80, 16)
	v := ansi.Strip(m.View())
	if strings.Contains(v, "›") || strings.Contains(v, "scrolls it") {
		t.Fatalf("clipped at 80 columns:\n%s", v)
	}
	m, _ = m.Update(press(">"))
	if m.Shift() != 0 {
		t.Fatal("scrolled code that fits")
	}
}

// ? lists the sideways keys with the reader's other keys.
func TestHelpListsSidewaysKeys(t *testing.T) {
	m := open(t, 80, 16)
	var helps []string
	for _, g := range m.FullHelp() {
		for _, b := range g {
			helps = append(helps, b.Help().Key+" "+b.Help().Desc)
		}
	}
	all := strings.Join(helps, ", ")
	if !strings.Contains(all, "< scroll code left") || !strings.Contains(all, "> scroll code right") {
		t.Fatalf("help: %s", all)
	}
}
