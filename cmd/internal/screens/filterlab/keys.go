package filterlab

import (
	"charm.land/bubbles/v2/key"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// KeyMap is the filter lab's keys; Update matches these, the help shows
// them. Scope is only offered for SNS, the one source with two scopes.
type KeyMap struct {
	Up, Down, Edit, Scope, Back key.Binding
	Scroll                      []key.Binding
}

func (m Model) keys() KeyMap {
	k := m.common.Keys
	scope := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "switch the policy scope (SNS)"))
	scope.SetEnabled(policyLab(m.source))
	return KeyMap{
		Up:     common.Renamed(k.Up, "previous sample"),
		Down:   common.Renamed(k.Down, "next sample"),
		Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit the policy in $EDITOR")),
		Scope:  scope,
		Back:   k.Back,
		Scroll: m.common.ScrollKeys(),
	}
}

// ShortHelp is the filter lab's help line.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys()
	return []key.Binding{
		common.Joined("↑/↓", "sample", k.Up, k.Down), common.Renamed(k.Edit, "edit policy"), common.Renamed(k.Scope, "scope"),
		common.Joined("J/K", "scroll", m.common.Keys.LineDown, m.common.Keys.LineUp), k.Back,
	}
}

// FullHelp is every key of the filter lab.
func (m Model) FullHelp() [][]key.Binding {
	k := m.keys()
	return [][]key.Binding{{k.Up, k.Down, k.Edit, k.Scope, k.Back}, k.Scroll}
}

// HelpGroups names the groups of FullHelp.
func (m Model) HelpGroups() []string { return []string{"In the filter lab", "Scrolling the results"} }
