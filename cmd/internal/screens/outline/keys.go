package outline

import (
	"charm.land/bubbles/v2/key"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// open and quit are the outline's words for the course's Open and Back keys.
func (m Model) open() key.Binding {
	k := m.common.Keys
	return key.NewBinding(key.WithKeys(append(k.Open.Keys(), k.Next.Keys()...)...), key.WithHelp(k.Open.Help().Key, "open"))
}

func (m Model) quit() key.Binding {
	return common.Renamed(m.common.Keys.Back, "quit")
}

// ShortHelp is the outline's help line, most important first (a narrow
// footer keeps the first ones).
func (m Model) ShortHelp() []key.Binding {
	k := m.common.Keys
	return []key.Binding{m.open(), m.quit(), k.Up, k.Down}
}

// FullHelp is every key of the outline.
func (m Model) FullHelp() [][]key.Binding {
	k := m.common.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {m.open(), m.quit()}}
}

// HelpGroups names the groups of FullHelp.
func (m Model) HelpGroups() []string { return []string{"Moving", "Lessons"} }
