package app

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/keys"
	"github.com/tutor-dev/tutor/cmd/internal/screens/experiment"
	"github.com/tutor-dev/tutor/cmd/internal/screens/filterlab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
	"github.com/tutor-dev/tutor/lessons"
)

// activity is something a lesson can offer besides its text: the key that
// opens it from the lesson, whether a lesson has it, and the screen it
// opens on top of the lesson.
type activity struct {
	name string // the lesson.ActionMsg name; "This lesson has no <name>."
	key  func(keys.KeyMap) key.Binding
	has  func(Model, *lessons.Lesson) bool
	open func(Model, *lessons.Lesson) common.Screen
}

// activities are the lesson activities, in the order the lesson's footer
// and help list them. A new activity screen is one package and one line here.
var activities = []activity{
	{"quiz", func(k keys.KeyMap) key.Binding { return k.Quiz }, Model.hasQuiz, Model.openQuiz},
	{"lab", func(k keys.KeyMap) key.Binding { return k.Lab }, Model.hasLab, Model.openLab},
	{"filter", func(k keys.KeyMap) key.Binding { return k.Filter }, Model.hasFilter, Model.openFilter},
	{"experiment", func(k keys.KeyMap) key.Binding { return k.Experiment }, Model.hasExperiment, Model.openExperiment},
}

// lessonActivities are every activity, marked with whether lesson l offers
// it, worked out once when it opens rather than on every frame.
func (m Model) lessonActivities(l *lessons.Lesson) []lesson.Activity {
	var out []lesson.Activity
	for _, a := range activities {
		out = append(out, lesson.Activity{Name: a.name, Key: a.key(m.common.Keys), Offered: a.has(m, l)})
	}
	return out
}

// action opens one of the lesson's activities on top of it.
func (m Model) action(msg lesson.ActionMsg) (tea.Model, tea.Cmd) {
	l, ok := m.opts.Course.Lessons.Get(msg.ID)
	for _, a := range activities {
		if ok && a.name == msg.Action && a.has(m, l) {
			return m, m.push(a.open(m, l))
		}
	}
	m.status = "This lesson has no " + msg.Action + "."
	return m, nil
}

func (m Model) hasQuiz(l *lessons.Lesson) bool { return m.opts.Course.HasQuiz(l.ID) }

func (m Model) openQuiz(l *lessons.Lesson) common.Screen {
	items := m.opts.Course.Quizzes.ForLesson(l.ID)
	return common.Adapt(quiz.New(m.screenCommon(), "Quiz: "+l.Title, l.ID, items, uint64(m.opts.Now().UnixNano())), "Quiz")
}

func (m Model) hasLab(l *lessons.Lesson) bool { return len(m.labRuns(l.ID)) > 0 }

func (m Model) openLab(l *lessons.Lesson) common.Screen {
	return common.Adapt(lab.New(m.screenCommon(), l.Title, m.labRuns(l.ID)), "Lab")
}

func (m Model) hasFilter(l *lessons.Lesson) bool {
	_, ok := m.filterLab(l.ID)
	return ok
}

func (m Model) openFilter(l *lessons.Lesson) common.Screen {
	f, _ := m.filterLab(l.ID)
	return common.Adapt(f, "Filter lab")
}

func (m Model) hasExperiment(l *lessons.Lesson) bool { return len(l.Sources) > 0 }

func (m Model) openExperiment(l *lessons.Lesson) common.Screen {
	return common.Adapt(experiment.New(m.screenCommon(), l.Sources[0], l.Title), "Experiment")
}

// filterLab is the filter lab of the first source of the lesson that has one.
func (m Model) filterLab(id string) (filterlab.Model, bool) {
	l, _ := m.opts.Course.Lessons.Get(id)
	for _, src := range l.Sources {
		if f, ok := filterlab.New(m.screenCommon(), src, l.Title); ok {
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
