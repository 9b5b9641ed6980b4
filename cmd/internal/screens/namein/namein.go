// Package namein is the screen a learner new to a class server (tutor
// serve) sees before the course: it asks the display name their instructor
// will see on the board and in the report, saves it, then hands over to the
// course. It fits any window down to 10x5.
package namein

import (
	"strings"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// maxTyped bounds what the field holds (a paste of a whole file is cut).
const maxTyped = 2 * progress.MaxNameLen

// Model is the name prompt. Once the name is saved, Update returns the
// model Next builds (the course), started and sized: from then on the
// program runs that model, not this one.
type Model struct {
	save  func(name string) error
	next  func() tea.Model
	idle  time.Duration
	typed []rune
	err   string
	busy  bool // saving
	idled bool
	seq   int // key presses, for the idle timer
	size  tea.WindowSizeMsg
	sized bool
}

// New asks for a name; save records it (in the store, before the course
// starts); next builds the course; idle, when positive, quits after that
// long without a key press, as the course does.
func New(save func(name string) error, next func() tea.Model, idle time.Duration) Model {
	return Model{save: save, next: next, idle: idle}
}

type (
	savedMsg struct{ err error }
	idleMsg  struct{ seq int }
)

// Init starts the idle timer.
func (m Model) Init() tea.Cmd { return m.idleCmd() }

func (m Model) idleCmd() tea.Cmd {
	if m.idle <= 0 {
		return nil
	}
	seq := m.seq
	return tea.Tick(m.idle, func(time.Time) tea.Msg { return idleMsg{seq} })
}

// Idled says whether the prompt quit because no key was pressed in time.
func (m Model) Idled() bool { return m.idled }

// Update edits the field; enter saves.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.size, m.sized = msg, true
	case idleMsg:
		if msg.seq == m.seq && !m.busy {
			m.idled = true
			return m, tea.Quit
		}
	case savedMsg:
		m.busy = false
		if msg.err != nil {
			m.err = "Not saved: " + msg.err.Error()
			return m, nil
		}
		next := m.next()
		cmds := []tea.Cmd{next.Init()}
		if m.sized {
			size := m.size
			cmds = append(cmds, func() tea.Msg { return size })
		}
		return next, tea.Batch(cmds...)
	case tea.PasteMsg:
		m.seq++
		m.add(msg.Content)
		return m, m.idleCmd()
	case tea.KeyPressMsg:
		m.seq++
		return m.key(msg)
	}
	return m, nil
}

func (m Model) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "ctrl+c", "ctrl+d", "esc":
		return m, tea.Quit
	case "enter":
		if m.busy {
			return m, nil
		}
		name, err := progress.CleanName(string(m.typed))
		if err != nil {
			m.err = err.Error()
			return m, m.idleCmd()
		}
		m.busy, m.err = true, ""
		save := m.save
		return m, func() tea.Msg { return savedMsg{save(name)} }
	case "backspace", "ctrl+h":
		if len(m.typed) > 0 {
			m.typed = m.typed[:len(m.typed)-1]
		}
	case "ctrl+u":
		m.typed = nil
	default:
		m.add(k.Text)
	}
	m.err = ""
	return m, m.idleCmd()
}

// add appends typed or pasted text, without control characters.
func (m *Model) add(s string) {
	for _, r := range s {
		if unicode.IsPrint(r) && len(m.typed) < maxTyped {
			m.typed = append(m.typed, r)
		}
	}
}

// Typed is the field's text.
func (m Model) Typed() string { return string(m.typed) }

// View draws the prompt: in full from 30x8, else in three lines.
func (m Model) View() tea.View {
	w, h := m.size.Width, m.size.Height
	if !m.sized {
		w, h = 80, 24
	}
	bold := lipgloss.NewStyle().Bold(true)
	var lines []string
	if w >= 30 && h >= 8 {
		lines = append(lines, bold.Render("Welcome to the class."), "")
		lines = append(lines, wrap("Your name, as your instructor will see it (1 to 40 characters):", w)...)
	} else {
		lines = append(lines, bold.Render(ansi.Truncate("Your name:", w, "")))
	}
	fieldY := len(lines)
	field, x := m.field(w)
	lines = append(lines, field)
	switch {
	case m.err != "":
		lines = append(lines, wrap(m.err, w)...)
	case m.busy:
		lines = append(lines, ansi.Truncate("Saving…", w, "…"))
	default:
		lines = append(lines, ansi.Truncate("enter: save · ctrl+c: leave", w, "…"))
	}
	if len(lines) > h {
		lines = lines[:max(h, fieldY+1)]
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	v.WindowTitle = "tutor"
	if fieldY < h {
		v.Cursor = tea.NewCursor(x, fieldY)
	}
	return v
}

// field is "> " and the end of what was typed that fits, and the cursor's
// column.
func (m Model) field(w int) (string, int) {
	room := max(w-3, 1)
	shown := m.typed
	for ansi.StringWidth(string(shown)) > room {
		shown = shown[1:]
	}
	s := "> " + string(shown)
	return ansi.Truncate(s, w, ""), min(ansi.StringWidth(s), w-1)
}

func wrap(s string, w int) []string {
	return strings.Split(lipgloss.NewStyle().Width(w).Render(s), "\n")
}
