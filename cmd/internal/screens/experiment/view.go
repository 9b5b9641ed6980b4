package experiment

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// minTimeline is the fewest timeline rows worth keeping before the
// question, the knob help and then knob rows give way.
const minTimeline = 4

// layout is how the screen's height is shared out.
type layout struct {
	question []string
	cols     int      // knob columns
	knobRows int      // knob rows shown (a window when fewer than needed)
	help     []string // what the selected knob does
	summary  []string
	timeline int // viewport height
}

func (m Model) layout() layout {
	w, h := m.common.Width, m.common.Height
	l := layout{cols: 1, summary: m.summary(w)}
	if len(m.knobs) > 4 {
		if _, _, fits := m.knobColumns(2); fits {
			l.cols = 2
		}
	}
	l.knobRows = (len(m.knobs) + l.cols - 1) / l.cols
	if w > 0 {
		l.question = strings.Split(ansi.Wrap(m.question, w, ""), "\n")
		// As many lines as the longest help needs, so that moving between
		// knobs does not move the timeline.
		n := 0
		for i, k := range m.knobs {
			text := k.name + ": " + k.help
			if i == m.cursor && m.linked != "" {
				text += " " + m.linked
			}
			lines := strings.Split(ansi.Wrap(text, w, ""), "\n")
			n = max(n, len(lines))
			if i == m.cursor {
				l.help = lines
			}
		}
		for len(l.help) < n {
			l.help = append(l.help, "")
		}
	}
	used := func() int { return 1 + len(l.question) + l.knobRows + len(l.help) + len(l.summary) }
	if h-used() < minTimeline {
		l.question = nil
	}
	for h-used() < minTimeline && len(l.help) > 0 {
		l.help = l.help[:len(l.help)-1]
	}
	for h-used() < minTimeline && l.knobRows > 1 {
		l.knobRows--
	}
	for h-used() < minTimeline && len(l.summary) > 1 {
		l.summary = l.summary[:len(l.summary)-1]
	}
	l.timeline = max(h-used(), 0)
	return l
}

func (m *Model) resize() {
	m.vp.SetWidth(max(m.common.Width, 0))
	m.vp.SetHeight(m.layout().timeline)
}

// View draws the title, the question, the knobs, the summary and the
// timeline, never more than the screen's size.
func (m Model) View() string {
	w, h := m.common.Width, m.common.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	st := m.common.Styles
	l := m.layout()
	var status []string
	switch {
	case m.running:
		status = append(status, "running…")
	case m.stale:
		status = append(status, "settings changed: enter to run")
	}
	if m.note != "" {
		status = append(status, m.note)
	}
	title := st.Title.Render("Experiment: " + m.title)
	if len(status) > 0 {
		title += st.InProgress.Render("  " + strings.Join(status, " · "))
	}
	out := []string{title}
	for _, q := range l.question {
		out = append(out, st.Subtle.Render(q))
	}
	out = append(out, m.knobLines(l)...)
	for _, line := range l.help {
		out = append(out, st.Subtle.Render(line))
	}
	out = append(out, l.summary...)
	if l.timeline > 0 {
		out = append(out, strings.Split(m.vp.View(), "\n")...)
	}
	if len(out) > h {
		out = out[:h]
	}
	for i := range out {
		out[i] = ansi.Truncate(out[i], w, "…")
	}
	return strings.Join(out, "\n")
}

// knobLines lays the knobs out in columns, top to bottom then left to
// right, showing the window of rows that holds the cursor.
func (m Model) knobLines(l layout) []string {
	st := m.common.Styles
	need := (len(m.knobs) + l.cols - 1) / l.cols
	if need == 0 || l.knobRows == 0 {
		return nil
	}
	nameW, colW, _ := m.knobColumns(l.cols)
	top := min(max(m.cursor%need-l.knobRows+1, 0), need-l.knobRows)
	var out []string
	for r := top; r < top+l.knobRows; r++ {
		var row strings.Builder
		for c := 0; c < l.cols; c++ {
			i := c*need + r
			if i >= len(m.knobs) {
				break
			}
			k := m.knobs[i]
			cell := fmt.Sprintf("  %-*s  %s", nameW[c], k.name, st.Accent.Render(k.value()))
			if i == m.cursor {
				cell = st.Cursor.Render("›") + st.Selected.Render(fmt.Sprintf(" %-*s ", nameW[c], k.name)) +
					st.Accent.Render("‹"+k.value()+"›")
			}
			cell = ansi.Truncate(cell, max(colW[c]-1, 0), "…")
			row.WriteString(cell + strings.Repeat(" ", max(colW[c]-ansi.StringWidth(cell), 0)))
		}
		out = append(out, strings.TrimRight(row.String(), " "))
	}
	return out
}

