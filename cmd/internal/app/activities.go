package app

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/keys"
	"github.com/tutor-dev/tutor/cmd/internal/screens/exercise"
	"github.com/tutor-dev/tutor/cmd/internal/screens/experiment"
	"github.com/tutor-dev/tutor/cmd/internal/screens/filterlab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
	"github.com/tutor-dev/tutor/lessons"
)

// Opener opens an activity screen of lesson l, sized by c, or says the
// lesson has none. A screen package can export one, needing nothing of
// the app: that package plus one line in activities adds an activity.
type Opener func(c common.Common, crs *course.Course, l *lessons.Lesson, env Env) (common.Screen, bool)

// Env is what an activity may need of the app besides the course.
type Env struct {
	Now       time.Time
	Exercises exercise.Store // nil: exercises are shown but not checked or saved
}

// activity is something a lesson can offer besides its text: the key that
// opens it from the lesson, and the screen it opens on top of the lesson.
type activity struct {
	name string // the lesson.ActionMsg name; "This lesson has no <name>."
	key  func(keys.KeyMap) key.Binding
	open Opener
	// has, when set, says whether a lesson offers the activity without
	// opening it (open says so otherwise).
	has func(*course.Course, *lessons.Lesson) bool
}

// activities are the lesson activities, in the order the lesson's footer
// and help list them.
var activities = []activity{
	{"quiz", func(k keys.KeyMap) key.Binding { return k.Quiz }, openQuiz, hasQuiz},
	{"lab", func(k keys.KeyMap) key.Binding { return k.Lab }, openLab, hasLab},
	{"filter", func(k keys.KeyMap) key.Binding { return k.Filter }, openFilter, hasFilter},
	{"experiment", func(k keys.KeyMap) key.Binding { return k.Experiment }, openExperiment, hasExperiment},
	{course.ActivityExercise, func(k keys.KeyMap) key.Binding { return k.Exercise }, openExercise, hasExercise},
}

// offers says whether lesson l has activity a.
func (m Model) offers(a activity, l *lessons.Lesson) bool {
	if a.has != nil {
		return a.has(m.opts.Course, l)
	}
	_, ok := a.open(m.screenCommon(), m.opts.Course, l, m.env())
	return ok
}

// lessonActivities are every activity, marked with whether lesson l offers
// it, worked out once when it opens rather than on every frame.
func (m Model) lessonActivities(l *lessons.Lesson) []lesson.Activity {
	var out []lesson.Activity
	for _, a := range activities {
		out = append(out, lesson.Activity{Name: a.name, Key: a.key(m.common.Keys), Offered: m.offers(a, l)})
	}
	return out
}

// action opens one of the lesson's activities on top of it.
func (m Model) action(msg lesson.ActionMsg) (tea.Model, tea.Cmd) {
	if m.opts.Remote && msg.Action == course.ActivityExercise && m.opts.Course.HasExercise(msg.ID) {
		m.status = RemoteExerciseAt(m.opts.ClassAddr)
		return m, nil
	}
	if l, ok := m.opts.Course.Lessons.Get(msg.ID); ok {
		for _, a := range activities {
			if a.name != msg.Action {
				continue
			}
			if s, ok := a.open(m.screenCommon(), m.opts.Course, l, m.env()); ok {
				return m, m.push(s)
			}
		}
	}
	m.status = "This lesson has no " + msg.Action + "."
	return m, nil
}

// RemoteExercise is what the exercise activity says over SSH (tutor serve):
// a server never builds or runs a learner's code.
const RemoteExercise = "Exercises run your code, so not on this server: install tutor on your machine and run 'tutor exercise init', then 'tutor check'."

// RemoteExerciseAt is RemoteExercise with how to link the results to the
// class served at addr (host:port, Options.ClassAddr).
func RemoteExerciseAt(addr string) string {
	if addr == "" {
		return RemoteExercise
	}
	return RemoteExercise + " Link your results to this class with 'tutor class join ssh://" + addr + "'."
}

// env is what the activities get of the app.
func (m Model) env() Env { return Env{Now: m.opts.Now(), Exercises: m.opts.Exercises} }

func hasQuiz(crs *course.Course, l *lessons.Lesson) bool { return crs.HasQuiz(l.ID) }

func openQuiz(c common.Common, crs *course.Course, l *lessons.Lesson, env Env) (common.Screen, bool) {
	items := crs.Quizzes.ForLesson(l.ID)
	if len(items) == 0 {
		return nil, false
	}
	return common.Adapt(quiz.New(c, "Quiz: "+l.Title, l.ID, items, uint64(env.Now.UnixNano())).WithPassMark(crs.PassMark()), "Quiz"), true
}

func hasLab(crs *course.Course, l *lessons.Lesson) bool { return crs.HasLab(l.ID) }

func hasFilter(crs *course.Course, l *lessons.Lesson) bool { return crs.HasFilterLab(l.ID) }

func openLab(c common.Common, crs *course.Course, l *lessons.Lesson, _ Env) (common.Screen, bool) {
	runs := labRuns(crs, l.ID)
	if len(runs) == 0 {
		return nil, false
	}
	return common.Adapt(lab.New(c, l.Title, runs), "Lab"), true
}

func hasExperiment(crs *course.Course, l *lessons.Lesson) bool { return crs.HasExperiment(l.ID) }

func openExperiment(c common.Common, crs *course.Course, l *lessons.Lesson, _ Env) (common.Screen, bool) {
	e := crs.Experiment(l.ID)
	if e == nil {
		return nil, false
	}
	return common.Adapt(experiment.New(c, e, string(e.Source), l.Title), "Experiment"), true
}

// openFilter opens the filter lab of the first source of the lesson that has one.
func openFilter(c common.Common, crs *course.Course, l *lessons.Lesson, _ Env) (common.Screen, bool) {
	for _, src := range l.Sources {
		if f, ok := filterlab.New(c, crs.FilterLab(src), crs.Facts, l.Title); ok {
			return common.Adapt(f, "Filter lab"), true
		}
	}
	return nil, false
}

func labRuns(crs *course.Course, id string) []lab.Run {
	var runs []lab.Run
	for _, l := range crs.Labs(id) {
		runs = append(runs, lab.Run{Handler: l.Handler, Event: l.Event, Payload: l.Payload})
	}
	return runs
}

func hasExercise(crs *course.Course, l *lessons.Lesson) bool { return crs.HasExercise(l.ID) }

// openExercise opens the lesson's first exercise.
func openExercise(c common.Common, crs *course.Course, l *lessons.Lesson, env Env) (common.Screen, bool) {
	exs := crs.ExercisesFor(l.ID)
	if len(exs) == 0 {
		return nil, false
	}
	return common.Adapt(exercise.New(c, exs[0], l.Title, exercise.Deps{Store: env.Exercises, Event: crs.Event}), "Exercise"), true
}
