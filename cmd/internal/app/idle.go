package app

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// idleMsg: time to look whether the learner has been idle for
// Options.IdleTimeout. One timer at a time: a key press only notes the time.
type idleMsg struct{}

// idleCmd wakes the idle check after d.
func (m Model) idleCmd(d time.Duration) tea.Cmd {
	if m.opts.IdleTimeout <= 0 {
		return nil
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return idleMsg{} })
}

// idle quits when no key was pressed for IdleTimeout, else waits for the
// rest of it.
func (m Model) idle() (tea.Model, tea.Cmd) {
	if m.opts.IdleTimeout <= 0 {
		return m, nil
	}
	left := m.opts.IdleTimeout - m.opts.Now().Sub(m.lastKey)
	if left > 0 {
		return m, m.idleCmd(left)
	}
	m.idled = true
	return m, tea.Quit
}

// Idled says whether the app quit because no key was pressed for
// Options.IdleTimeout.
func (m Model) Idled() bool { return m.idled }
