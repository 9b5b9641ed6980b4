// Package app is the root model of the course TUI. It owns the course,
// the learner's progress and the render cache, routes messages to the
// screen on top, and is the only model that returns a tea.View.
package app

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/cmd/internal/screens/experiment"
	"github.com/tutor-dev/tutor/cmd/internal/screens/filterlab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/screens/outline"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
)

// Smallest terminal the layout fits in; below it the app asks for more room.
const (
	MinWidth  = 40
	MinHeight = 10
)

type screen int

const (
	outlineScreen screen = iota
	lessonScreen
	labScreen
	filterScreen
	quizScreen
	experimentScreen
)

func (s screen) String() string {
	return [...]string{"outline", "lesson", "lab", "filter", "quiz", "experiment"}[s]
}

// Options are what the app starts from.
type Options struct {
	Course *course.Course
	// Writer records each change (a lesson opened, read, passed, a quiz
	// answer) as it happens, in order; nil: nothing is saved (tests).
	Writer  *progress.Writer
	State   *progress.State
	Warning string // shown once at the bottom, e.g. a damaged progress file
	Now     func() time.Time

	// Load, when Course is nil, loads the course and progress in the
	// background while the program starts, so reading the content overlaps
	// the terminal set-up instead of delaying the first frame.
	Load func() (Loaded, error)
}

// Loaded is what Options.Load returns.
type Loaded struct {
	Course  *course.Course
	State   *progress.State
	Warning string
}

type loadedMsg struct {
	loaded Loaded
	err    error
}

// Model is the root model.
type Model struct {
	opts    Options
	common  common.Common
	cache   render.Cache
	screen  screen
	outline outline.Model
	lesson  lesson.Model
	lab     lab.Model
	filter  filterlab.Model
	quiz    quiz.Model
	exp     experiment.Model
	rec     quiz.Recorder // records every first answer of a quiz
	help    help.Model
	acts    activities // what the open lesson offers
	full    bool       // full help shown
	sized   bool
	status  string // one-line message at the bottom
	err     error  // loading failed; the program quits and the caller reports it
}

// New builds the app. It reopens the last lesson when there is one.
func New(opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	m := Model{opts: opts, common: common.New(), cache: render.Cache{}, help: help.New()}
	if opts.Course != nil {
		m.start(Loaded{Course: opts.Course, State: opts.State, Warning: opts.Warning})
	}
	return m
}

// start shows the course once it is loaded.
func (m *Model) start(l Loaded) {
	if l.State == nil {
		l.State = progress.New()
	}
	m.opts.Course, m.opts.State, m.status = l.Course, l.State, l.Warning
	m.rec = quiz.NewRecorder(m.opts.Writer)
	m.rec.Now = m.opts.Now
	m.outline = outline.New(m.screenCommon(), m.rows(), l.State.Last)
	if _, ok := l.Course.Lessons.Get(l.State.Last); ok {
		m.openLesson(l.State.Last)
	}
}

// Err is the error that stopped the app from loading, if any.
func (m Model) Err() error { return m.err }

// Ready says whether the course is loaded.
func (m Model) Ready() bool { return m.opts.Course != nil }

// State is the learner's progress as it stands (nil before loading).
func (m Model) State() *progress.State {
	if m.opts.State == nil {
		return nil
	}
	if m.screen == lessonScreen {
		m.opts.State.Lesson(m.lesson.ID()).Offset = m.lesson.Offset()
	}
	return m.opts.State
}

// Init asks the terminal for its background colour; until it answers (many
// never do) the app draws with the dark theme.
func (m Model) Init() tea.Cmd {
	if m.opts.Course != nil || m.opts.Load == nil {
		return tea.RequestBackgroundColor
	}
	load := m.opts.Load
	return tea.Batch(tea.RequestBackgroundColor, func() tea.Msg {
		l, err := load()
		return loadedMsg{l, err}
	})
}

func (m Model) rows() []outline.Row {
	var rows []outline.Row
	for _, l := range m.opts.Course.Lessons.Lessons {
		rows = append(rows, outline.Row{ID: l.ID, Title: l.Title, Sources: l.Sources, Status: m.statusOf(l.ID)})
	}
	return rows
}

func (m Model) statusOf(id string) progress.Status {
	return m.opts.State.StatusOf(id, m.opts.Course.HasQuiz(id))
}

