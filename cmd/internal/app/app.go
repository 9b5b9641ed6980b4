// Package app is the root model of the course TUI. It owns the course,
// the learner's progress and the render cache, routes messages to the
// screen on top, and is the only model that returns a tea.View.
package app

import (
	"cmp"
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/cmd/internal/screens/exercise"
	"github.com/tutor-dev/tutor/cmd/internal/screens/keyhelp"
	"github.com/tutor-dev/tutor/cmd/internal/screens/lesson"
	"github.com/tutor-dev/tutor/cmd/internal/screens/outline"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
	"github.com/tutor-dev/tutor/quizzes"
)

// Smallest terminal the layout fits in; below it the app asks for more room.
const (
	MinWidth  = 40
	MinHeight = 10
)

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

	// Theme is --theme (auto when empty); ColorFGBG is $COLORFGBG, which
	// auto reads before the terminal answers the background query (see
	// theme.Initial).
	Theme     theme.Mode
	ColorFGBG string

	// QuizStats, when set, reads the learner's quiz record for the screen
	// at the end of the course (the store has every session's answers).
	QuizStats func() (practice.Stats, error)

	// Exercises, when set, reads and records the learner's exercise state
	// (workspace, checks, hints) for the exercise screen.
	Exercises exercise.Store

	// Renders, when set, is a cache of rendered lessons shared with other
	// sessions of the same course (tutor serve); see SharedRenders.
	Renders *SharedRenders

	// Remote: the app runs on a server for a learner over SSH (tutor serve).
	// Exercises, which build and run the learner's code, are not opened there:
	// the exercise activity says how to do it on their own machine.
	Remote bool
	// ClassAddr is the address the learner connected to over SSH
	// (host:port): the exercise activity tells them to link their own
	// machine's results with 'tutor class join ssh://ClassAddr'.
	ClassAddr string
	// IdleTimeout, when positive, quits the app once no key has been pressed
	// for that long (Idled then says so). wish's own idle timeout never fires
	// while the app redraws, so the timer is here.
	IdleTimeout time.Duration

	// Quiz, when set, makes the app `tutor quiz`: the quiz is the bottom
	// screen (leaving it quits) and there is no course.
	Quiz *Quiz
}

// Quiz is the practice session `tutor quiz` runs in the app.
type Quiz struct {
	Items []*quizzes.Item
	Seed  uint64
	// Title heads every question: "Review" for the items due for review,
	// else "Practice".
	Title string
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

// Model is the root model. The screens are a stack (see stack.go): the
// outline at the bottom, a lesson on it, an activity or the key help on
// top; `tutor quiz` is a stack whose bottom is the quiz.
type Model struct {
	opts   Options
	common common.Common
	cache  *render.LRU     // rendered lessons, shared by every copy of the model
	foot   *footCache      // drawn help lines, shared likewise (footer.go)
	stack  []common.Screen // bottom first; input goes to the last
	help   help.Model
	sized  bool
	status string // one-line message at the bottom
	// warning is shown whole above the help line until the learner
	// dismisses it with enter (a damaged progress file, say).
	warning string
	follow  bool // the terminal's background colour sets the theme
	// scrollSeq counts scroll moves; a settledMsg of an older one is stale.
	scrollSeq int
	err       error     // loading failed; the program quits and the caller reports it
	lastKey   time.Time // the last key press (or the start), for the idle timer
	idled     bool      // quit after Options.IdleTimeout without a key press
	// inflight are the changes submitted and not yet acknowledged, oldest
	// first (see commit.go); commitSeq numbers them.
	inflight  []inflight
	commitSeq int
}

// New builds the app. It reopens the last lesson when there is one.
func New(opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	m := Model{opts: opts, common: common.New(), cache: render.NewLRU(render.DefaultLRUSize), help: help.New(), lastKey: opts.Now(), foot: newFootCache()}
	dark, follow := theme.Initial(opts.Theme, opts.ColorFGBG)
	m.follow = follow
	m.common = withTheme(m.common, dark)
	m.help.Styles = help.DefaultStyles(dark)
	switch {
	case opts.Quiz != nil:
		title := cmp.Or(opts.Quiz.Title, "Practice")
		m.push(common.Adapt(quiz.New(m.screenCommon(), title, "", opts.Quiz.Items, opts.Quiz.Seed), "Quiz"))
	case opts.Course != nil:
		m.start(Loaded{Course: opts.Course, State: opts.State, Warning: opts.Warning})
	}
	return m
}

// start shows the course once it is loaded.
func (m *Model) start(l Loaded) {
	if l.State == nil {
		l.State = progress.New()
	}
	m.opts.Course, m.opts.State, m.warning = l.Course, l.State, l.Warning
	m.stack = []common.Screen{common.Adapt(outline.New(m.screenCommon(), m.rows(), l.State.Last), "Outline")}
	if _, ok := l.Course.Lessons.Get(l.State.Last); ok {
		m.openLesson(l.State.Last)
	}
}

// Err is the error that stopped the app from loading, if any.
func (m Model) Err() error { return m.err }

// Ready says whether the course (or the quiz) is there to show.
func (m Model) Ready() bool { return len(m.stack) > 0 }

// Quiz is the quiz screen of `tutor quiz`, for its score.
func (m Model) Quiz() (quiz.Model, bool) {
	q, _, ok := find[quizScreen](m.stack)
	return q.M, ok
}

// State is the learner's progress as it stands (nil before loading).
func (m Model) State() *progress.State {
	if m.opts.State == nil {
		return nil
	}
	if l, ok := m.lesson(); ok {
		st := m.opts.State.Lesson(l.ID())
		st.Offset, st.Position = l.Offset(), l.Position()
	}
	return m.opts.State
}

// Init asks the terminal for its background colour; until it answers (many
// never do) the app draws with the dark theme.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.idleCmd(m.opts.IdleTimeout), m.init())
}

