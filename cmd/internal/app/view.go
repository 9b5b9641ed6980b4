package app

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/screens/keyhelp"
)

// View draws the screen on top, the status line and the help line.
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.WindowTitle = "tutor"
	if m.opts.Quiz != nil {
		v.WindowTitle = "tutor quiz"
	} else {
		v.MouseMode = tea.MouseModeCellMotion // the lesson scrolls with the wheel
	}
	return v
}

func (m Model) content() string {
	w, h := m.common.Width, m.common.Height
	if !m.sized || !m.Ready() {
		return ""
	}
	if w < MinWidth || h < MinHeight {
		msg := fmt.Sprintf("Make the window larger: tutor needs %d×%d, this one is %d×%d.", MinWidth, MinHeight, w, h)
		return lipgloss.NewStyle().Width(w).MaxHeight(h).Render(msg)
	}
	warn := m.warningLines()
	out := fit(m.top().View(), w, h-1-len(warn)) + "\n"
	for _, l := range warn {
		out += l + "\n"
	}
	return out + m.bottom()
}

// bottom is the status line when there is one, else the top screen's keys.
func (m Model) bottom() string {
	w := m.common.Width
	if m.status != "" {
		st := m.common.Styles.InProgress
		if m.opts.Quiz != nil {
			st = m.common.Styles.Error
		}
		return ansi.Truncate(st.Render(m.status), w, "…")
	}
	keys := m.top().ShortHelp()
	if m.warning != "" {
		keys = append([]key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "dismiss the warning"))}, keys...)
	}
	_, helpOpen := m.top().(keyhelp.Model)
	return m.footer(keys, !helpOpen, w)
}

// fit pads or cuts body to exactly h lines, none wider than w: a screen
// that draws too much is clipped rather than pushing the help line away.
func fit(body string, w, h int) string {
	lines := strings.Split(body, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
