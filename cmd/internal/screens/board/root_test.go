package board

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestRootFollowsTheTerminal: a following board takes its theme from the
// terminal's background colour answer; a fixed one keeps its own.
func TestRootFollowsTheTerminal(t *testing.T) {
	light := tea.BackgroundColorMsg{Color: color.White}
	var m tea.Model = NewRoot(source(class()), true).FollowTerminal()
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(light)
	if m.(Root).Dark() {
		t.Error("a light terminal's answer left the following board dark")
	}
	m, _ = NewRoot(source(class()), true).Update(light)
	if !m.(Root).Dark() {
		t.Error("a board not following the terminal changed its theme")
	}
}
