package filterlab

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/sandbox/filter"
)

const (
	maxRows        = 8  // sample rows shown at once
	maxPolicyLines = 3  // header lines for the policy
	maxNameWidth   = 30 // names are padded to align the reasons
)

// policyLines is the policy as the header shows it, wrapped to the width.
func (m Model) policyLines() []string {
	w := m.common.Width
	if w < 1 {
		return nil
	}
	lines := strings.Split(ansi.Wrap("policy: "+compact(m.policy), w, ","), "\n") // break after commas, between values
	limit := maxPolicyLines
	if m.common.Height < 16 {
		limit = 1 // small windows keep room for the samples
	}
	if len(lines) > limit {
		lines = lines[:limit]
		lines[limit-1] = ansi.Truncate(lines[limit-1]+" …", w, "…")
	}
	return lines
}

// layout splits the height: title, fact and status lines, the policy, the
// sample rows and the detail viewport.
func (m Model) layout() (rows, detail int) {
	fixed := 3 + len(m.policyLines())
	rows = min(len(m.samples), maxRows, max(m.common.Height-fixed-4, 1))
	return rows, max(m.common.Height-fixed-rows, 1)
}

func (m *Model) resize() {
	_, detail := m.layout()
	m.vp.SetWidth(max(m.common.Width, 1))
	m.vp.SetHeight(detail)
}

// refresh puts the selected sample's verdict and JSON in the viewport.
func (m *Model) refresh() {
	m.resize()
	st := m.common.Styles
	s, in := m.samples[m.cursor], m.inputs[m.cursor]
	var b strings.Builder
	b.WriteString(st.Selected.Render(s.Name) + "\n")
	switch {
	case m.policyErr != "":
		b.WriteString(st.Error.Render("The policy is invalid, so nothing is matched: "+m.policyErr) + "\n")
	case m.results[m.cursor].Match:
		b.WriteString(st.Right.Render("✓ "+m.verdict(true)) + "\n")
	default:
		b.WriteString(st.Wrong.Render("✗ "+m.verdict(false)+": "+m.results[m.cursor].Reason) + "\n")
	}
	switch {
	case s.Note != "" && m.unchanged():
		b.WriteString(st.Subtle.Render(s.Note) + "\n")
	case s.Note != "":
		b.WriteString(st.Subtle.Render("(The sample's note is about the lab's own policy, so it is hidden while yours differs.)") + "\n")
	}
	for _, w := range m.warnings {
		b.WriteString(st.InProgress.Render("Note: "+w) + "\n")
	}
	if m.hint != "" {
		b.WriteString(st.Subtle.Render("Hint: "+m.hint) + "\n")
	}
	if policyLab(m.source) {
		mark := func(sc filter.Scope) string {
			if sc == m.scope {
				return "  ← the policy reads this"
			}
			return ""
		}
		attrs := "\n" + st.Accent.Render("MessageAttributes"+mark(filter.ScopeAttributes)) + "\n" + string(indent(in.attrs)) + "\n"
		body := "\n" + st.Accent.Render("Message"+mark(filter.ScopeBody)) + "\n" + string(indent(in.body)) + "\n"
		if m.scope == filter.ScopeBody {
			attrs, body = body, attrs // what the policy reads comes first
		}
		b.WriteString(attrs + body)
		m.vp.SetContent(b.String())
		return
	}
	if d, ok := decoders[m.source]; ok {
		k, how := d.key, d.how
		if in.notJSON || !json.Valid([]byte(in.decoded)) {
			b.WriteString("\n" + st.Accent.Render(fmt.Sprintf("The filter sees %s as plain text (%s, not JSON)", k, how)) + "\n")
			b.WriteString(in.decoded + "\n")
		} else {
			b.WriteString("\n" + st.Accent.Render(fmt.Sprintf("The filter sees %s as JSON (%s)", k, how)) + "\n")
			b.WriteString(string(indent([]byte(in.decoded))) + "\n")
		}
	}
	b.WriteString("\n" + st.Accent.Render(patternTexts[m.source.Filter()].item) + "\n")
	b.WriteString(string(indent(s.Record)) + "\n")
	m.vp.SetContent(b.String())
}

// verdict names what a match means for the source.
func (m Model) verdict(matched bool) string {
	switch {
	case policyLab(m.source) && matched:
		return "matches: " + m.source.Short() + " delivers it to this subscription"
	case policyLab(m.source):
		return "filtered out"
	case matched:
		return patternTexts[m.source.Filter()].match
	}
	return patternTexts[m.source.Filter()].miss
}

// View draws the header, the samples with their verdicts and the detail.
func (m Model) View() string {
	w, h := m.common.Width, m.common.Height
	if w < 1 || h < 1 {
		return ""
	}
	st := m.common.Styles
	var lines []string
	add := func(s string) { lines = append(lines, ansi.Truncate(s, w, "…")) }

	title := "Filter lab: " + m.title
	if policyLab(m.source) {
		title += " · " + m.source.Short() + " filter policy · scope " + m.scope.String()
	} else {
		title += " · " + m.source.Short() + " " + patternTexts[m.source.Filter()].kind
	}
	add(st.Title.Render(title))
	add(st.Subtle.Render(m.fact))
	for _, l := range m.policyLines() {
		add(st.Code.Render(l))
	}
	add(m.status())

	rows, _ := m.layout()
	top := max(0, min(m.cursor-rows+1, len(m.samples)-rows))
	width := 0
	for _, s := range m.samples {
		width = max(width, min(ansi.StringWidth(s.Name), maxNameWidth))
	}
	for i := top; i < top+rows; i++ {
		name := ansi.Truncate(m.samples[i].Name, maxNameWidth, "…")
		name += strings.Repeat(" ", max(width-ansi.StringWidth(name), 0))
		mark, reason := "·", ""
		if m.results != nil {
			mark = st.Right.Render("✓")
			if r := m.results[i]; !r.Match {
				mark, reason = st.Wrong.Render("✗"), st.Subtle.Render("  "+r.Reason)
			}
		}
		cur := "  "
		if i == m.cursor {
			cur, name = st.Cursor.Render("›")+" ", st.Selected.Render(name)
		}
		add(cur + mark + " " + name + reason)
	}
	out := strings.Join(lines, "\n") + "\n" + m.vp.View()
	if all := strings.Split(out, "\n"); len(all) > h {
		out = strings.Join(all[:h], "\n")
	}
	return out
}

// status counts the verdicts, or shows why the policy is invalid.
func (m Model) status() string {
	st := m.common.Styles
	if m.policyErr != "" {
		return st.Error.Render("✗ " + m.policyErr)
	}
	pass := 0
	for _, r := range m.results {
		if r.Match {
			pass++
		}
	}
	yes, no := patternTexts[m.source.Filter()].yes, patternTexts[m.source.Filter()].no
	if policyLab(m.source) {
		yes, no = "delivered", "filtered out"
	}
	s := st.Right.Render(fmt.Sprintf("✓ %d %s", pass, yes)) + "  " + st.Wrong.Render(fmt.Sprintf("✗ %d %s", len(m.results)-pass, no))
	if m.note != "" {
		s += st.InProgress.Render("  " + m.note)
	}
	return s
}

// unchanged says whether the policy and scope are still the lab's own.
func (m Model) unchanged() bool {
	var a, b bytes.Buffer
	if json.Compact(&a, m.policy) != nil || json.Compact(&b, m.start) != nil {
		return bytes.Equal(m.policy, m.start) && m.scope == m.startScope
	}
	return bytes.Equal(a.Bytes(), b.Bytes()) && m.scope == m.startScope
}