func (m Model) init() tea.Cmd {
	var ask tea.Cmd
	if m.follow {
		ask = tea.RequestBackgroundColor
	}
	if m.Ready() || m.opts.Load == nil {
		return ask
	}
	load := m.opts.Load
	return tea.Batch(ask, func() tea.Msg {
		l, err := load()
		return loadedMsg{l, err}
	})
}

func (m Model) rows() []outline.Row {
	var rows []outline.Row
	for _, l := range m.opts.Course.Lessons.Lessons {
		rows = append(rows, outline.Row{ID: l.ID, Title: l.Title, Sources: source.Strings(l.Sources), Status: m.statusOf(l.ID), Summary: l.Summary})
	}
	return rows
}

func (m Model) statusOf(id string) progress.Status {
	return m.opts.State.StatusOf(id, m.opts.Course.HasQuiz(id), m.opts.Course.ExerciseIDs(id)...)
}

// Update routes messages: global ones here, progress in progress.go, the
// rest to the screen on top.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case idleMsg:
		return m.idle()
	case tea.KeyPressMsg:
		m.lastKey = m.opts.Now()
	}
	return m.update(msg)
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.stack = slices.Clone(m.stack) // screens change in place below; an older Model keeps its own
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
		if !m.follow {
			return m, nil // --theme dark|light
		}
		m.common = withTheme(m.common, msg.IsDark())
		m.help.Styles = help.DefaultStyles(msg.IsDark())
		m.propagate()
		return m, m.renderCmd()
	case render.RenderedMsg:
		return m, m.rendered(msg)
	case previewMsg:
		return m, m.previewed(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, m.common.Keys.Quit) {
			return m, tea.Quit
		}
		if !m.Ready() {
			return m, nil
		}
		m.status = ""
		if m.warning != "" && key.Matches(msg, m.common.Keys.Open) {
			m.warning = ""
			m.propagate()
			return m, nil
		}
		if _, open := m.top().(keyhelp.Model); !open && key.Matches(msg, m.common.Keys.Help) {
			return m, m.push(keyhelp.New(m.screenCommon(), m.top(), m.globalKeys(), m.helpFooter()))
		}
	case common.CloseMsg, quiz.ExitMsg:
		if len(m.stack) <= 1 {
			return m, tea.Quit
		}
		m.pop()
		return m, nil
	case lesson.ActionMsg:
		return m.action(msg)
	}
	if m, cmd, ok := m.progress(msg); ok {
		return m, cmd
	}
	if !m.Ready() {
		return m, nil
	}
	if s, ok := msg.(settledMsg); ok {
		cmd := m.settled(s)
		return m, cmd
	}
	if _, ok := msg.(exercise.Msg); ok {
		return m, m.broadcast(msg) // a check may end under the key help
	}
	before := -1
	if l, open := m.lesson(); open {
		before = l.Offset()
	}
	cmd := m.updateTop(msg)
	return m, tea.Batch(cmd, m.afterScroll(before))
}

func (m *Model) openLesson(id string) {
	l, ok := m.opts.Course.Lessons.Get(id)
	if !ok {
		return
	}
	// The outline shows it opened once the store has it (commit.go); it is
	// the lesson to reopen at once.
	m.opts.State.Lesson(id)
	m.opts.State.Last = id
	i := m.opts.Course.Lessons.Index(id)
	ls := lesson.New(m.screenCommon(), l, i, len(m.opts.Course.Lessons.Lessons), m.opts.State.Lesson(id).Offset, m.lessonActivities(l))
	ls.SetPosition(m.opts.State.Lesson(id).Position)
	if out, ok := m.cached(render.Key{Lesson: id, Width: ls.ContentWidth(), Dark: m.common.Styles.Dark}); ok {
		ls.SetContent(out)
	}
	closeScreens(m.stack[1:])
	m.stack = m.stack[:1] // the outline
	m.push(common.Adapt(ls, "Lesson"))
	m.withOutline(func(o *outline.Model) { o.Select(id); o.SetRows(m.rows()) })
}

func (m *Model) leaveLesson() {
	if l, ok := m.lesson(); ok {
		st := m.opts.State.Lesson(l.ID())
		st.Offset, st.Position = l.Offset(), l.Position()
	}
}

// closeLesson goes back to the outline.
func (m *Model) closeLesson() {
	closeScreens(m.stack[1:])
	m.stack = m.stack[:1]
}

// refreshOutline shows the statuses as they now are.
func (m *Model) refreshOutline() { m.withOutline(func(o *outline.Model) { o.SetRows(m.rows()) }) }

// screenCommon is what a screen gets: everything above the help line
// (and above the warning while it is shown).
func (m Model) screenCommon() common.Common {
	c := m.common
	c.Height = max(c.Height-1-len(m.warningLines()), 1)
	return c
}