// Update routes messages: global ones here, the rest to the screen on top.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, tea.Quit
		}
		m.start(msg.loaded)
		return m, m.renderCmd()
	case tea.WindowSizeMsg:
		m.sized = true
		m.common.Width, m.common.Height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		m.propagate()
		return m, m.renderCmd()
	case tea.BackgroundColorMsg:
		m.common = withTheme(m.common, msg.IsDark())
		m.help.Styles = help.DefaultStyles(msg.IsDark())
		m.propagate()
		return m, m.renderCmd()
	case render.RenderedMsg:
		return m, m.rendered(msg)
	case savedMsg:
		m.saved(msg.err)
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.common.Keys.Quit) {
			return m, tea.Quit
		}
		if !m.Ready() {
			return m, nil
		}
		if key.Matches(msg, m.common.Keys.Help) {
			m.full = !m.full
			return m, nil
		}
		if m.full && key.Matches(msg, m.common.Keys.Back) {
			m.full = false
			return m, nil
		}
		m.status = ""
	}
	return m.routeScreen(msg)
}

// routeScreen handles screen messages and passes the rest down.
func (m Model) routeScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case outline.OpenMsg:
		m.openLesson(msg.ID)
		return m, tea.Batch(m.renderCmd(), m.save(m.opened(msg.ID)))
	case lesson.NavigateMsg:
		i := m.opts.Course.Lessons.Index(m.lesson.ID()) + msg.Delta
		if i < 0 || i >= len(m.opts.Course.Lessons.Lessons) {
			return m, nil
		}
		left := m.lesson.ID()
		m.leaveLesson()
		next := m.opts.Course.Lessons.Lessons[i].ID
		m.openLesson(next)
		return m, tea.Batch(m.renderCmd(), m.save(m.offset(left), m.opened(next)))
	case lesson.BackMsg:
		left := m.lesson.ID()
		m.leaveLesson()
		m.screen = outlineScreen
		m.outline.SetRows(m.rows())
		return m, m.save(m.offset(left))
	case lesson.ReadMsg:
		c := progress.Read{Lesson: msg.ID, At: m.opts.Now()}
		progress.ApplyTo(m.opts.State, c)
		m.outline.SetRows(m.rows())
		return m, m.save(c)
	case lesson.ActionMsg:
		return m.action(msg)
	case common.CloseMsg, quiz.ExitMsg:
		m.screen = lessonScreen
		m.lesson.SetCommon(m.screenCommon())
		return m, nil
	case quiz.AnsweredMsg:
		return m, m.rec.Record(msg)
	case quiz.SavedMsg:
		m.saved(msg.Err)
		return m, nil
	case quiz.FinishedMsg:
		if !msg.Passed || msg.LessonID == "" {
			return m, nil
		}
		c := progress.QuizPassed{Lesson: msg.LessonID, At: m.opts.Now()}
		progress.ApplyTo(m.opts.State, c)
		m.outline.SetRows(m.rows())
		return m, m.save(c)
	}
	var cmd tea.Cmd
	switch m.screen {
	case outlineScreen:
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.common.Keys.Back) {
			return m, tea.Quit
		}
		m.outline, cmd = m.outline.Update(msg)
	case lessonScreen:
		m.lesson, cmd = m.lesson.Update(msg)
	case labScreen:
		m.lab, cmd = m.lab.Update(msg)
	case filterScreen:
		m.filter, cmd = m.filter.Update(msg)
	case quizScreen:
		m.quiz, cmd = m.quiz.Update(msg)
	case experimentScreen:
		m.exp, cmd = m.exp.Update(msg)
	}
	return m, cmd
}

func (m *Model) openLesson(id string) {
	l, ok := m.opts.Course.Lessons.Get(id)
	if !ok {
		return
	}
	m.opts.State.Open(id, m.opts.Now())
	i := m.opts.Course.Lessons.Index(id)
	m.acts = m.activitiesOf(id)
	m.lesson = lesson.New(m.screenCommon(), l, i, len(m.opts.Course.Lessons.Lessons), m.opts.State.Lesson(id).Offset, m.acts.hints())
	if out, ok := m.cache[m.renderKey()]; ok {
		m.lesson.SetContent(out)
	}
	m.screen = lessonScreen
	m.outline.Select(id)
	m.outline.SetRows(m.rows())
}

func (m *Model) leaveLesson() {
	if m.screen == lessonScreen {
		m.opts.State.Lesson(m.lesson.ID()).Offset = m.lesson.Offset()
	}
}

// screenCommon is what a screen gets: everything above the help line.
func (m Model) screenCommon() common.Common {
	c := m.common
	c.Height = max(c.Height-1, 1)
	return c
}

func (m *Model) propagate() {
	m.outline.SetCommon(m.screenCommon())
	if m.screen != outlineScreen {
		m.lesson.SetCommon(m.screenCommon())
	}
	switch m.screen {
	case labScreen:
		m.lab.SetCommon(m.screenCommon())
	case filterScreen:
		m.filter.SetCommon(m.screenCommon())
	case quizScreen:
		m.quiz.SetCommon(m.screenCommon())
	case experimentScreen:
		m.exp.SetCommon(m.screenCommon())
	}
}
