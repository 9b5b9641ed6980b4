package board

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// Every is how often the board re-reads the store.
const Every = 500 * time.Millisecond

// Source reads the board once (Read on a store, or a fake in tests).
type Source func(ctx context.Context, now time.Time) (Data, error)

// readMsg is the result of one read.
type readMsg struct {
	data Data
	err  error
}

// tickMsg says it is time to read again.
type tickMsg struct{}

// Model is the board screen.
type Model struct {
	common.Asker
	c       common.Common
	src     Source
	data    Data
	loaded  bool  // data holds a good read
	err     error // the latest read's error, shown on the status line
	cursor  int   // the selected row
	offset  int   // the first row shown
	keys    keyMap
	readNow func() time.Time
}

// New returns a board reading from src.
func New(c common.Common, src Source) Model {
	m := Model{src: src, readNow: time.Now}
	m.SetCommon(c)
	return m
}

// Init reads the store for the first time.
func (m Model) Init() tea.Cmd { return m.read() }

// read is the command that reads the store (off the Update goroutine).
func (m Model) read() tea.Cmd {
	src, now := m.src, m.readNow
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		d, err := src(ctx, now())
		return readMsg{d, err}
	}
}

func tick() tea.Cmd { return tea.Tick(Every, func(time.Time) tea.Msg { return tickMsg{} }) }

// Update handles a read, the timer and keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case readMsg:
		m.err = msg.err
		if msg.err == nil {
			var sel string
			if m.cursor < len(m.data.Rows) {
				sel = m.data.Rows[m.cursor].ID
			}
			m.data, m.loaded = msg.data, true
			m.cursor = 0
			for i, r := range m.data.Rows {
				if r.ID == sel {
					m.cursor = i
				}
			}
			m.clamp()
		}
		return m, tick()
	case tickMsg:
		return m, m.read()
	case tea.KeyPressMsg:
		k := m.c.Keys
		switch {
		case key.Matches(msg, m.keys.Quit):
			m.Ask(common.CloseMsg{})
		case key.Matches(msg, k.Up):
			m.cursor--
		case key.Matches(msg, k.Down):
			m.cursor++
		case key.Matches(msg, k.PageUp):
			m.cursor -= m.rowsShown()
		case key.Matches(msg, k.PageDown):
			m.cursor += m.rowsShown()
		case key.Matches(msg, k.Top):
			m.cursor = 0
		case key.Matches(msg, k.Bottom):
			m.cursor = len(m.data.Rows) - 1
		}
		m.clamp()
	}
	return m, nil
}

// clamp keeps the cursor on a row and in view.
func (m *Model) clamp() {
	n := len(m.data.Rows)
	m.cursor = max(0, min(m.cursor, n-1))
	h := m.rowsShown()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(0, min(m.offset, n-h))
}

// SetCommon resizes or restyles the board.
func (m *Model) SetCommon(c common.Common) {
	m.c = c
	m.keys = newKeys(c)
	m.clamp()
}

// Data is the latest good read.
func (m Model) Data() Data { return m.data }

// Err is the latest read's error, or nil.
func (m Model) Err() error { return m.err }

type keyMap struct {
	Quit key.Binding
	c    common.Common
}

func newKeys(c common.Common) keyMap {
	return keyMap{Quit: key.NewBinding(key.WithKeys("q", "esc", "ctrl+c"), key.WithHelp("q", "quit")), c: c}
}

// ShortHelp is the help line.
func (m Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{common.Joined("↑/↓", "learner", k.Up, k.Down), common.Renamed(k.PageDown, "page"), m.keys.Quit}
}

// FullHelp is every key.
func (m Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {m.keys.Quit}}
}
