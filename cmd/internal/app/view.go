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
		short := func(keys, desc string) key.Binding {
			return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
		}
		out := []key.Binding{short("↑/↓", "scroll"), short("n/p", "next/prev")}
		for _, a := range []struct {
			on   bool
			bind key.Binding
		}{{m.acts.quiz, k.Quiz}, {m.acts.lab, k.Lab}, {m.acts.filter, k.Filter}, {m.acts.experiment, k.Experiment}} {
			if a.on {
				out = append(out, a.bind)
			}
		}
		return append(out, k.Back, k.Help)
	}
	quit := key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	return []key.Binding{k.Up, k.Down, k.Open, quit, k.Help}
}

// fullHelp lists every key, grouped, in two columns when they fit.
func (m Model) fullHelp() string {
	k := m.common.Keys
	st := m.common.Styles
	b := func(keys, desc string) key.Binding { return key.NewBinding(key.WithHelp(keys, desc)) }
	group := func(title string, bindings ...key.Binding) string {
		var sb strings.Builder
		sb.WriteString(st.Accent.Render(title) + "\n")
		for _, bind := range bindings {
			h := bind.Help()
			fmt.Fprintf(&sb, "  %-12s %s\n", h.Key, h.Desc)
		}
		return sb.String()
	}
	left := group("Moving", k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom) + "\n" +
		group("Lessons", k.Open, k.Next, k.Prev, k.Back) + "\n" +
		group("Anywhere", k.Help, k.Quit)
	right := group("From a lesson", k.Quiz, k.Lab, k.Filter, k.Experiment) + "\n" +
		group("In a lab", b("enter", "run the handler on the event"), b("e", "edit the event in $EDITOR, run it"), b("tab", "code, event or result")) + "\n" +
		group("In a quiz", b("↑/↓", "choose"), b("space", "toggle (several answers)"), b("enter", "submit"), b("s", "skip")) + "\n" +
		group("In an experiment", b("↑/↓", "choose a setting"), b("←/→", "change it"), b("enter", "run"), b("p", "back to the preset"))
	body := lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(36).Render(left), right)
	if m.common.Width < 80 {
		body = left + "\n" + right
	}
	return st.Title.Render("Keys") + st.Subtle.Render("  (? or q to close)") + "\n\n" + body + "\n" +
		st.Subtle.Render("Progress is saved as you go; tutor reopens the last lesson where you left it.")
}
