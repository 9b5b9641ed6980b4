package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/lessons"
)

// TabWidth is how many columns a tab in a code block takes (the width
// lessons measures with): tabs are expanded before rendering, because a
// terminal's tab stops are its own guess and a tab breaks column counting
// in diagrams.
const TabWidth = lessons.TabWidth

// expandTabs replaces each tab with the spaces up to the next tab stop.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := TabWidth - col%TabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col += ansi.StringWidth(string(r))
	}
	return b.String()
}
