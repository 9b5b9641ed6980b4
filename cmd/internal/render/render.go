// Package render turns lesson markdown into terminal text with glamour.
// Rendering is slow (milliseconds per lesson), so the TUI does it in a
// tea.Cmd and keeps the result in a Cache keyed by (lesson, width, theme):
// a keypress never renders markdown.
package render

import (
	"strings"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
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

// renders counts glamour renders, so tests can prove a keypress renders nothing.
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

// CodeMark starts every line of a code block in Markdown's output. It is
// an APC string, which terminals ignore and ansi.Strip and ansi.StringWidth
// skip; screens read it (NewPage) to clip code instead of wrapping it, and
// StripMarks removes it for output that leaves the program.
const CodeMark = "\x1b_tutor:code\x1b\\"

// Markdown renders md for a terminal of the given width: prose is wrapped
// to the width, code blocks are never wrapped (each of their lines starts
// with CodeMark; a screen clips them and scrolls them sideways). A
// renderer is built per call because one glamour TermRenderer is not safe
// for concurrent use (the race detector reports a race in its block stack
// when goroutines share one), and construction (about 21 µs) is cheap next
// to rendering.
func Markdown(md string, width int, dark bool) (string, error) {
	renders.Add(1)
	style := styles.LightStyleConfig
	if dark {
		style = styles.DarkStyleConfig
	}
	margin := uint(1)
	style.Document.Margin = &margin
	prose, blocks := extractCode(joinListLines(md))
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(max(width-2, 10)))
	if err != nil {
		return "", err
	}
	out, err := r.Render(protectInline(prose))
	if err != nil {
		return "", err
	}
	// Code is rendered on its own with no wrap at all and no margin; it
	// goes where its placeholder was, indented as glamour indents a block.
	zero := uint(0)
	style.Document.Margin = &zero
	style.Document.BlockPrefix, style.Document.BlockSuffix = "", ""
	style.CodeBlock.Margin = &zero
	cr, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(0))
	if err != nil {
		return "", err
	}
	var cerr error
	out = insertCode(restoreInline(out), blocks, codeIndent, CodeMark, func(b block) []string {
		fence := "```" + b.lang + "\n" + strings.Join(b.lines, "\n") + "\n```\n"
		s, err := cr.Render(fence)
		if err != nil {
			cerr = err
			return b.lines
		}
		return codeLines(s, len(b.lines))
	})
	if cerr != nil {
		return "", cerr
	}
	return strings.TrimRight(out, "\n") + "\n", nil
}

// codeIndent is how far right of the text around it a code block sits: the
// code block margin of glamour's styles.
const codeIndent = 2

// codeLines is a rendered code block's n lines: glamour adds blank lines
// around the block and pads every line with spaces.
func codeLines(s string, n int) []string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > n && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// StripMarks removes the CodeMarks from Markdown's output, for a terminal
// outside the TUI (tutor read), where nothing clips the code.
func StripMarks(s string) string { return strings.ReplaceAll(s, CodeMark, "") }

// plainStyle is glamour's plain-text style without the emphasis markers it
// leaves in (**bold**, *emphasis*): plain text reads as text.
func plainStyle() gansi.StyleConfig {
	s := styles.ASCIIStyleConfig
	s.Emph.BlockPrefix, s.Emph.BlockSuffix = "", ""
	s.Strong.BlockPrefix, s.Strong.BlockSuffix = "", ""
	return s
}

// Plain renders md as plain text with no escape codes, for pipes and files:
// prose wrapped at width, code blocks as they are (tabs expanded) indented
// like the terminal's (two columns right of the text), however wide.
func Plain(md string, width int) (string, error) {
	renders.Add(1)
	prose, blocks := extractCode(joinListLines(md))
	r, err := glamour.NewTermRenderer(glamour.WithStyles(plainStyle()), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	out, err := r.Render(protectInline(prose))
	if err != nil {
		return "", err
	}
	out = insertCode(restoreInline(ansi.Strip(out)), blocks, codeIndent, "", func(b block) []string { return b.lines })
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n") + "\n", nil
}
