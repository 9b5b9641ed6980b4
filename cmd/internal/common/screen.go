package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one screen of the TUI as the app's stack holds it: the outline,
// a lesson, a lab, a quiz, the key help. The app keeps the open screens in
// a stack, sends input to the one on top and every size or theme change
// (SetCommon) to all of them, draws the top one's View above a help line
// made from its ShortHelp, and builds the `?` screen from its FullHelp.
// A screen asks the app for something (open a lesson, close me) with an
// intent (see Asker), never with a command: a screen that is done asks for
// CloseMsg; closing the bottom screen quits.
//
// Screens are values: Update and SetCommon return the changed screen.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	// Intent is the request the latest Update made of the app, or nil. The
	// app applies it before the next message.
	Intent() tea.Msg
	// View draws the screen in exactly the size of its Common: no line
	// wider than Width, no more than Height lines.
	View() string
	// SetCommon gives the screen a new size, theme or key map.
	SetCommon(Common) Screen
	// Title names the screen in the `?` help ("Lesson", "Filter lab").
	Title() string
	help.KeyMap
}

// HelpGroups names the groups of a screen's FullHelp, in order, for the
// `?` screen. It is optional: groups without a name are drawn untitled.
type HelpGroups interface {
	HelpGroups() []string
}

// Model is a screen written the way this code base writes them: a value
// whose Update returns its own type, with SetCommon on the pointer and a
// key map for the help line. Adapt turns one into a Screen.
type Model[M any] interface {
	*M
	Init() tea.Cmd
	Update(tea.Msg) (M, tea.Cmd)
	View() string
	SetCommon(Common)
	help.KeyMap
}

// Adapter is a Model seen as a Screen; M is the screen's own value, for the
// app to read (a lesson's ID, a quiz's results).
type Adapter[M any, P Model[M]] struct {
	M      M
	title  string
	intent tea.Msg // what the latest Update asked for
}

// Adapt wraps a screen model as a Screen titled title.
func Adapt[M any, P Model[M]](m M, title string) Adapter[M, P] {
	return Adapter[M, P]{M: m, title: title}
}

// Init starts the screen.
func (a Adapter[M, P]) Init() tea.Cmd { return P(&a.M).Init() }

// Update passes msg to the screen.
func (a Adapter[M, P]) Update(msg tea.Msg) (Screen, tea.Cmd) {
	m, cmd := P(&a.M).Update(msg)
	a.M = m
	a.intent = nil
	if t, ok := any(P(&a.M)).(intentTaker); ok {
		a.intent = t.TakeIntent()
	}
	return a, cmd
}

// Intent is what the screen asked of the app in its latest Update.
func (a Adapter[M, P]) Intent() tea.Msg { return a.intent }

// View draws the screen.
func (a Adapter[M, P]) View() string { return P(&a.M).View() }

// SetCommon resizes or restyles the screen.
func (a Adapter[M, P]) SetCommon(c Common) Screen {
	P(&a.M).SetCommon(c)
	return a
}

// Title names the screen.
func (a Adapter[M, P]) Title() string { return a.title }

// ShortHelp is the screen's help line.
func (a Adapter[M, P]) ShortHelp() []key.Binding { return P(&a.M).ShortHelp() }

// FullHelp is the screen's keys, grouped.
func (a Adapter[M, P]) FullHelp() [][]key.Binding { return P(&a.M).FullHelp() }

// HelpGroups names the groups of FullHelp when the screen does.
func (a Adapter[M, P]) HelpGroups() []string {
	if g, ok := any(P(&a.M)).(HelpGroups); ok {
		return g.HelpGroups()
	}
	return nil
}

// Close lets the screen let go of what it holds (a watcher, a check under
// way) as it leaves the app's stack, when it has a Close method.
func (a Adapter[M, P]) Close() {
	if c, ok := any(P(&a.M)).(interface{ Close() }); ok {
		c.Close()
	}
}

// Joined is one help entry for several bindings ("↑/↓ choose"): it matches
// every key of the enabled ones and shows h and desc.
func Joined(h, desc string, bs ...key.Binding) key.Binding {
	var keys []string
	for _, b := range bs {
		if b.Enabled() {
			keys = append(keys, b.Keys()...)
		}
	}
	j := key.NewBinding(key.WithKeys(keys...), key.WithHelp(h, desc))
	j.SetEnabled(len(keys) > 0)
	return j
}

// Renamed is b with another description, for a screen whose word for a
// shared key differs ("q back" is "q quit" on the outline).
func Renamed(b key.Binding, desc string) key.Binding {
	r := key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	r.SetEnabled(b.Enabled())
	return r
}