// knobColumns is the widest knob name and the width of each of cols
// columns, and whether they fit the screen with every value of every knob
// shown whole.
func (m Model) knobColumns(cols int) (nameW, colW []int, fits bool) {
	need := (len(m.knobs) + cols - 1) / cols
	nameW, colW = make([]int, cols), make([]int, cols)
	valW := make([]int, cols)
	for i, k := range m.knobs {
		c := i / need
		nameW[c] = max(nameW[c], len(k.name))
		for _, o := range k.opts {
			valW[c] = max(valW[c], ansi.StringWidth(o.label))
		}
	}
	total := 0
	for c := range colW {
		colW[c] = 2 + nameW[c] + 3 + valW[c] + 3 // "› name ‹value›" and a gap of 3
		total += colW[c]
	}
	return nameW, colW, total-3 <= m.common.Width
}

// summary is the run's metrics, each with its value in the run before when
// that differs, wrapped to width; or why the run could not start.
func (m Model) summary(w int) []string {
	st := m.common.Styles
	if w <= 0 {
		return nil
	}
	if m.err != nil {
		return strings.Split(st.Error.Render(ansi.Wrap("Cannot run: "+m.err.Error(), w, "")), "\n")
	}
	r := m.result
	if r == nil {
		return nil
	}
	cur := r.Metrics
	prev := m.prev
	cell := func(name string, get func(sim.Metrics) int) string {
		s := fmt.Sprintf("%s %d", name, get(cur))
		if prev != nil && get(*prev) != get(cur) {
			s += st.Subtle.Render(fmt.Sprintf(" (was %d)", get(*prev)))
		}
		return s
	}
	cells := []string{
		st.Accent.Render("Result:"),
		cell("invocations", func(x sim.Metrics) int { return x.Invocations }),
		cell("errors", func(x sim.Metrics) int { return x.FunctionErrors }),
		cell("retries", func(x sim.Metrics) int { return x.Retries }),
		cell("throttles", func(x sim.Metrics) int { return x.Throttles }),
		cell("succeeded", func(x sim.Metrics) int { return x.Succeeded }),
		cell("to DLQ", func(x sim.Metrics) int { return x.ToDLQ }),
		cell("to on-failure", func(x sim.Metrics) int { return x.ToOnFailure }),
		cell("dropped", func(x sim.Metrics) int { return x.Dropped }),
		cell("filtered", func(x sim.Metrics) int { return x.FilteredOut }),
		"simulated " + sim.Duration(time.Duration(cur.SimulatedMs)*time.Millisecond).String(),
	}
	if r.Source.Filter() == source.RulePattern { // EventBridge's delivery to the function
		cells = append(cells[:len(cells)-1],
			cell("delivery failures", func(x sim.Metrics) int { return x.DeliveryFailures }),
			cell("delivery retries", func(x sim.Metrics) int { return x.DeliveryRetries }),
			cell("to target DLQ", func(x sim.Metrics) int { return x.ToTargetDLQ }),
			cells[len(cells)-1])
	}
	out := flow(cells, w)
	cells = nil
	for _, s := range r.Subscriptions {
		cells = append(cells, fmt.Sprintf("%s: %d invoked, %d filtered out", s.Name, s.Invocations, s.FilteredOut))
	}
	if r.Source.Invocation() == source.Sync { // a status per request
		for _, rec := range r.Records {
			cells = append(cells, fmt.Sprintf("%s → HTTP %d", rec.ID, rec.Status))
		}
	}
	return append(out, flow(cells, w)...)
}

// flow packs cells into lines of at most w columns, two spaces apart.
func flow(cells []string, w int) []string {
	var out []string
	line := ""
	for _, c := range cells {
		switch {
		case line == "":
			line = c
		case ansi.StringWidth(line)+2+ansi.StringWidth(c) <= w:
			line += "  " + c
		default:
			out = append(out, line)
			line = c
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// timelineIndent is where a timeline entry's text starts in sim.Lines
// ("%10s  %-10s "), so wrapped details line up under it.
const timelineIndent = 23

// hang word-wraps one plain line of sim.Lines to w columns, indenting the
// continuation lines under the entry's text (or under its own indent plus
// two, for summary and note lines). sim.Lines has no ANSI codes.
func hang(line string, w int) []string {
	rs := []rune(line)
	if w <= 0 || len(rs) <= w {
		return []string{line}
	}
	indent := len(rs) - len([]rune(strings.TrimLeft(line, " "))) + 2
	if len(rs) > timelineIndent && strings.HasPrefix(strings.TrimLeft(line, " "), "+") {
		indent = timelineIndent
	}
	if indent > w/2 {
		indent = 0
	}
	var out []string
	for len(rs) > w {
		cut := w
		for i := w; i > indent; i-- {
			if rs[i] == ' ' {
				cut = i
				break
			}
		}
		out = append(out, strings.TrimRight(string(rs[:cut]), " "))
		rest := []rune(strings.TrimLeft(string(rs[cut:]), " "))
		rs = append([]rune(strings.Repeat(" ", indent)), rest...)
	}
	return append(out, string(rs))
}

// note is a sentence for the viewport, word-wrapped to w (the viewport
// itself cuts long lines: it does not wrap).
func note(s string, w int) string { return ansi.Wrap(s, max(w, 1), "") }
