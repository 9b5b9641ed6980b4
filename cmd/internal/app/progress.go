package app

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/screens/exercise"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/screens/outline"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
)

// progress handles the messages that change or save the learner's progress
// (lessons opened, read and left, quiz answers and passes, the saves that
// follow); ok is false for any other message. Every progress rule of the
// TUI is here, not spread over the screens.
func (m Model) progress(msg tea.Msg) (_ Model, _ tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case savedMsg:
		m.saved(msg.err)
		return m, nil, true
	case outline.OpenMsg:
		m.openLesson(msg.ID)
		return m, tea.Batch(m.renderCmd(), m.save(m.opened(msg.ID))), true
	case lesson.NavigateMsg:
		i := m.opts.Course.Lessons.Index(m.lessonID()) + msg.Delta
		if i == len(m.opts.Course.Lessons.Lessons) {
			return m, m.push(m.closingScreen()), true // past the last lesson
		}
		if i < 0 || i > len(m.opts.Course.Lessons.Lessons) {
			return m, nil, true
		}
		left := m.lessonID()
		m.leaveLesson()
		next := m.opts.Course.Lessons.Lessons[i].ID
		m.openLesson(next)
		return m, tea.Batch(m.renderCmd(), m.save(append(m.place(left), m.opened(next))...)), true
	case lesson.BackMsg:
		left := m.lessonID()
		m.leaveLesson()
		m.closeLesson()
		m.refreshOutline()
		return m, m.save(m.place(left)...), true
	case lesson.ReadMsg:
		c := progress.Read{Lesson: msg.ID, At: m.opts.Now()}
		progress.ApplyTo(m.opts.State, c)
		m.refreshOutline()
		return m, m.save(c), true
	case quiz.AnsweredMsg:
		return m, m.rec.Record(msg), true
	case quiz.SavedMsg:
		m.saved(msg.Err)
		return m, nil, true
	case quiz.FinishedMsg:
		if !msg.Passed || msg.LessonID == "" {
			return m, nil, true
		}
		c := progress.QuizPassed{Lesson: msg.LessonID, At: m.opts.Now()}
		progress.ApplyTo(m.opts.State, c)
		m.refreshOutline()
		// The quiz says "the lesson is done" only if it now is (read too).
		status := quiz.LessonStatusMsg{LessonID: msg.LessonID, Done: m.statusOf(msg.LessonID) == progress.Done}
		return m, tea.Batch(m.save(c), func() tea.Msg { return status }), true
	case exercise.PassedMsg:
		progress.ApplyTo(m.opts.State, msg.Change) // the screen recorded it
		m.refreshOutline()
		return m, nil, true
	case quiz.NextLessonMsg:
		if i := m.opts.Course.Lessons.Index(msg.LessonID); i+1 >= len(m.opts.Course.Lessons.Lessons) {
			m.closeLesson() // the last lesson: back to the outline
			m.refreshOutline()
			return m, nil, true
		}
		return m.progress(lesson.NavigateMsg{Delta: 1})
	}
	return m, nil, false
}
