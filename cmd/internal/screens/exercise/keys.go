package exercise

import (
	"charm.land/bubbles/v2/key"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// KeyMap is the exercise screen's keys; Update matches these, the help
// shows them.
type KeyMap struct {
	Edit, Check, Hint, Solution, Up, Down, Back key.Binding
	Scroll                                      []key.Binding
}

func keyMap(c common.Common) KeyMap {
	k := c.Keys
	b := func(keys []string, h, d string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(h, d))
	}
	return KeyMap{
		Edit:     b([]string{"e"}, "e", "open handler.go in $EDITOR"),
		Check:    b(append(k.Open.Keys(), "c"), "enter/c", "check now (saves check by themselves)"),
		Hint:     b([]string{"h"}, "h", "the next hint"),
		Solution: b([]string{"s"}, "s", "show or hide the solution (once allowed)"),
		Up:       common.Renamed(k.Up, "scroll up a line"),
		Down:     common.Renamed(k.Down, "scroll down a line"),
		Back:     k.Back,
		Scroll:   c.ScrollKeys(),
	}
}

// ShortHelp is the screen's help line.
func (m Model) ShortHelp() []key.Binding {
	k := keyMap(m.common)
	return []key.Binding{common.Renamed(k.Edit, "edit"), common.Renamed(k.Check, "check"), common.Renamed(k.Hint, "hint"),
		common.Renamed(k.Solution, "solution"), k.Back}
}

// FullHelp is every key of the screen.
func (m Model) FullHelp() [][]key.Binding {
	k := keyMap(m.common)
	return [][]key.Binding{{k.Edit, k.Check, k.Hint, k.Solution, k.Back}, append([]key.Binding{k.Up, k.Down}, k.Scroll...)}
}

// HelpGroups names the groups of FullHelp.
func (m Model) HelpGroups() []string { return []string{"In the exercise", "Scrolling"} }
