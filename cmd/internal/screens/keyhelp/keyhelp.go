// Package keyhelp is the `?` screen: every key of the screen it was opened
// over, in that screen's own groups (its help.KeyMap, the same bindings its
// Update matches), then the keys that work anywhere. It is laid out for the
// width it is given (columns when they fit, descriptions wrapped when they
// do not) and scrolls when it is taller than the window.
package keyhelp

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// Group is a titled list of keys.
type Group struct {
	Title string
	Keys  []key.Binding
}

// Model is the key help screen. It implements common.Screen itself.
type Model struct {
	common common.Common
	of     string // the title of the screen it explains
	groups []Group
	footer string
	vp     viewport.Model

	common.Asker // its requests of the app (intents)
}

var _ common.Screen = Model{}

// New explains the keys of screen s, then the global keys; footer is a
// closing line (may be empty).
func New(c common.Common, s common.Screen, global []key.Binding, footer string) Model {
	m := Model{common: c, of: s.Title(), groups: Groups(s), footer: footer}
	if len(global) > 0 {
		m.groups = append(m.groups, Group{Title: "Anywhere", Keys: global})
	}
	m.vp = viewport.New()
	m.layout()
	return m
}

// Groups are s's FullHelp groups with their titles, leaving out disabled
// bindings and empty groups.
func Groups(s common.Screen) []Group {
	var titles []string
	if g, ok := s.(common.HelpGroups); ok {
		titles = g.HelpGroups()
	}
	var out []Group
	for i, keys := range s.FullHelp() {
		g := Group{}
		if i < len(titles) {
			g.Title = titles[i]
		}
		for _, b := range keys {
			if b.Enabled() && b.Help().Key != "" {
				g.Keys = append(g.Keys, b)
			}
		}
		if len(g.Keys) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Init has nothing to start.
func (m Model) Init() tea.Cmd { return nil }

// Title names the screen.
func (m Model) Title() string { return "Keys" }

// SetCommon lays the help out again for a new size or theme.
func (m Model) SetCommon(c common.Common) common.Screen {
	m.common = c
	m.layout()
	return m
}

func (m Model) close() key.Binding {
	k := m.common.Keys
	return common.Joined(k.Help.Help().Key+"/"+k.Back.Help().Key, "close", k.Help, k.Back)
}

// ShortHelp is the help line under the key help.
func (m Model) ShortHelp() []key.Binding {
	k := m.common.Keys
	return []key.Binding{common.Joined("↑/↓", "scroll", k.Up, k.Down), m.close()}
}

// FullHelp is the keys of this screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.common.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, m.close()}}
}

// Update scrolls, or closes on ? and back.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	m.Asker = common.Asker{}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := m.common.Keys
		switch {
		case key.Matches(msg, m.close()):
			m.Ask(common.CloseMsg{})
			return m, nil
		case key.Matches(msg, k.Up):
			m.vp.ScrollUp(1)
		case key.Matches(msg, k.Down):
			m.vp.ScrollDown(1)
		default:
			m.common.Scroll(&m.vp, msg)
		}
	case tea.MouseWheelMsg:
		m.vp, _ = m.vp.Update(msg)
	}
	return m, nil
}

// View draws the title line and the keys, scrolled.
func (m Model) View() string {
	st := m.common.Styles
	head := st.Title.Render("Keys: "+m.of) + st.Subtle.Render("  ("+m.close().Help().Key+" to close)")
	if m.vp.TotalLineCount() > m.vp.Height() {
		head += st.Subtle.Render(fmt.Sprintf("  %d%%", int(m.vp.ScrollPercent()*100)))
	}
	return ansi.Truncate(head, m.common.Width, "…") + "\n" + m.vp.View()
}

// layout puts the text in the viewport, under the title line.
func (m *Model) layout() {
	w := max(m.common.Width, 1)
	m.vp.SetWidth(w)
	m.vp.SetHeight(max(m.common.Height-1, 1))
	m.vp.SetContent(Render(m.common, m.groups, m.footer, w))
}

// gap is the space between two columns of groups.
const gap = 4

// Render lays groups out in w columns: side by side while they fit, one
// under another otherwise; no line is wider than w.
func Render(c common.Common, groups []Group, footer string, w int) string {
	blocks := make([]string, len(groups))
	widest := 0
	for i, g := range groups {
		blocks[i] = block(c, g, w)
		widest = max(widest, lipgloss.Width(blocks[i]))
	}
	cols := max(1, min(len(blocks), (w+gap)/(widest+gap)))
	var rows []string
	for i := 0; i < len(blocks); i += cols {
		var row []string
		for j := i; j < min(i+cols, len(blocks)); j++ {
			cell := lipgloss.NewStyle().Width(widest).Render(blocks[j])
			if j > i {
				cell = lipgloss.NewStyle().PaddingLeft(gap).Render(cell)
			}
			row = append(row, cell)
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	out := "\n" + strings.Join(rows, "\n\n")
	if footer != "" {
		out += "\n\n" + c.Styles.Subtle.Render(ansi.Wrap(footer, w, ""))
	}
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(ansi.Truncate(l, w, ""), " ")
	}
	return strings.Join(lines, "\n")
}

// block is one group: its title, then a key column and a description
// column, the descriptions wrapped under themselves when w is narrow.
func block(c common.Common, g Group, w int) string {
	keyW := 0
	for _, b := range g.Keys {
		keyW = max(keyW, ansi.StringWidth(b.Help().Key))
	}
	keyW = min(keyW, max(w/3, 1))
	descW := max(w-2-keyW-2, 8)
	var sb strings.Builder
	if g.Title != "" {
		sb.WriteString(c.Styles.Accent.Render(g.Title))
	}
	for _, b := range g.Keys {
		h := b.Help()
		k := ansi.Truncate(h.Key, keyW, "…")
		desc := strings.Split(ansi.Wrap(h.Desc, descW, ""), "\n")
		for i, d := range desc {
			if i == 0 {
				fmt.Fprintf(&sb, "\n  %s%s  %s", k, strings.Repeat(" ", keyW-ansi.StringWidth(k)), d)
			} else {
				fmt.Fprintf(&sb, "\n  %s  %s", strings.Repeat(" ", keyW), d)
			}
		}
	}
	return strings.TrimPrefix(sb.String(), "\n")
}
