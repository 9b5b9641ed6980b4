package app

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// idleMsg fires IdleTimeout after key press number seq.
type idleMsg struct{ seq int }

// idleCmd starts the idle timer from the latest key press.
func (m Model) idleCmd() tea.Cmd {
	if m.opts.IdleTimeout <= 0 {
		return nil
	}
	seq := m.idleSeq
	return tea.Tick(m.opts.IdleTimeout, func(time.Time) tea.Msg { return idleMsg{seq} })
}

// Idled says whether the app quit because no key was pressed for
// Options.IdleTimeout.
func (m Model) Idled() bool { return m.idled }
