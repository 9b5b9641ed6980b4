package app

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/screens/experiment"
	"github.com/tutor-dev/tutor/cmd/internal/screens/filterlab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
)

// activities are what a lesson offers besides its text, worked out once
// when it opens rather than on every frame.
type activities struct{ quiz, lab, filter, experiment bool }

func (m Model) activitiesOf(id string) activities {
	_, filter := m.filterLab(id)
	l, _ := m.opts.Course.Lessons.Get(id)
	return activities{
		quiz:       m.opts.Course.HasQuiz(id),
		lab:        len(m.opts.Course.Labs(id)) > 0,
		filter:     filter,
		experiment: len(l.Sources) > 0,
	}
}

// hints are the activities the lesson's footer offers.
func (a activities) hints() []string {
	var out []string
	if a.quiz {
		out = append(out, "t quiz")
	}
	if a.lab {
		out = append(out, "r lab")
	}
	if a.filter {
		out = append(out, "f filter lab")
	}
	if a.experiment {
		out = append(out, "x experiment")
	}
	return out
}

// action opens one of the lesson's activities.
func (m Model) action(msg lesson.ActionMsg) (tea.Model, tea.Cmd) {
	switch msg.Action {
	case "lab":
		runs := m.labRuns(msg.ID)
		if len(runs) == 0 {
			m.status = "This lesson has no lab."
			return m, nil
		}
		l, _ := m.opts.Course.Lessons.Get(msg.ID)
		m.lab = lab.New(m.screenCommon(), l.Title, runs)
		m.screen = labScreen
		return m, m.lab.Init()
	case "quiz":
		items := m.opts.Course.Quizzes.ForLesson(msg.ID)
		if len(items) == 0 {
			break
		}
		l, _ := m.opts.Course.Lessons.Get(msg.ID)
		m.quiz = quiz.New(m.screenCommon(), "Quiz: "+l.Title, msg.ID, items, uint64(m.opts.Now().UnixNano()))
		m.screen = quizScreen
		return m, nil
	case "experiment":
		l, _ := m.opts.Course.Lessons.Get(msg.ID)
		if len(l.Sources) == 0 {
			break
		}
		m.exp = experiment.New(m.screenCommon(), string(l.Sources[0]), l.Title)
		m.screen = experimentScreen
		return m, m.exp.Init()
	case "filter":
		if f, ok := m.filterLab(msg.ID); ok {
			m.filter = f
			m.screen = filterScreen
			return m, m.filter.Init()
		}
	}
	m.status = "This lesson has no " + msg.Action + "."
	return m, nil
}

// filterLab is the filter lab of the first source of the lesson that has one.
func (m Model) filterLab(id string) (filterlab.Model, bool) {
	l, _ := m.opts.Course.Lessons.Get(id)
	for _, src := range l.Sources {
		if f, ok := filterlab.New(m.screenCommon(), string(src), l.Title); ok {
			return f, true
		}
	}
	return filterlab.Model{}, false
}

func (m Model) labRuns(id string) []lab.Run {
	var runs []lab.Run
	for _, l := range m.opts.Course.Labs(id) {
		runs = append(runs, lab.Run{Handler: l.Handler, Event: l.Event, Payload: l.Payload})
	}
	return runs
}
