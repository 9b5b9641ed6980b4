package render

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// Sideways are the keys that scroll code sideways, the same on every
// screen that shows a Page: < and > as in a pager, or the shifted arrows
// (the plain ones turn pages or change settings).
var Sideways = struct{ Left, Right key.Binding }{
	Left:  key.NewBinding(key.WithKeys("<", "shift+left"), key.WithHelp("<", "scroll code left")),
	Right: key.NewBinding(key.WithKeys(">", "shift+right"), key.WithHelp(">", "scroll code right")),
}

// SidewaysStep is how many columns one of those keys scrolls.
const SidewaysStep = 8

// Code marks every line of s as code (tabs expanded), for text that is
// code but was not rendered from markdown.
func Code(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = CodeMark + expandTabs(l)
	}
	return strings.Join(lines, "\n")
}

// Page is rendered text ready to draw at a width: prose lines as they are
// (already wrapped), code lines clipped to the width and scrolled sideways
// together with the rest of their block, never wrapped. Building one reads
// the text once; drawing touches only the visible lines, so a keypress that
// scrolls costs the lines on screen, not the lesson.
type Page struct {
	lines []string
	width []int // each line's width in columns
	block []int // for a code line, the widest line of its block; 0 for prose
}

// NewPage splits s, the output of Markdown (or any text: lines that do not
// start with CodeMark are prose), into a Page.
func NewPage(s string) Page {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	p := Page{lines: lines, width: make([]int, len(lines)), block: make([]int, len(lines))}
	start := -1 // first line of the current code block
	for i, l := range lines {
		code := strings.HasPrefix(l, CodeMark)
		if code {
			lines[i] = l[len(CodeMark):]
		}
		p.width[i] = ansi.StringWidth(lines[i])
		switch {
		case code && start < 0:
			start = i
		case !code && start >= 0:
			p.closeBlock(start, i)
			start = -1
		}
	}
	if start >= 0 {
		p.closeBlock(start, len(lines))
	}
	return p
}

// closeBlock records the widest line of lines [from, to) on each of them.
func (p *Page) closeBlock(from, to int) {
	w := 1
	for i := from; i < to; i++ {
		w = max(w, p.width[i])
	}
	for i := from; i < to; i++ {
		p.block[i] = w
	}
}

// Lines is the number of lines.
func (p Page) Lines() int { return len(p.lines) }

// Text is the page's lines as they are, for a viewport to count and scroll.
func (p Page) Text() []string { return p.lines }

// MaxShift is the farthest code can be scrolled sideways at width: the
// widest block's overhang.
func (p Page) MaxShift(width int) int {
	m := 0
	for _, w := range p.block {
		m = max(m, w-width)
	}
	return m
}

// Clipped says whether any of lines [from, from+n) is code cut off at
// width when scrolled shift columns to the right.
func (p Page) Clipped(from, n, width, shift int) bool {
	for i := max(from, 0); i < min(from+n, len(p.lines)); i++ {
		if p.block[i] > width && (shift > 0 || p.width[i] > width) {
			return true
		}
	}
	return false
}

// Markers are the marks drawn where a code line is cut: Left when there is
// more to the left, Right when there is more to the right.
type Markers struct{ Left, Right string }

// DefaultMarkers are one column each.
var DefaultMarkers = Markers{Left: "‹", Right: "›"}

// View draws lines [from, from+n) at width, code scrolled shift columns to
// the right (clamped per block), marking each cut with mk. Lines past the
// end are empty, so the result is always n lines.
func (p Page) View(from, n, width, shift int, mk Markers) string {
	out := make([]string, 0, n)
	for i := from; i < from+n; i++ {
		if i < 0 || i >= len(p.lines) {
			out = append(out, "")
			continue
		}
		out = append(out, p.line(i, width, shift, mk))
	}
	return strings.Join(out, "\n")
}

func (p Page) line(i, width, shift int, mk Markers) string {
	l, w := p.lines[i], p.width[i]
	if w <= width && (p.block[i] <= width || shift == 0) {
		return l
	}
	if p.block[i] == 0 { // prose wider than the screen: never the case for Markdown's output
		return ansi.Truncate(l, width, "…")
	}
	if width < 3 {
		return ansi.Cut(l, 0, width)
	}
	shift = min(shift, p.block[i]-width)
	left, right := shift > 0 && w > 0, w > shift+width
	from, to := shift, shift+width
	var b strings.Builder
	if left {
		b.WriteString(mk.Left)
		from++
	}
	if right {
		to--
	}
	seg := ansi.Cut(l, from, to)
	b.WriteString(seg)
	if right {
		b.WriteString("\x1b[m")
		b.WriteString(strings.Repeat(" ", max(to-from-ansi.StringWidth(seg), 0)))
		b.WriteString(mk.Right)
	}
	return b.String()
}
