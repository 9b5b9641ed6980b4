package app

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

func withTheme(c common.Common, dark bool) common.Common {
	c.Styles = theme.New(dark)
	return c
}

// renderKey is the cache key of the open lesson at the current size and theme.
func (m Model) renderKey() render.Key {
	return render.Key{Lesson: m.lesson.ID(), Width: m.lesson.ContentWidth(), Dark: m.common.Styles.Dark}
}

// renderCmd renders the open lesson unless the cache has it already.
func (m *Model) renderCmd() tea.Cmd {
	if m.screen == outlineScreen || !m.sized || !m.Ready() {
		return nil
	}
	k := m.renderKey()
	if out, ok := m.cache[k]; ok {
		if !m.lesson.Loaded() {
			return m.lesson.SetContent(out)
		}
		return nil
	}
	l, _ := m.opts.Course.Lessons.Get(k.Lesson)
	return render.Cmd(k, l.Body)
}

// rendered files a finished rendering and shows it if it is still wanted;
// a result for a lesson, width or theme no longer on screen only fills the cache.
func (m *Model) rendered(msg render.RenderedMsg) tea.Cmd {
	if msg.Err != nil {
		m.status = "could not render lesson: " + msg.Err.Error()
		return nil
	}
	m.cache[msg.Key] = msg.Out
	if m.screen == labScreen {
		m.lab, _ = m.lab.Update(msg)
	}
	if m.screen != outlineScreen && msg.Key == m.renderKey() {
		return m.lesson.SetContent(msg.Out)
	}
	return nil
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
