package app

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the screen on top, the status line and the help line.
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "tutor"
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
	bottom := m.help.ShortHelpView(m.shortHelp())
	if m.status != "" {
		bottom = m.common.Styles.InProgress.Render(m.status)
	}
	bottom = ansi.Truncate(bottom, w, "…")
	var body string
	switch {
	case m.full:
		body = m.fullHelp()
	case m.screen == labScreen:
		body = m.lab.View()
	case m.screen == filterScreen:
		body = m.filter.View()
	case m.screen == quizScreen:
		body = m.quiz.View()
	case m.screen == experimentScreen:
		body = m.exp.View()
	case m.screen == lessonScreen:
		body = m.lesson.View()
	default:
		body = m.outline.View()
	}
	lines := strings.Split(body, "\n")
	if len(lines) > h-1 {
		lines = lines[:h-1]
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + bottom
}

// shortHelp is the always-visible key line of the screen on top.
func (m Model) shortHelp() []key.Binding {
	k := m.common.Keys
	switch m.screen {
	case labScreen:
		return m.lab.ShortHelp()
	case filterScreen:
		return m.filter.ShortHelp()
	case quizScreen:
		return m.quiz.Keys().ShortHelp()
	case experimentScreen:
		return m.exp.ShortHelp()
	case lessonScreen:
		out := []key.Binding{k.Down, k.PageDown, k.Next, k.Prev}
		if m.acts.quiz {
			out = append(out, k.Quiz)
		}
		if m.acts.lab {
			out = append(out, k.Lab)
		}
		if m.acts.filter {
			out = append(out, k.Filter)
		}
		if m.acts.experiment {
			out = append(out, k.Experiment)
		}
		return append(out, k.Back, k.Help)
	}
	quit := key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	return []key.Binding{k.Up, k.Down, k.Open, quit, k.Help}
}

// fullHelp lists every key, grouped.
func (m Model) fullHelp() string {
	k := m.common.Keys
	st := m.common.Styles
	groups := []struct {
		title    string
		bindings []key.Binding
	}{
		{"Moving", []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}},
		{"Lessons", []key.Binding{k.Open, k.Next, k.Prev, k.Quiz, k.Lab, k.Filter, k.Experiment, k.Back}},
		{"In a lab", []key.Binding{
			key.NewBinding(key.WithHelp("enter", "run the handler on the event")),
			key.NewBinding(key.WithHelp("e", "edit the event in $EDITOR, then run it")),
			key.NewBinding(key.WithHelp("tab", "show code, event or result")),
		}},
		{"Anywhere", []key.Binding{k.Help, k.Quit}},
	}
	var b strings.Builder
	b.WriteString(st.Title.Render("Keys") + st.Subtle.Render("  (? or q to close)") + "\n")
	for _, g := range groups {
		b.WriteString("\n" + st.Accent.Render(g.title) + "\n")
		for _, bind := range g.bindings {
			h := bind.Help()
			fmt.Fprintf(&b, "  %-14s %s\n", h.Key, h.Desc)
		}
	}
	b.WriteString("\n" + st.Subtle.Render("Progress is saved as you go; tutor reopens the last lesson where you left it."))
	return b.String()
}
