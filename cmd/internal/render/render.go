// Package render turns lesson markdown into terminal text: goldmark's
// CommonMark parser and a small ANSI writer of our own (render.go,
// blocks.go, lists.go, table.go, records.go, inline.go), with syntax colour for code
// from the standard library (highlight.go). It links no glamour and no
// chroma: their package init alone cost every command of the tutor about
// 20 ms.
//
// Rendering takes a few milliseconds per lesson, so the TUI does it in a
// tea.Cmd and keeps the result in a cache keyed by (lesson, width, theme):
// a keypress never renders markdown.
package render

import (
	"strings"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Key identifies one rendering of one lesson.
type Key struct {
	Lesson string
	Width  int
	Dark   bool
}

// Cache holds rendered lessons. It is a plain map owned by the root model;
// only Update touches it, so it needs no lock.
type Cache map[Key]string

// RenderedMsg carries a finished rendering back to the model.
type RenderedMsg struct {
	Key Key
	Out string
	Err error
}

// renders counts markdown renders, so tests can prove a keypress renders nothing.
var renders atomic.Int64

// Count returns how many markdown renders have run in this process.
func Count() int64 { return renders.Load() }

// Cmd renders md for key in the background.
func Cmd(key Key, md string) tea.Cmd {
	return func() tea.Msg {
		out, err := Markdown(md, key.Width, key.Dark)
		return RenderedMsg{Key: key, Out: out, Err: err}
	}
}

// CodeMark starts every line of a code block in
// Markdown's output. It is an APC string, which terminals ignore and
// ansi.Strip and ansi.StringWidth skip; screens read it (NewPage) to clip
// code instead of wrapping it, and StripMarks removes it for output that
// leaves the program.
const CodeMark = "\x1b_tutor:code\x1b\\"

// StripMarks removes the CodeMarks from Markdown's output, for a terminal
// outside the TUI (tutor read), where nothing clips the code.
func StripMarks(s string) string { return strings.ReplaceAll(s, CodeMark, "") }

// codeIndent is how far right of the text around it a code block sits.
const codeIndent = 2

// The margins left of the text: one column in the terminal, two in plain
// text (as tutor read has always printed it).
const (
	termMargin  = 1
	plainMargin = 2
)

// Markdown renders md for a terminal of the given width: prose is wrapped
// to the width, code blocks are never wrapped (each of their lines starts
// with CodeMark; a screen clips them and scrolls them sideways), a table is
// a grid if it fits the width and stacked records if not (table.go).
func Markdown(md string, width int, dark bool) (string, error) {
	renders.Add(1)
	r := &renderer{src: []byte(md), pal: newPalette(dark)}
	return r.document(termMargin, max(width-termMargin-1, 10)), nil
}

// Plain renders md as plain text with no escape codes, for pipes and files:
// prose wrapped at width, code blocks as they are (tabs expanded) indented
// like the terminal's (two columns right of the text), however wide, and
// tables laid out as Markdown lays them out.
func Plain(md string, width int) (string, error) {
	renders.Add(1)
	r := &renderer{src: []byte(md), pal: plainPalette()}
	return r.document(plainMargin, max(width-plainMargin, 10)), nil
}

// mdParser is goldmark's CommonMark parser with no extensions (tables are
// found in paragraphs by table.go): goldmark/extension's init is work
// every command would pay for.
var mdParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
})

// renderer writes one markdown document.
type renderer struct {
	src []byte
	pal *palette
}

// document renders the whole of r.src, text margin columns from the left
// and at most width columns wide.
func (r *renderer) document(margin, width int) string {
	doc := mdParser().Parse(text.NewReader(r.src))
	pad := strings.Repeat(" ", margin)
	var b strings.Builder
	if !r.pal.plain {
		b.WriteByte('\n') // a blank line under the screen's title bar
	}
	for _, l := range r.blocks(doc, width) {
		if l.code && !r.pal.plain {
			b.WriteString(CodeMark)
		}
		if l.text != "" {
			b.WriteString(pad)
			if r.pal.plain {
				b.WriteString(strings.TrimRight(l.text, " "))
			} else {
				b.WriteString(l.text)
			}
		}
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		return "\n"
	}
	return b.String()
}
