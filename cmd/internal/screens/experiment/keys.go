package experiment

import (
	"charm.land/bubbles/v2/key"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// KeyMap is the experiment's keys; Update matches these, the help shows them.
type KeyMap struct {
	Up, Down, Less, More, Run, Preset, Back key.Binding
	Scroll                                  []key.Binding
}

func (m Model) keys() KeyMap {
	k := m.common.Keys
	return KeyMap{
		Up:     common.Renamed(k.Up, "previous setting"),
		Down:   common.Renamed(k.Down, "next setting"),
		Less:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "change the setting")),
		More:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "change it the other way")),
		Run:    key.NewBinding(key.WithKeys(append(k.Open.Keys(), "r")...), key.WithHelp("enter/r", "run the experiment")),
		Preset: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "back to the preset")),
		Back:   k.Back,
		Scroll: m.common.ScrollKeys(),
	}
}

// ShortHelp is the experiment's help line.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys()
	return []key.Binding{
		common.Joined("↑/↓", "setting", k.Up, k.Down), common.Joined("←/→", "change", k.Less, k.More),
		common.Renamed(k.Run, "run"), common.Joined("J/K pgup/pgdn", "scroll", k.Scroll...),
		common.Renamed(k.Preset, "preset"), k.Back,
	}
}

// FullHelp is every key of the experiment.
func (m Model) FullHelp() [][]key.Binding {
	k := m.keys()
	return [][]key.Binding{{k.Up, k.Down, k.Less, k.More, k.Run, k.Preset, k.Back}, k.Scroll}
}

// HelpGroups names the groups of FullHelp.
func (m Model) HelpGroups() []string { return []string{"In the experiment", "Scrolling the run"} }
