package lab

import (
	"charm.land/bubbles/v2/key"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// KeyMap is the lab's keys; Update matches these, the help shows them.
type KeyMap struct {
	Up, Down, Run, Edit, Pane, PanePrev, Back key.Binding
	Left, Right                               key.Binding // scroll the code sideways
	Scroll                                    []key.Binding
}

func keyMap(c common.Common) KeyMap {
	k := c.Keys
	b := func(keys []string, h, d string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(h, d))
	}
	return KeyMap{
		Up:       common.Renamed(k.Up, "previous run"),
		Down:     common.Renamed(k.Down, "next run"),
		Run:      b(append(k.Open.Keys(), "r"), "enter/r", "run the handler on the event"),
		Edit:     b([]string{"e"}, "e", "edit the event in $EDITOR, run it"),
		Pane:     b([]string{"tab"}, "tab", "code, event or result"),
		PanePrev: b([]string{"shift+tab"}, "shift+tab", "the pane before"),
		Back:     k.Back,
		Left:     render.Sideways.Left,
		Right:    render.Sideways.Right,
		Scroll:   c.ScrollKeys(),
	}
}

// ShortHelp is the lab's help line.
func (m Model) ShortHelp() []key.Binding {
	k, ck := keyMap(m.common), m.common.Keys
	return []key.Binding{
		common.Joined("↑/↓", "choose", k.Up, k.Down), common.Joined("enter", "run", k.Run), common.Renamed(k.Edit, "edit event"),
		common.Renamed(k.Pane, "code/event/result"), common.Joined("J/K", "scroll", ck.LineDown, ck.LineUp), k.Back,
	}
}

// FullHelp is every key of the lab.
func (m Model) FullHelp() [][]key.Binding {
	k := keyMap(m.common)
	return [][]key.Binding{{k.Up, k.Down, k.Run, k.Edit, k.Pane, k.PanePrev, k.Back}, append(k.Scroll, k.Left, k.Right)}
}

// HelpGroups names the groups of FullHelp.
func (m Model) HelpGroups() []string { return []string{"In the lab", "Scrolling the pane"} }
