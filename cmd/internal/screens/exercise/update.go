package exercise

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/editor"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/sandbox/exercises"
)

// Update handles the screen's keys, checks and saves.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if x, ok := msg.(Msg); ok && screenOf(x) != m.id {
		return m, nil // a closed screen's
	}
	switch msg := msg.(type) {
	case loadedMsg:
		m.st, m.loadErr = msg.st, msg.err
		return m, m.start()
	case checkedMsg:
		if msg.seq != m.seq {
			return m, nil // superseded
		}
		m.checking, m.stop = false, nil
		m.rep, m.checkErr = msg.rep, msg.err
		var cmd tea.Cmd
		if msg.rep != nil {
			c := progress.ExerciseChecked{Exercise: m.ex.ID, Passed: msg.rep.Passed, At: time.Now()}
			m.setStatus(func(s *progress.ExerciseStatus) {
				s.Checks++
				if c.Passed {
					s.Passed = true
				} else {
					s.Failed++
				}
			})
			if c.Passed && msg.record == nil { // the app marks only what is stored
				cmd = func() tea.Msg { return PassedMsg{c} }
			}
		}
		m.note = ""
		if msg.record != nil {
			m.note = "not saved: " + msg.record.Error()
		}
		m.refresh()
		return m, cmd
	case changedMsg:
		if msg.watch != m.watch {
			return m, nil
		}
		return m, tea.Batch(m.checkCmd(), m.waitCmd())
	case watchErrMsg:
		if msg.watch != m.watch {
			return m, nil
		}
		m.note = "watching: " + msg.err.Error()
		return m, m.waitCmd()
	case noteMsg:
		m.note = msg.note
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func screenOf(x Msg) uint64 {
	switch x := x.(type) {
	case loadedMsg:
		return x.screen
	case checkedMsg:
		return x.screen
	case changedMsg:
		return x.screen
	case watchErrMsg:
		return x.screen
	case noteMsg:
		return x.screen
	}
	return 0
}

// start checks the workspace, watches the exercise's folder and runs the
// first check; it says what is missing instead when it cannot.
func (m *Model) start() tea.Cmd {
	m.wsErr = nil
	if m.loadErr != nil || m.goErr != nil {
		m.refresh()
		return nil
	}
	ws := ""
	if m.st != nil {
		ws = m.st.Workspace
	}
	if err := exercises.CheckWorkspace(ws, m.ex.ID); err != nil {
		m.wsErr = err
		m.refresh()
		return nil
	}
	var cmd tea.Cmd
	if m.watcher == nil {
		w, err := exercises.Watch(m.ctx, filepath.Join(ws, m.ex.ID), exercises.SettleDelay)
		if err != nil {
			m.note = "cannot watch for saves (" + err.Error() + "): press c to check"
		} else {
			m.watcher = w
			m.watch++
			cmd = m.waitCmd()
		}
	}
	m.refresh()
	return tea.Batch(m.checkCmd(), cmd)
}

// waitCmd waits for the next save; it ends with the screen.
func (m Model) waitCmd() tea.Cmd {
	w, id, gen := m.watcher, m.id, m.watch
	if w == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case _, ok := <-w.Changes:
			if !ok {
				return nil
			}
			return changedMsg{screen: id, watch: gen}
		case err := <-w.Errors:
			return watchErrMsg{screen: id, watch: gen, err: err}
		}
	}
}

// checkCmd runs a check, cancelling the one under way: only the newest
// result is shown.
func (m *Model) checkCmd() tea.Cmd {
	if m.stop != nil {
		m.stop()
	}
	m.seq++
	m.checking = true
	ctx, stop := context.WithCancel(m.ctx)
	m.stop = stop
	seq, id, ex, store := m.seq, m.id, m.ex, m.deps.Store
	opt := exercises.Options{Workspace: m.st.Workspace, Event: m.deps.Event}
	m.refresh()
	return func() tea.Msg {
		defer stop()
		rep, err := exercises.Check(ctx, ex, opt)
		if ctx.Err() != nil {
			return nil // superseded or closed
		}
		msg := checkedMsg{screen: id, seq: seq, rep: rep, err: err}
		if rep != nil && store != nil {
			msg.record = store.Record(ctx, progress.ExerciseChecked{Exercise: ex.ID, Passed: rep.Passed, At: time.Now()})
		}
		return msg
	}
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.common.Scroll(&m.vp, msg) {
		return m, nil
	}
	k := keyMap(m.common)
	switch {
	case key.Matches(msg, k.Back):
		m.Close()
		m.Ask(common.CloseMsg{})
		return m, nil
	case key.Matches(msg, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.Check):
		m.note = ""
		if m.deps.Store != nil && (m.wsErr != nil || m.loadErr != nil) {
			return m, m.loadCmd() // after `tutor exercise init` in a shell
		}
		return m, m.start()
	case key.Matches(msg, k.Hint):
		return m.hint()
	case key.Matches(msg, k.Solution):
		s := m.status()
		if !s.SolutionOpen(len(m.ex.Hints)) {
			m.note = fmt.Sprintf("the solution opens once you pass, or after all %d hints and %d failed checks (so far %d and %d)",
				len(m.ex.Hints), progress.FailedChecksForSolution, s.Hints, s.Failed)
			return m, nil
		}
		m.solution = !m.solution
		m.refresh()
		if m.solution {
			m.vp.GotoBottom()
		}
	case key.Matches(msg, k.Edit):
		p := m.HandlerPath()
		if p == "" || m.wsErr != nil {
			m.note = "no workspace to edit yet: run `tutor exercise init` in a shell, then press c"
			return m, nil
		}
		id := m.id
		return m, editor.File(p, func(err error) tea.Msg {
			if err != nil {
				return noteMsg{screen: id, note: err.Error()}
			}
			return nil // the watcher sees the save
		})
	}
	return m, nil
}

// hint shows the next hint and records it.
func (m Model) hint() (Model, tea.Cmd) {
	if len(m.ex.Hints) == 0 {
		m.note = "this exercise has no hints"
		return m, nil
	}
	n := min(m.status().Hints+1, len(m.ex.Hints))
	m.setStatus(func(s *progress.ExerciseStatus) { s.Hints = max(s.Hints, n) })
	m.note = fmt.Sprintf("hint %d of %d below", n, len(m.ex.Hints))
	if n == len(m.ex.Hints) {
		m.note = fmt.Sprintf("hint %d of %d below: that was the last", n, len(m.ex.Hints))
	}
	m.refresh()
	if !m.solution {
		m.vp.GotoBottom()
	}
	store, id, ctx, c := m.deps.Store, m.id, m.ctx, progress.HintShown{Exercise: m.ex.ID, Level: n, At: time.Now()}
	if store == nil {
		return m, nil
	}
	return m, func() tea.Msg {
		if err := store.Record(ctx, c); err != nil && ctx.Err() == nil {
			return noteMsg{screen: id, note: "hint not saved: " + err.Error()}
		}
		return nil
	}
}
