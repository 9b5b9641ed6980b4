package app

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
)

// Rendering a whole lesson takes tens of milliseconds (its code blocks
// most of them); the screen the learner sees first needs only its top, or
// the part around where they left it. So when a lesson's text is not yet
// rendered, the app also renders the smallest prefix of its markdown that
// fills the screen from the saved position, and shows it the moment it is
// ready (lesson.SetPreview), and only then starts rendering the whole, so
// the two do not share the processor; the whole text replaces the preview
// when it arrives.

// previewMsg is the top of a lesson rendered ahead of the whole.
type previewMsg struct {
	key  render.Key
	top  string // the markdown rendered: a prefix of body
	out  string // "" if rendering failed (the whole will say why)
	body string // the whole lesson's markdown, to render next
}

// previewLines is how many lines of body the preview should have: twice
// those down to the reading position and a screen below it (rendered
// lines run from about 0.75 to 1.5 source lines).
func previewLines(l lesson.Model, body string, height int) int {
	at := l.Offset()
	if pos := l.Position(); pos > 0 {
		at = strings.Count(body[:min(int(pos*float64(len(body))), len(body))], "\n")
	}
	return 2 * (at + height)
}

// previewCmd renders the top of body for key, lines long; nil when that
// is most of the lesson anyway.
func previewCmd(key render.Key, body string, lines int) tea.Cmd {
	top, ok := prefix(body, lines)
	if !ok {
		return nil
	}
	return func() tea.Msg {
		out, err := render.Markdown(top, key.Width, key.Dark)
		if err != nil {
			out = ""
		}
		return previewMsg{key: key, top: top, out: out, body: body}
	}
}

// prefix is the markdown of body up to the first blank line, outside any
// fenced code block, after at least lines lines; ok is false when that is
// more than two thirds of body, not worth rendering twice.
func prefix(body string, lines int) (string, bool) {
	n, fenced := 0, false
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '\n')
		if j < 0 {
			break
		}
		line := strings.TrimSpace(body[i : i+j])
		i += j + 1
		n++
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			fenced = !fenced
		}
		if n >= lines && line == "" && !fenced {
			return body[:i], i <= len(body)*2/3
		}
	}
	return "", false
}

// previewed shows a preview if the lesson it is for is still waiting for
// its text at that width and theme (the lesson checks that it fills the
// screen from the reading position); then it renders the whole, unless
// the lesson, width or theme changed meanwhile (that change started its
// own rendering).
func (m *Model) previewed(msg previewMsg) tea.Cmd {
	if _, open := m.lesson(); !open || msg.key != m.renderKey() {
		return nil
	}
	if _, ok := m.cache.Get(msg.key); ok {
		return nil
	}
	if out, ok := m.cached(msg.key); ok { // another session rendered it meanwhile
		return m.setLessonContent(out)
	}
	if msg.out != "" {
		m.withLesson(func(l *lesson.Model) { l.SetPreview(msg.out, msg.top) })
	}
	return m.renderLesson(msg.key, msg.body)
}
