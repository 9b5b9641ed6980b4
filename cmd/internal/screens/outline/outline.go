// Package outline is the course outline screen: every lesson with its
// status and the learner's overall progress.
package outline

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// Row is one lesson as the outline shows it.
type Row struct {
	ID      string
	Title   string
	Sources []string
	Status  progress.Status
	Summary string // one line from the front matter, shown under the list for the selected lesson
}

// OpenMsg asks the app to open a lesson (an intent: see common.Asker).
type OpenMsg struct{ ID string }

// Model is the outline screen.
type Model struct {
	common common.Common
	rows   []Row
	cursor int
	top    int // first visible row
	sumH   int // summaryHeight, computed when the size or the rows change (not per frame)

	common.Asker // its requests of the app (intents)
}

// New returns an outline of rows with the cursor on the lesson with id
// selected (or the first).
func New(c common.Common, rows []Row, selected string) Model {
	m := Model{common: c, rows: rows}
	m.sumH = m.measureSummaries()
	m.Select(selected)
	return m
}

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) {
	resized := c.Width != m.common.Width || c.Height != m.common.Height
	m.common = c
	if resized {
		m.sumH = m.measureSummaries()
	}
	m.clamp()
}

// SetRows replaces the rows (statuses change as the learner goes).
func (m *Model) SetRows(rows []Row) {
	if !sameSummaries(m.rows, rows) {
		m.rows = rows
		m.sumH = m.measureSummaries()
	}
	m.rows = rows
	m.clamp()
}

// sameSummaries: the rows' summaries are those already measured (status
// changes leave them alone).
func sameSummaries(a, b []Row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Summary != b[i].Summary {
			return false
		}
	}
	return true
}

// Select moves the cursor to the lesson with id.
func (m *Model) Select(id string) {
	for i, r := range m.rows {
		if r.ID == id {
			m.cursor = i
		}
	}
	m.clamp()
}

// Selected is the ID under the cursor.
func (m Model) Selected() string {
	if len(m.rows) == 0 {
		return ""
	}
	return m.rows[m.cursor].ID
}

// Init has nothing to start.
func (m Model) Init() tea.Cmd { return nil }

// Update handles the outline's keys; back (q) closes it, which quits.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	keys := m.common.Keys
	switch {
	case key.Matches(k, keys.Up):
		m.cursor--
	case key.Matches(k, keys.Down):
		m.cursor++
	case key.Matches(k, keys.Top):
		m.cursor = 0
	case key.Matches(k, keys.Bottom):
		m.cursor = len(m.rows) - 1
	case key.Matches(k, keys.Back):
		m.Ask(common.CloseMsg{})
		return m, nil
	case key.Matches(k, keys.Open, keys.Next):
		if id := m.Selected(); id != "" {
			m.Ask(OpenMsg{ID: id})
			return m, nil
		}
	}
	m.clamp()
	return m, nil
}

// listHeight is how many rows fit under the header and above the summary.
func (m Model) listHeight() int { return max(m.common.Height-4-m.summaryHeight(), 1) }

// summaryHeight is the room kept under the list for the selected lesson's
// summary: a blank line and up to three wrapped lines (none when the
// window is too short to spare them). It is measured once per size and
// set of rows: wrapping every summary on each frame was 8% of a class
// server's CPU.
func (m Model) summaryHeight() int { return m.sumH }

// measureSummaries wraps every row's summary to find summaryHeight.
func (m Model) measureSummaries() int {
	if m.common.Height < 8 {
		return 0
	}
	most := 0
	for _, r := range m.rows {
		most = max(most, len(m.wrapSummary(r.Summary)))
	}
	if most == 0 {
		return 0
	}
	return 1 + most
}

// wrapSummary wraps a summary to the width, in at most three lines (one
// or two in a short window, the last ending in … if cut).
func (m Model) wrapSummary(s string) []string {
	if s == "" {
		return nil
	}
	most := 1
	switch {
	case m.common.Height >= 16:
		most = 3
	case m.common.Height >= 12:
		most = 2
	}
	w := max(m.common.Width-4, 10)
	lines := strings.Split(ansi.Wordwrap(s, w, ""), "\n")
	if len(lines) > most {
		lines = lines[:most]
		lines[most-1] = ansi.Truncate(lines[most-1]+" …", w, "…")
	}
	return lines
}

func (m *Model) clamp() {
	m.cursor = max(0, min(m.cursor, len(m.rows)-1))
	h := m.listHeight()
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+h {
		m.top = m.cursor - h + 1
	}
	m.top = max(0, min(m.top, len(m.rows)-h))
}

// View draws the header, the progress bar and the visible rows.
func (m Model) View() string {
	st := m.common.Styles
	done := 0
	for _, r := range m.rows {
		if r.Status == progress.Done {
			done++
		}
	}
	var b strings.Builder
	b.WriteString(st.Title.Render("AWS Lambda triggers and event sources") + "\n")
	b.WriteString(bar(done, len(m.rows), min(30, max(m.common.Width-30, 5)), st.Accent, st.Subtle) +
		st.Subtle.Render(fmt.Sprintf("  %d of %d lessons done", done, len(m.rows))) + "\n\n")
	end := min(m.top+m.listHeight(), len(m.rows))
	for i := m.top; i < end; i++ {
		b.WriteString(m.row(i) + "\n")
	}
	if h := m.summaryHeight(); h > 0 && len(m.rows) > 0 {
		for i := end - m.top; i < m.listHeight(); i++ {
			b.WriteString("\n")
		}
		b.WriteString("\n")
		for _, l := range m.wrapSummary(m.rows[m.cursor].Summary) {
			b.WriteString("  " + ansiTruncate(st.Subtle.Render(l), m.common.Width-2) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func (m Model) row(i int) string {
	st := m.common.Styles
	r := m.rows[i]
	glyph, gs := "○", st.NotStarted
	switch r.Status {
	case progress.Done:
		glyph, gs = "✓", st.Done
	case progress.InProgress:
		glyph, gs = "◐", st.InProgress
	}
	cursor, title := "  ", r.Title
	if i == m.cursor {
		cursor, title = st.Cursor.Render("› "), st.Selected.Render(r.Title)
	}
	line := fmt.Sprintf("%s%s %2d. %s", cursor, gs.Render(glyph), i+1, title)
	if len(r.Sources) > 0 {
		line += st.Subtle.Render("  " + strings.Join(r.Sources, ", "))
	}
	return ansiTruncate(line, m.common.Width)
}

func bar(done, total, width int, on, off lipgloss.Style) string {
	if total == 0 {
		return ""
	}
	filled := done * width / total
	return on.Render(strings.Repeat("█", filled)) + off.Render(strings.Repeat("░", width-filled))
}
