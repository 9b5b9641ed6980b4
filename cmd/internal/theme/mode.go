package theme

import (
	"fmt"
	"strconv"
	"strings"
)

// Mode is how the theme is chosen: auto follows the terminal, dark and
// light are fixed.
type Mode string

// The modes --theme and TUTOR_THEME accept.
const (
	Auto  Mode = "auto"
	Dark  Mode = "dark"
	Light Mode = "light"
)

// ParseMode reads a --theme or TUTOR_THEME value; "" is auto.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return Auto, nil
	case Auto, Dark, Light:
		return m, nil
	}
	return "", fmt.Errorf("theme %q: want auto, dark or light", s)
}

// Initial is the theme to draw with before the terminal answers, and
// whether to follow its answer. A fixed mode is used as it is. Auto reads
// COLORFGBG ("fg;bg" or "fg;other;bg", set by rxvt, Konsole, iTerm2 and
// others), whose background colour number 7 or 9-15 is light; without it
// the theme is dark until the terminal says otherwise (many never do).
func Initial(m Mode, colorfgbg string) (dark, follow bool) {
	switch m {
	case Dark:
		return true, false
	case Light:
		return false, false
	}
	if d, ok := darkFromColorFGBG(colorfgbg); ok {
		return d, true
	}
	return true, true
}

// darkFromColorFGBG reads the background of COLORFGBG.
func darkFromColorFGBG(v string) (dark, ok bool) {
	parts := strings.Split(v, ";")
	if v == "" || len(parts) < 2 {
		return false, false
	}
	bg, err := strconv.Atoi(strings.TrimSpace(parts[len(parts)-1]))
	if err != nil || bg < 0 || bg > 255 {
		return false, false
	}
	return !(bg == 7 || (bg >= 9 && bg <= 15)), true
}
