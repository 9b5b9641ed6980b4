package app

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

func withTheme(c common.Common, dark bool) common.Common {
	c.Styles = theme.New(dark)
	return c
}

// renderKey is the cache key of the open lesson at the current size and theme.
func (m Model) renderKey() render.Key {
	l, _ := m.lesson()
	return render.Key{Lesson: l.ID(), Width: l.ContentWidth(), Dark: m.common.Styles.Dark}
}

// renderCmd renders the open lesson unless the cache has it already.
func (m *Model) renderCmd() tea.Cmd {
	l, open := m.lesson()
	if !open || !m.sized {
		return nil
	}
	k := m.renderKey()
	if out, ok := m.cached(k); ok {
		if !l.Loaded() {
			return m.setLessonContent(out)
		}
		return nil
	}
	src, _ := m.opts.Course.Lessons.Get(k.Lesson)
	body := course.Page(src)
	if !l.Loaded() {
		// The screen's worth first, then the whole (see preview.go).
		if cmd := previewCmd(k, body, previewLines(l, body, m.common.Height)); cmd != nil {
			return cmd
		}
	}
	return m.renderLesson(k, body)
}

// rendered files a finished rendering and shows it if it is still wanted;
// a result for a lesson, width or theme no longer on screen only fills the cache.
func (m *Model) rendered(msg render.RenderedMsg) tea.Cmd {
	if msg.Err != nil {
		m.status = "could not render lesson: " + msg.Err.Error()
		return nil
	}
	m.cache.Put(msg.Key, msg.Out)
	m.opts.Renders.put(msg.Key, msg.Out)
	cmd := m.broadcast(msg) // a lab waiting for its code takes it
	if _, open := m.lesson(); open && msg.Key == m.renderKey() {
		return tea.Batch(cmd, m.setLessonContent(msg.Out))
	}
	return cmd
}

// setLessonContent shows the open lesson's rendered text.
func (m *Model) setLessonContent(out string) tea.Cmd {
	var cmd tea.Cmd
	m.withLesson(func(l *lesson.Model) { cmd = l.SetContent(out) })
	return cmd
}

// opened is the change of opening lesson id.
func (m Model) opened(id string) progress.Change { return progress.Open{Lesson: id, At: m.opts.Now()} }

// FinalChanges are what the app has not yet recorded when it quits: the
// scroll position of the lesson on screen. The caller submits them to the
// writer, then closes it.
func (m Model) FinalChanges() []progress.Change {
	l, open := m.lesson()
	if m.opts.State == nil || !open {
		return nil
	}
	return []progress.Change{progress.Offset{Lesson: l.ID(), Offset: l.Offset(), At: m.opts.Now()},
		progress.Position{Lesson: l.ID(), Position: l.Position(), At: m.opts.Now()}}
}
