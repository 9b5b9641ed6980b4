package app

import (
	tea "charm.land/bubbletea/v2"

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
		if msg.err != nil {
			m.status = "could not save progress: " + msg.err.Error()
		}
		return m, nil, true
	case outline.OpenMsg:
		m.openLesson(msg.ID)
		return m, tea.Batch(m.renderCmd(), m.saveCmd()), true
	case lesson.NavigateMsg:
		i := m.opts.Course.Lessons.Index(m.lessonID()) + msg.Delta
		if i < 0 || i >= len(m.opts.Course.Lessons.Lessons) {
			return m, nil, true
		}
		m.leaveLesson()
		m.openLesson(m.opts.Course.Lessons.Lessons[i].ID)
		return m, tea.Batch(m.renderCmd(), m.saveCmd()), true
	case lesson.BackMsg:
		m.leaveLesson()
		m.closeLesson()
		m.refreshOutline()
		return m, m.saveCmd(), true
	case lesson.ReadMsg:
		m.opts.State.Lesson(msg.ID).Read = true
		m.refreshOutline()
		return m, m.saveCmd(), true
	case quiz.AnsweredMsg:
		return m, m.rec.Record(msg), true
	case quiz.SavedMsg:
		if msg.Err != nil {
			if m.opts.Quiz != nil {
				m.status = "could not save the review state: " + msg.Err.Error()
			} else {
				m.status = "could not save quiz review state: " + msg.Err.Error()
			}
		}
		return m, nil, true
	case quiz.FinishedMsg:
		if !msg.Passed || msg.LessonID == "" {
			return m, nil, true
		}
		m.opts.State.Lesson(msg.LessonID).QuizPassed = true
		m.refreshOutline()
		return m, m.saveCmd(), true
	}
	return m, nil, false
}
