package app

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// settleDelay is how long the reading position must stay still before it
// is saved: a burst of scrolling is one save, not one per key.
var settleDelay = 700 * time.Millisecond

// settledMsg says scrolling may have settled; seq tells a stale one apart.
type settledMsg struct{ seq int }

// afterScroll starts the settle timer when the open lesson's scroll
// position moved from before.
func (m *Model) afterScroll(before int) tea.Cmd {
	l, open := m.lesson()
	if !open || l.Offset() == before {
		return nil
	}
	m.scrollSeq++
	seq := m.scrollSeq
	return tea.Tick(settleDelay, func(time.Time) tea.Msg { return settledMsg{seq} })
}

// settled saves the reading position once scrolling has stopped.
func (m *Model) settled(msg settledMsg) tea.Cmd {
	l, open := m.lesson()
	if msg.seq != m.scrollSeq || !open {
		return nil
	}
	m.leaveLesson() // puts the position in the state
	return m.save(m.place(l.ID())...)
}

// place is the changes that record lesson id's reading position as the
// state has it: the position in the source, and the line offset.
func (m Model) place(id string) []progress.Change {
	st := m.opts.State.Lesson(id)
	at := m.opts.Now()
	return []progress.Change{
		progress.Offset{Lesson: id, Offset: st.Offset, At: at},
		progress.Position{Lesson: id, Position: st.Position, At: at},
	}
}
