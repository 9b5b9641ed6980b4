// Package common is the small value every screen receives from the root
// model: the size it may draw in, the styles and the key map. It is passed
// down by value; no screen edits another's copy.
package common

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/keys"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

// Common is what every screen needs from its parent.
type Common struct {
	Width, Height int
	Styles        theme.Styles
	Keys          keys.KeyMap
}

// New returns a Common with the dark theme, the default until the terminal
// says its background is light.
func New() Common {
	return Common{Styles: theme.New(true), Keys: keys.Default()}
}

// CloseMsg asks the app to close the screen on top (a lab, a quiz, an
// experiment, the key help) and return to the one under it. Closing the
// bottom screen quits. A screen asks for it as an intent (Asker.Ask), so
// keys typed after it reach the screen underneath.
type CloseMsg struct{}

// Scroll applies the keys that scroll a screen's detail pane: page up and
// down, J and K for a line, and top and bottom (ScrollKeys, for the help). It reports whether msg was
// one of them, so the screen can stop there.
func (c Common) Scroll(vp *viewport.Model, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, c.Keys.PageDown):
		vp.PageDown()
	case key.Matches(msg, c.Keys.PageUp):
		vp.PageUp()
	case key.Matches(msg, c.Keys.LineDown):
		vp.ScrollDown(1)
	case key.Matches(msg, c.Keys.LineUp):
		vp.ScrollUp(1)
	case key.Matches(msg, c.Keys.Top):
		vp.GotoTop()
	case key.Matches(msg, c.Keys.Bottom):
		vp.GotoBottom()
	default:
		return false
	}
	return true
}

// ScrollKeys are the keys Scroll handles, for a screen's help.
func (c Common) ScrollKeys() []key.Binding {
	k := c.Keys
	return []key.Binding{k.PageDown, k.PageUp, k.LineDown, k.LineUp, k.Top, k.Bottom}
}
