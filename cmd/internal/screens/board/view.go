package board

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/classreport"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

const learnerWidth = 14

// chrome is the lines around the rows: title, header, detail, status.
const chrome = 4

// rowsShown is how many learner rows fit.
func (m Model) rowsShown() int { return max(1, m.c.Height-chrome) }

// Cell is a lesson's one-cell status.
func Cell(s progress.Status) string {
	switch s {
	case progress.Done:
		return "✓"
	case progress.InProgress:
		return "~"
	}
	return "."
}

// View draws the board in the screen's size.
func (m Model) View() string {
	st := m.c.Styles
	w := max(1, m.c.Width)
	stuck := 0
	for _, r := range m.data.Rows {
		if len(r.Stuck) > 0 {
			stuck++
		}
	}
	title := "Class board"
	if m.loaded {
		title += fmt.Sprintf(" · %s · %d stuck · read %s", plural(len(m.data.Rows), "learner"), stuck, m.data.At.Local().Format("15:04:05"))
	}
	lines := []string{st.Title.Render(fit(title, w))}
	var head strings.Builder
	head.WriteString("  " + pad("learner", learnerWidth) + " acc  ")
	for i := range m.data.Lessons {
		head.WriteString(fmt.Sprint((i + 1) % 10))
	}
	head.WriteString(" current lesson / why stuck")
	lines = append(lines, st.Subtle.Render(fit(head.String(), w)))
	n := m.rowsShown()
	switch {
	case !m.loaded && m.err == nil:
		lines = append(lines, "reading the class…")
	case len(m.data.Rows) == 0 && m.loaded:
		lines = append(lines, fit("no learners yet: the board fills in as they start", w))
	}
	for i := m.offset; i < len(m.data.Rows) && i < m.offset+n; i++ {
		lines = append(lines, m.row(i, w))
	}
	for len(lines) < 2+n {
		lines = append(lines, "")
	}
	lines = append(lines, m.detail(w), m.status(w))
	if h := max(1, m.c.Height); len(lines) > h {
		// A short window: keep the title, the rows and the status line.
		lines = append(lines[:h-1], lines[len(lines)-1])
	}
	return strings.Join(lines, "\n")
}

func (m Model) row(i, w int) string {
	st := m.c.Styles
	r := m.data.Rows[i]
	mark := " "
	if len(r.Stuck) > 0 {
		mark = st.Wrong.Render("!")
	}
	if i == m.cursor {
		mark += st.Cursor.Render("▸")
	} else {
		mark += " "
	}
	var cells strings.Builder
	for _, s := range r.Status {
		c := Cell(s)
		switch s {
		case progress.Done:
			c = st.Done.Render(c)
		case progress.InProgress:
			c = st.InProgress.Render(c)
		default:
			c = st.NotStarted.Render(c)
		}
		cells.WriteString(c)
	}
	tail := r.Current
	if tail == "" {
		tail = "-"
	}
	if len(r.Stuck) > 0 {
		tail += " · " + st.Wrong.Render(strings.Join(r.Stuck, "; "))
	}
	name := pad(fit(learnerName(r), learnerWidth), learnerWidth)
	if i == m.cursor {
		name = st.Selected.Render(name)
	}
	return ansi.Truncate(mark+name+" "+accuracy(r)+" "+cells.String()+" "+tail, w, "…")
}

// detail is the selected learner in full: ID, reasons, last seen.
func (m Model) detail(w int) string {
	if len(m.data.Rows) == 0 {
		return ""
	}
	r := m.data.Rows[m.cursor]
	s := "▸ " + r.ID
	if r.Name != "" {
		s += " (" + r.Name + ")"
	}
	s += fmt.Sprintf(": %d answered", r.Answered)
	if !r.LastSeen.IsZero() {
		s += ", last seen " + classreport.Short(m.data.At.Sub(r.LastSeen)) + " ago"
	}
	if len(r.Stuck) > 0 {
		// The reasons first: in a narrow window they are what matters.
		s = "▸ " + fit(learnerName(r), learnerWidth) + " stuck: " + strings.Join(r.Stuck, "; ") + " · " + r.ID
		return m.c.Styles.Wrong.Render(fit(s, w))
	}
	return fit(s, w)
}

// status is the read error, or the legend.
func (m Model) status(w int) string {
	if m.err != nil {
		s := "read failed: " + m.err.Error()
		if m.loaded {
			s += " (showing " + m.data.At.Local().Format("15:04:05") + ")"
		}
		return m.c.Styles.Error.Render(fit(s, w))
	}
	s := ". not started  ~ in progress  ✓ done  ! stuck"
	if n := len(m.data.Lessons); n > 0 {
		s += fmt.Sprintf(" · columns: lessons 1-%d as 'tutor lessons' numbers them", n)
	}
	return m.c.Styles.Subtle.Render(fit(s, w))
}

func learnerName(r Row) string {
	if r.Name != "" {
		return r.Name
	}
	return r.ID
}

func accuracy(r Row) string {
	if r.Accuracy == nil {
		return "   -"
	}
	return fmt.Sprintf("%3.0f%%", *r.Accuracy*100)
}

// fit cuts s to w cells, with an ellipsis when cut.
func fit(s string, w int) string { return ansi.Truncate(s, w, "…") }

func pad(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// plural is "1 learner", "2 learners".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
