package lessons

import (
	"regexp"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/tutor-dev/tutor/assets/facts"
)

// MaxCodeWidth is the widest a line of a fenced block (code or a diagram)
// should be: an 80-column terminal less the reader's margin and the code
// block's indent. The reader never wraps code, so a wider line is clipped
// and has to be scrolled sideways to be read.
const MaxCodeWidth = 76

// TabWidth is the columns between tab stops in a fenced block: the reader
// and `tutor read` expand tabs to it, and widths are measured with it.
const TabWidth = 4

// WideLine is a line of a fenced block wider than the limit.
type WideLine struct {
	Line  int // 1-based line in the file
	Width int // in terminal columns, tabs expanded
}

var codeFence = regexp.MustCompile("^\\s*(`{3,}|~{3,})")

// WideCodeLines lists the lines of fenced blocks in text, a whole lesson
// file, that are wider than limit columns once their fact references are
// filled in from reg (nil: measured as written).
func WideCodeLines(text string, limit int, reg *facts.Registry) []WideLine {
	var out []WideLine
	fence := ""
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if m := codeFence.FindStringSubmatch(line); m != nil {
			switch {
			case fence == "":
				fence = m[1]
				continue
			case strings.HasPrefix(m[1], fence) && strings.Trim(strings.TrimSpace(line), fence[:1]) == "":
				fence = ""
				continue
			}
		}
		if fence == "" {
			continue
		}
		if reg != nil {
			line = factRef.ReplaceAllStringFunc(line, func(m string) string {
				if f, ok := reg.Get(factRef.FindStringSubmatch(m)[1]); ok {
					return f.Value
				}
				return m
			})
		}
		if w := LineWidth(line); w > limit {
			out = append(out, WideLine{Line: i + 1, Width: w})
		}
	}
	return out
}

// LineWidth is how many terminal columns line takes, tabs expanded to
// TabWidth.
func LineWidth(line string) int {
	col := 0
	g := uniseg.NewGraphemes(line)
	for g.Next() {
		if g.Str() == "\t" {
			col += TabWidth - col%TabWidth
			continue
		}
		col += g.Width()
	}
	return col
}
