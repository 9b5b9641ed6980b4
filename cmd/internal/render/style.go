package render

import (
	"image/color"
	"math/bits"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

// style is a set of text attributes; a piece of text has one. Colours
// come from cmd/internal/theme where the theme has them, and from the
// syntax palette below for code. The escape codes are written in full
// colour; the program's output (Bubble Tea's renderer) brings them down
// to what the terminal can show, NO_COLOR included.
type style uint16

const (
	sBold style = 1 << iota
	sItalic
	sCode    // inline code
	sLink    // link text
	sSubtle  // URLs, rules, table borders, quote bars
	sTitle   // headings
	sKeyword // syntax: keywords, JSON keys
	sString  // syntax: string literals
	sComment // syntax: comments
	sNumber  // syntax: numbers, constants
	sType    // syntax: predeclared types and functions
	sBanner  // the lesson's title: reversed out of the accent colour
	nStyles  = iota
)

// palette turns a style into the escape codes that start it. The plain
// palette (pipes, files) has none.
type palette struct {
	plain bool
	attr  [nStyles]string // the codes of each single attribute
	cache map[style]string
}

func newPalette(dark bool) *palette {
	th := theme.New(dark)
	ld := lipgloss.LightDark(dark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	fg := func(c color.Color) string { return ansi.Style{}.ForegroundColor(c).String() }
	p := &palette{cache: map[style]string{}}
	p.attr = [nStyles]string{
		ansi.Style{}.Bold().String(),
		ansi.Style{}.Italic(true).String(),
		fg(th.Code.GetForeground()),
		ansi.Style{}.Underline(true).ForegroundColor(th.Accent.GetForeground()).String(),
		fg(th.Subtle.GetForeground()),
		ansi.Style{}.Bold().ForegroundColor(th.Title.GetForeground()).String(),
		fg(c("#8E2C8E", "#E38CE3")),
		fg(c("#1E7F3C", "#8FD18F")),
		ansi.Style{}.Italic(true).ForegroundColor(th.Subtle.GetForeground()).String(),
		fg(c("#9A4A00", "#F0B070")),
		fg(c("#0B5CAD", "#7FC8FF")),
		ansi.Style{}.Bold().Reverse(true).ForegroundColor(th.Title.GetForeground()).String(),
	}
	return p
}

func plainPalette() *palette { return &palette{plain: true} }

// start is the escape codes that start s ("" for no style).
func (p *palette) start(s style) string {
	if p.plain || s == 0 {
		return ""
	}
	if c, ok := p.cache[s]; ok {
		return c
	}
	var b strings.Builder
	for v := s; v != 0; v &= v - 1 {
		b.WriteString(p.attr[bits.TrailingZeros16(uint16(v))])
	}
	p.cache[s] = b.String()
	return b.String()
}

// paint writes text in style s.
func (p *palette) paint(b *strings.Builder, s style, text string) {
	if p.plain || s == 0 {
		b.WriteString(text)
		return
	}
	b.WriteString(p.start(s))
	b.WriteString(text)
	b.WriteString(ansi.ResetStyle)
}
