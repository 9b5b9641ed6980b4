// Package common is the small value every screen receives from the root
// model: the size it may draw in, the styles and the key map. It is passed
// down by value; no screen edits another's copy.
package common

import (
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
