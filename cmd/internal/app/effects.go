package app

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
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
	if out, ok := m.cache[k]; ok {
		if !l.Loaded() {
			return m.setLessonContent(out)
		}
		return nil
	}
	src, _ := m.opts.Course.Lessons.Get(k.Lesson)
	return render.Cmd(k, src.Body)
}

// rendered files a finished rendering and shows it if it is still wanted;
// a result for a lesson, width or theme no longer on screen only fills the cache.
func (m *Model) rendered(msg render.RenderedMsg) tea.Cmd {
	if msg.Err != nil {
		m.status = "could not render lesson: " + msg.Err.Error()
		return nil
	}
	m.cache[msg.Key] = msg.Out
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

type savedMsg struct{ err error }

// saveCmd writes a snapshot of the progress in the background.
func (m Model) saveCmd() tea.Cmd {
	if m.opts.Store == nil {
		return nil
	}
	snap := snapshot(m.State())
	store := m.opts.Store
	return func() tea.Msg { return savedMsg{err: progress.SaveState(store, snap)} }
}

// snapshot deep-copies progress so a background save never races Update.
func snapshot(s *progress.State) *progress.State {
	c := &progress.State{Version: s.Version, Last: s.Last, Lessons: make(map[string]*progress.Lesson, len(s.Lessons))}
	for id, l := range s.Lessons {
		cp := *l
		c.Lessons[id] = &cp
	}
	return c
}
