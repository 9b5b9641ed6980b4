package app

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/screens/outline"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
)

// The screens the app itself reads (for progress and rendering); every
// other screen is only a common.Screen to it.
type (
	outlineScreen = common.Adapter[outline.Model, *outline.Model]
	lessonScreen  = common.Adapter[lesson.Model, *lesson.Model]
	quizScreen    = common.Adapter[quiz.Model, *quiz.Model]
)

// top is the screen that gets input (nil before the course loads).
func (m Model) top() common.Screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// push opens s on top, sized to the window, and starts it.
func (m *Model) push(s common.Screen) tea.Cmd {
	s = s.SetCommon(m.screenCommon())
	m.stack = append(m.stack, s)
	return s.Init()
}

// pop closes the screen on top, never the bottom one.
func (m *Model) pop() {
	if len(m.stack) > 1 {
		closeScreens(m.stack[len(m.stack)-1:])
		m.stack = m.stack[:len(m.stack)-1]
	}
}

// updateTop passes msg to the screen on top and applies what it asked of
// the app (open a lesson, close itself) at once, before the next message:
// keys typed in the same burst then reach the screen it leads to.
func (m *Model) updateTop(msg tea.Msg) tea.Cmd {
	i := len(m.stack) - 1
	s, cmd := m.stack[i].Update(msg)
	m.stack[i] = s
	if intent := s.Intent(); intent != nil {
		next, then := m.Update(intent)
		*m = next.(Model)
		return tea.Batch(cmd, then)
	}
	return cmd
}

// broadcast passes msg to every open screen (a rendering that one of them
// may be waiting for).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, s := range m.stack {
		var cmd tea.Cmd
		m.stack[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// propagate gives every open screen the window's size and theme.
func (m *Model) propagate() {
	for i, s := range m.stack {
		m.stack[i] = s.SetCommon(m.screenCommon())
	}
}

// find is the topmost open screen of type S and its place in the stack.
func find[S common.Screen](stack []common.Screen) (S, int, bool) {
	for i := len(stack) - 1; i >= 0; i-- {
		if s, ok := stack[i].(S); ok {
			return s, i, true
		}
	}
	var zero S
	return zero, -1, false
}

// lesson is the open lesson, if any.
func (m Model) lesson() (lesson.Model, bool) {
	l, _, ok := find[lessonScreen](m.stack)
	return l.M, ok
}

// lessonID is the open lesson's ID ("" when none is open).
func (m Model) lessonID() string {
	if l, ok := m.lesson(); ok {
		return l.ID()
	}
	return ""
}

// withLesson changes the open lesson, if any.
func (m *Model) withLesson(f func(*lesson.Model)) {
	if l, i, ok := find[lessonScreen](m.stack); ok {
		f(&l.M)
		m.stack[i] = l
	}
}

// withOutline changes the outline, if any.
func (m *Model) withOutline(f func(*outline.Model)) {
	if o, i, ok := find[outlineScreen](m.stack); ok {
		f(&o.M)
		m.stack[i] = o
	}
}

// globalKeys work on every screen.
func (m Model) globalKeys() []key.Binding {
	return []key.Binding{m.common.Keys.Help, m.common.Keys.Quit}
}

// helpFooter closes the key help.
func (m Model) helpFooter() string {
	if m.opts.Quiz != nil {
		return ""
	}
	return "Progress is saved as you go; tutor reopens the last lesson where you left it."
}

// closeScreens lets screens that hold resources (a file watcher, a check
// under way) let go of them as they leave the stack.
func closeScreens(ss []common.Screen) {
	for _, s := range ss {
		if c, ok := s.(interface{ Close() }); ok {
			c.Close()
		}
	}
}
