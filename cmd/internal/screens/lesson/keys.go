package lesson

import (
	"charm.land/bubbles/v2/key"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// ShortHelp is the reader's help line, most important first (a narrow
// footer keeps the first ones): the lesson's activities, back, moving on
// and scrolling.
func (m Model) ShortHelp() []key.Binding {
	k := m.common.Keys
	var out []key.Binding
	for _, a := range m.offered() {
		out = append(out, a.Key)
	}
	return append(out, k.Back,
		common.Joined("n/p", "next/prev", k.Next, k.Prev),
		common.Joined("↑/↓", "scroll", k.Up, k.Down))
}

// FullHelp is every key of the reader.
func (m Model) FullHelp() [][]key.Binding {
	k := m.common.Keys
	groups := [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, render.Sideways.Left, render.Sideways.Right}, {k.Next, k.Prev, k.Back}}
	if len(m.offered()) > 0 {
		var acts []key.Binding
		for _, a := range m.offered() {
			acts = append(acts, a.Key)
		}
		groups = append(groups, acts)
	}
	return groups
}

// HelpGroups names the groups of FullHelp.
func (m Model) HelpGroups() []string { return []string{"Moving", "Lessons", "From this lesson"} }
