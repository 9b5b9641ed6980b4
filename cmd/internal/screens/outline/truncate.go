package outline

import "github.com/charmbracelet/x/ansi"

// ansiTruncate cuts a styled line to width cells, keeping escape codes intact.
func ansiTruncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}
