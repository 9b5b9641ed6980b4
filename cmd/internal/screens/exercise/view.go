package exercise

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/sandbox/exercises"
)

// refresh puts the screen's text, wrapped to the width, in the viewport.
func (m *Model) refresh() {
	w := max(m.common.Width-1, 1)
	var lines []string
	for _, l := range strings.Split(m.body(), "\n") {
		if p := m.HandlerPath(); p != "" && strings.Contains(l, p) {
			l = ansi.Hardwrap(l, w, true) // a path breaks only where it must
		} else {
			l = ansi.Wrap(l, w, "")
		}
		lines = append(lines, strings.Split(l, "\n")...)
	}
	m.vp.SetContentLines(lines)
}

// body is everything below the status line: statement, file, criteria,
// hints and the solution.
func (m Model) body() string {
	st := m.common.Styles
	var b strings.Builder
	b.WriteString(reflow(m.ex.Statement) + "\n\n")
	b.WriteString(st.Subtle.Render("Signature: ") + m.ex.Signature + "\n")
	b.WriteString(m.where() + "\n\n")
	b.WriteString(st.Title.Render("Checks") + "\n")
	b.WriteString(m.criteria())
	s := m.status()
	if s.Hints > 0 {
		b.WriteString("\n" + st.Title.Render(fmt.Sprintf("Hints (%d of %d)", min(s.Hints, len(m.ex.Hints)), len(m.ex.Hints))) + "\n")
		for i := 0; i < s.Hints && i < len(m.ex.Hints); i++ {
			b.WriteString(fmt.Sprintf("%d. %s\n", i+1, reflow(m.ex.Hints[i])))
		}
	}
	if m.solution {
		b.WriteString("\n" + st.Title.Render("Solution") + "\n")
		b.WriteString(strings.ReplaceAll(strings.TrimRight(string(m.ex.Solution), "\n"), "\t", "    ") + "\n\n")
		b.WriteString(st.Title.Render("Why it works") + "\n" + reflow(m.ex.Why) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// where says where the learner's file is, or what to do to have one.
func (m Model) where() string {
	st := m.common.Styles
	switch {
	case m.goErr != nil:
		return st.Error.Render(m.goErr.Error())
	case m.deps.Store == nil:
		return "Your file: run `tutor exercise init` in a shell to create the workspace, then `tutor check " + m.ex.ID + "`."
	case m.loadErr != nil:
		return st.Error.Render(m.loadErr.Error())
	case m.st == nil:
		return "Your file: looking for your workspace…"
	case m.wsErr != nil:
		return st.Error.Render(m.wsErr.Error()) + "\nThen press c here."
	}
	return "Your file (edit it in your editor, or press e; every save is checked):\n  " + m.HandlerPath()
}

// criteria lists each criterion with its status as of the last check.
func (m Model) criteria() string {
	st := m.common.Styles
	var b strings.Builder
	if m.rep != nil && !m.rep.Build.OK {
		b.WriteString(st.Wrong.Render("✗ build failed:") + "\n" + indent(m.rep.Build.Output) + "\n")
	}
	byID := map[string]exercises.CritResult{}
	if m.rep != nil && m.rep.Build.OK {
		for _, c := range m.rep.Criteria {
			byID[c.ID] = c
		}
	}
	for _, c := range m.ex.Criteria {
		r, ok := byID[c.ID]
		switch {
		case !ok:
			b.WriteString(st.Subtle.Render("· "+c.Title) + "\n")
		case r.Passed:
			b.WriteString(st.Right.Render("✓") + " " + c.Title + "\n")
		default:
			b.WriteString(st.Wrong.Render("✗") + " " + c.Title + "\n" + indent(r.Detail) + "\n")
		}
	}
	return b.String()
}

// reflow joins the lines of each paragraph of prose (as YAML keeps them)
// so that the screen wraps it at its own width; a paragraph with an
// indented or list line is kept as it is.
func reflow(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		lines := strings.Split(p, "\n")
		prose := true
		for _, l := range lines {
			prose = prose && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, "- ") && !strings.HasPrefix(l, "* ")
		}
		if prose {
			paras[i] = strings.Join(lines, " ")
		}
	}
	return strings.Join(paras, "\n\n")
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + strings.ReplaceAll(l, "\t", "    ")
	}
	return strings.Join(lines, "\n")
}

// statusLine is the verdict of the last check, or what is going on.
func (m Model) statusLine() string {
	st := m.common.Styles
	var s string
	switch {
	case m.goErr != nil:
		s = st.Error.Render("exercises need Go " + exercises.GoVersion + "+: https://go.dev/dl/")
	case m.checking:
		s = st.InProgress.Render("checking…")
	case m.checkErr != nil:
		s = st.Error.Render(m.checkErr.Error())
	case m.rep == nil:
		s = st.Subtle.Render("not checked yet")
	case !m.rep.Build.OK:
		s = st.Wrong.Render("✗ build failed")
	case m.rep.Passed:
		s = st.Right.Render(fmt.Sprintf("✓ All %d checks passed (%.1fs)", len(m.rep.Criteria), m.rep.Duration.Seconds()))
	default:
		n := 0
		for _, c := range m.rep.Criteria {
			if c.Passed {
				n++
			}
		}
		s = st.Wrong.Render(fmt.Sprintf("✗ %d of %d checks passed", n, len(m.rep.Criteria)))
	}
	if m.status().Passed && (m.rep == nil || !m.rep.Passed) {
		s += st.Subtle.Render(" · passed before")
	}
	if m.note != "" {
		s += st.InProgress.Render(" · " + m.note)
	}
	return s
}

// View draws the title, the status line and the scrolled body.
func (m Model) View() string {
	w := m.common.Width
	title := m.common.Styles.Title.Render("Exercise: " + m.ex.Title)
	lines := []string{ansi.Truncate(title, w, "…"), ansi.Truncate(m.statusLine(), w, "…")}
	body := strings.Split(m.vp.View(), "\n")
	for _, l := range body {
		lines = append(lines, ansi.Truncate(l, w, "…"))
	}
	if len(lines) > m.common.Height {
		lines = lines[:max(m.common.Height, 1)]
	}
	return strings.Join(lines, "\n")
}
