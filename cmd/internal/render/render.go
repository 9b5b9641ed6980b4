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

// Markdown renders md for a terminal of the given width. A renderer is
// built per call because one glamour TermRenderer is not safe for
// concurrent use (the race detector reports a race in its block stack when
// goroutines share one), and construction (about 21 µs) is cheap next to
// rendering.
func Markdown(md string, width int, dark bool) (string, error) {
	renders.Add(1)
	style := styles.LightStyleConfig
	if dark {
		style = styles.DarkStyleConfig
	}
	margin := uint(1)
	style.Document.Margin = &margin
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(max(width-2, 10)))
	if err != nil {
		return "", err
	}
	out, err := r.Render(joinListLines(md))
	if err != nil {
		return "", err
	}
	return strings.TrimRight(out, "\n") + "\n", nil
}

// Plain renders md as plain text with no escape codes, for pipes and files.
func Plain(md string, width int) (string, error) {
	renders.Add(1)
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(styles.NoTTYStyle), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	out, err := r.Render(joinListLines(md))
	if err != nil {
		return "", err
	}
	lines := strings.Split(ansi.Strip(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n") + "\n", nil
}
