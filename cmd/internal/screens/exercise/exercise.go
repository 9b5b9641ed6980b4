// Package exercise is the exercise screen: the statement of a lesson's
// exercise, where the learner's handler.go is, each criterion with its
// status as of the last check, hints and, when allowed, the solution. The
// learner edits in their own editor; every save re-checks (a watcher and
// the check both run in tea.Cmds, cancelled when the screen closes).
package exercise

import (
	"context"
	"path/filepath"
	"sync/atomic"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/sandbox/exercises"
)

// Store is the learner's exercise state as the screen reads and records
// it: the workspace, check results and hints.
type Store interface {
	Load(ctx context.Context) (*progress.Exercises, error)
	Record(ctx context.Context, c progress.Change) error
}

// Deps are what the screen needs besides the exercise; every field may be
// nil (no store: nothing is saved and there is no workspace to check).
type Deps struct {
	Store Store
	Event func(name string) ([]byte, error) // a course event by name
	// FindGo finds the go command (exercises.FindGo when nil).
	FindGo func() (string, error)
}

// Msg is every message of the screen; the app passes these to the
// exercise screen wherever it is in the stack (a check may finish while
// the key help is on top).
type Msg interface{ exerciseMsg() }

// PassedMsg says a check of an exercise passed, for the app to count it
// toward the lesson. The check is recorded in the Store already.
type PassedMsg struct{ Change progress.ExerciseChecked }

type (
	loadedMsg struct {
		screen uint64
		st     *progress.Exercises
		err    error
	}
	checkedMsg struct {
		screen uint64
		seq    int
		rep    *exercises.Report
		err    error // the check could not run (no workspace, no Go)
		record error // the verdict could not be saved
	}
	changedMsg struct {
		screen uint64
		watch  int
	}
	watchErrMsg struct {
		screen uint64
		watch  int
		err    error
	}
	noteMsg struct {
		screen uint64
		note   string
	}
)

func (loadedMsg) exerciseMsg()   {}
func (checkedMsg) exerciseMsg()  {}
func (changedMsg) exerciseMsg()  {}
func (watchErrMsg) exerciseMsg() {}
func (noteMsg) exerciseMsg()     {}

var screens atomic.Uint64

// Model is the exercise screen.
type Model struct {
	common.Asker // its requests of the app (intents)
	common       common.Common
	ex           *exercises.Exercise
	lesson       string
	deps         Deps
	id           uint64 // this screen's messages carry it; a closed one's are dropped

	ctx    context.Context // ends when the screen closes
	cancel context.CancelFunc

	st       *progress.Exercises // nil until loaded
	loadErr  error
	goErr    error // no Go on PATH
	wsErr    error // the workspace cannot be checked: what to do
	rep      *exercises.Report
	checkErr error
	checking bool
	seq      int                // the check under way; older results are dropped
	stop     context.CancelFunc // cancels the check under way
	watcher  *exercises.Watcher
	watch    int // the watcher's generation
	solution bool
	note     string
	vp       viewport.Model
}

// New opens the screen for exercise ex of the lesson titled lessonTitle.
func New(c common.Common, ex *exercises.Exercise, lessonTitle string, deps Deps) Model {
	if deps.FindGo == nil {
		deps.FindGo = exercises.FindGo
	}
	ctx, cancel := context.WithCancel(context.Background())
	m := Model{common: c, ex: ex, lesson: lessonTitle, deps: deps, id: screens.Add(1), ctx: ctx, cancel: cancel}
	_, m.goErr = deps.FindGo()
	m.vp = viewport.New()
	m.resize()
	m.refresh()
	return m
}

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) {
	m.common = c
	m.resize()
	m.refresh()
}

func (m *Model) resize() {
	m.vp.SetWidth(max(m.common.Width, 1))
	m.vp.SetHeight(max(m.common.Height-2, 1))
}

// Init reads the learner's state.
func (m Model) Init() tea.Cmd { return m.loadCmd() }

func (m Model) loadCmd() tea.Cmd {
	if m.deps.Store == nil {
		return nil
	}
	store, ctx, id := m.deps.Store, m.ctx, m.id
	return func() tea.Msg {
		st, err := store.Load(ctx)
		if ctx.Err() != nil {
			return nil
		}
		return loadedMsg{screen: id, st: st, err: err}
	}
}

// Close ends the screen's watcher and any check under way.
func (m Model) Close() {
	m.cancel()
	if m.watcher != nil {
		m.watcher.Close()
	}
}

// HandlerPath is the learner's handler.go ("" with no workspace).
func (m Model) HandlerPath() string {
	if m.st == nil || m.st.Workspace == "" {
		return ""
	}
	return filepath.Join(m.st.Workspace, m.ex.ID, exercises.HandlerFile)
}

func (m Model) status() progress.ExerciseStatus {
	if m.st == nil {
		return progress.ExerciseStatus{}
	}
	return m.st.ByID[m.ex.ID]
}

// setStatus changes this exercise's status in the screen's copy of the state.
func (m *Model) setStatus(f func(*progress.ExerciseStatus)) {
	st := &progress.Exercises{ByID: map[string]progress.ExerciseStatus{}}
	if m.st != nil {
		st.Workspace = m.st.Workspace
		for k, v := range m.st.ByID {
			st.ByID[k] = v
		}
	}
	s := st.ByID[m.ex.ID]
	f(&s)
	st.ByID[m.ex.ID] = s
	m.st = st
}
