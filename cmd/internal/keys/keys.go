// Package keys is the one KeyMap of the TUI: every binding and its help
// text, so screens and the help view agree on what a key does.
package keys

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding the screens use.
type KeyMap struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	LineUp, LineDown key.Binding // scroll a detail pane a line
	Top, Bottom      key.Binding
	Open             key.Binding
	Next, Prev       key.Binding
	Back             key.Binding
	Quit             key.Binding
	Help             key.Binding
	Quiz             key.Binding
	Lab              key.Binding
	Experiment       key.Binding
	Filter           key.Binding
	Exercise         key.Binding
}

// Default returns the course's bindings.
func Default() KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	return KeyMap{
		Up:         b([]string{"up", "k"}, "↑/k", "up"),
		Down:       b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:     b([]string{"pgup", "b", "shift+space"}, "b/pgup", "page up"),
		PageDown:   b([]string{"pgdown", "space"}, "space/pgdn", "page down"),
		LineUp:     b([]string{"K"}, "K", "scroll up a line"),
		LineDown:   b([]string{"J"}, "J", "scroll down a line"),
		Top:        b([]string{"home", "g"}, "g/home", "top"),
		Bottom:     b([]string{"end", "G"}, "G/end", "bottom"),
		Open:       b([]string{"enter"}, "enter", "open"),
		Next:       b([]string{"right", "l", "n"}, "→/l/n", "next lesson"),
		Prev:       b([]string{"left", "h", "p"}, "←/h/p", "previous lesson"),
		Back:       b([]string{"q", "esc"}, "q", "back"),
		Quit:       b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:       b([]string{"?"}, "?", "help"),
		Quiz:       b([]string{"t"}, "t", "quiz"),
		Lab:        b([]string{"r"}, "r", "lab"),
		Experiment: b([]string{"x"}, "x", "experiment"),
		Filter:     b([]string{"f"}, "f", "filter lab"),
		Exercise:   b([]string{"w"}, "w", "exercise: write the handler"),
	}
}
