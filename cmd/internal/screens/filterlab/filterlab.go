// Package filterlab is the filter lab screen: the learner edits an SNS
// subscription filter policy or a Lambda event-source-mapping filter
// pattern and sees, for each sample message or record of the course's lab
// (filterlabs/<name>.yaml), whether it matches and, if not, the first key that failed and what it
// wanted, as sandbox/filter explains it. Matching takes microseconds, so
// it runs in Update whenever the policy or the scope changes; View only
// draws.
package filterlab

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

// EditedMsg carries the policy back from the learner's editor. The text
// is kept as written, even when it is not valid: the engine's error is
// part of the lesson.
type EditedMsg struct {
	Policy []byte
	Err    error
}

// Model is the filter lab screen.
type Model struct {
	common  common.Common
	title   string
	facts   *facts.Registry // the course's
	source  source.Source   // a source whose events can be filtered
	hint    string
	fact    string // the line drawn from the facts registry
	policy  []byte // as the learner wrote it
	scope   filter.Scope
	samples []Sample
	inputs  []input
	// start and startScope are the lab's own policy and scope: the
	// samples' notes describe them, so they are shown only while the
	// learner's policy is still that one.
	start      []byte
	startScope filter.Scope

	// Evaluation of policy against every sample; results is nil when the
	// policy is invalid and policyErr says why.
	results   []filter.Result
	policyErr string
	warnings  []string

	cursor int
	vp     viewport.Model
	note   string

	common.Asker // its requests of the app (intents)
}

// New opens a filter lab of the course (course.FilterLab), titled after the
// lesson, with the course's facts; false when lab is nil or unusable.
func New(c common.Common, lf *course.FilterLab, reg *facts.Registry, title string) (Model, bool) {
	if lf == nil || len(lf.Samples) == 0 {
		return Model{}, false
	}
	src := lf.Source
	if src.Filter() == source.NoFilter {
		return Model{}, false
	}
	m := Model{common: c, title: title, facts: reg, source: src, hint: lf.Hint, samples: lf.Samples}
	for _, s := range lf.Samples {
		in, err := prepare(src, s)
		if err != nil {
			return Model{}, false
		}
		m.inputs = append(m.inputs, in)
	}
	m.policy = indent(lf.Policy)
	m.start = m.policy
	if policyLab(src) {
		if v, ok := factValue(reg, "filter."+string(src)+".scope.default"); ok {
			m.fact = "An " + src.Short() + " subscription's FilterPolicyScope is " + v + " unless set; tab switches it here."
		}
	} else if src.Filter() == source.RulePattern {
		m.fact = "An " + src.Short() + " rule's event pattern is matched against the whole event, envelope and detail; an event it does not match reaches none of the rule's targets."
	} else if v, ok := factValue(reg, esmKeyFact(src)); ok {
		m.fact = fmt.Sprintf("%s event source mappings filter on the record's %q key; a record no filter matches is dropped before the handler runs.", src.Short(), v)
	}
	m.vp = viewport.New()
	m.vp.SoftWrap = true // long JSON lines wrap instead of being cut
	m.evaluate()
	m.resize()
	m.refresh()
	return m, true
}

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) {
	m.common = c
	m.resize()
	m.refresh()
}

// Init has nothing to start: the first evaluation happened in New.
func (m Model) Init() tea.Cmd { return nil }

// evaluate compiles the policy and matches every sample.
func (m *Model) evaluate() {
	p, err := compile(m.source, m.policy, m.scope)
	if err != nil {
		m.results, m.warnings = nil, nil
		m.policyErr = oneLine(err.Error())
		return
	}
	m.policyErr = ""
	m.warnings = append([]string(nil), p.Warnings()...)
	top := topKeys(m.policy)
	if key, ok := factValue(m.facts, esmKeyFact(m.source)); !policyLab(m.source) && ok {
		for _, k := range top {
			if k != key && k != "$or" {
				m.warnings = append(m.warnings, fmt.Sprintf("AWS documents %s mappings as filtering only on %q; %q is outside it", m.source.Short(), key, k))
			}
		}
	}
	m.results = make([]filter.Result, len(m.inputs))
	for i, in := range m.inputs {
		m.results[i] = match(p, m.source, m.scope, in, top)
	}
}

// Update handles keys and edited policies.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case EditedMsg:
		if msg.Err != nil {
			m.note = msg.Err.Error()
			return m, nil
		}
		m.policy = msg.Policy
		m.evaluate()
		m.note = "policy edited"
		m.refresh()
		m.vp.GotoTop()
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.common.Scroll(&m.vp, msg) {
		return m, nil
	}
	k := m.keys()
	switch {
	case key.Matches(msg, k.Back):
		m.Ask(common.CloseMsg{})
		return m, nil
	case key.Matches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
		}
	case key.Matches(msg, k.Down):
		if m.cursor < len(m.samples)-1 {
			m.cursor++
		}
	case key.Matches(msg, k.Scope):
		m.scope = 1 - m.scope
		m.evaluate()
		m.note = "scope: " + m.scope.String()
	case key.Matches(msg, k.Edit):
		return m, editCmd(string(m.source), m.policy)
	default:
		return m, nil
	}
	m.refresh()
	m.vp.GotoTop()
	return m, nil
}

// indent pretty-prints JSON keeping its key order (the order the engine
// checks keys in); text that is not JSON is returned as it is.
func indent(raw []byte) []byte {
	var b bytes.Buffer
	if json.Indent(&b, raw, "", "  ") != nil {
		return raw
	}
	return b.Bytes()
}

// compact puts a policy on one line for the header.
func compact(raw []byte) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) == nil {
		return b.String()
	}
	return oneLine(string(raw))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
