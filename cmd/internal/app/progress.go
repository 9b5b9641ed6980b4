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
	case committedMsg:
		cmd := m.committed(msg)
		return m, cmd, true
	case slowMsg:
		cmd := m.slowSave(msg)
		return m, cmd, true
	case outline.OpenMsg:
		m.openLesson(msg.ID)
		save := m.save(m.opened(msg.ID))
		return m, tea.Batch(m.renderCmd(), save), true
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
		save := m.save(append(m.place(left), m.opened(next))...)
		return m, tea.Batch(m.renderCmd(), save), true
	case lesson.BackMsg:
		left := m.lessonID()
		m.leaveLesson()
		m.closeLesson()
		m.refreshOutline()
		save := m.save(m.place(left)...)
		return m, save, true
	case lesson.ReadMsg:
		// The outline marks it read once it is stored (commit.go).
		save := m.save(progress.Read{Lesson: msg.ID, At: m.opts.Now()})
		return m, save, true
	case quiz.AnsweredMsg:
		// The quiz shows the answer's feedback once it is stored.
		save := m.saveAnswer(msg)
		return m, save, true
	case quiz.FinishedMsg:
		if !msg.Passed || msg.LessonID == "" {
			return m, nil, true
		}
		// The quiz shows its pass once it is stored; then the app says
		// whether the lesson is done (quiz.LessonStatusMsg).
		save := m.save(progress.QuizPassed{Lesson: msg.LessonID, At: m.opts.Now()})
		return m, save, true
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
