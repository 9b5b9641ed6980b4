// Package experiment is the experiment panel of an event-source lesson: a
// preset scenario that shows the lesson's point, knobs for the settings the
// lesson teaches, and what the simulator (sandbox/sim) says Lambda and the
// source would do, as a summary and a timeline to scroll. Runs happen in a
// tea.Cmd; the screen never waits for one. The question, the knobs offered
// and the preset are course content (experiments/*.yaml, course.Experiment);
// what each knob does is code, here.
package experiment

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// panelLimit is how many timeline entries a run keeps for the panel: more
// than anyone scrolls, few enough to lay out at once. The metrics always
// count the whole run.
const panelLimit = 2000

// resultMsg carries a finished run back; seq drops superseded ones. The
// lines come laid out for the width the run started at, so a long timeline
// is wrapped off the Update loop.
type resultMsg struct {
	seq     int
	result  *sim.Result
	err     error
	lines   []string // the run as text (sim.Lines)
	width   int
	wrapped []string // lines wrapped to width
}

// Model is the experiment screen.
type Model struct {
	common   common.Common
	exp      *course.Experiment // nil: this source has no experiment
	source   string
	title    string
	question string
	knobs    []knob
	cursor   int
	vp       viewport.Model

	result  *sim.Result
	lines   []string     // sim.Lines of result
	wrapW   int          // the width the viewport's content is wrapped to; -1 when stale
	prev    *sim.Metrics // the run before, to show what a change did
	err     error
	running bool
	stale   bool // knobs changed since the result on screen
	seq     int
	cancel  context.CancelFunc // stops the run in flight, if any
	note    string
	// linked says in full how the last turn changed another knob; it
	// is shown under the selected knob's help until the next key.
	linked string

	common.Asker // its requests of the app (intents)
}

// New opens the experiment e (the course's, for the lesson) of source
// (a source.Source name) titled after the lesson. A nil e
// gets an empty panel that says there is no experiment for source.
func New(c common.Common, e *course.Experiment, source string, title string) Model {
	m := Model{common: c, exp: e, source: source, title: title}
	if e != nil {
		sc := e.Preset()
		m.source = string(sc.Source)
		m.question = e.Question
		m.knobs = pick(knobsFor(m.source, &sc), e.Knobs)
	}
	m.vp = viewport.New()
	// refresh wraps the timeline itself, with a hanging indent; the
	// viewport's SoftWrap would measure every line on every frame.
	m.vp.SoftWrap = false
	m.refresh()
	m.resize()
	return m
}

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) {
	m.common = c
	m.refresh()
	m.resize()
}

// Init does nothing: the learner reads the question, predicts, then runs.
func (m Model) Init() tea.Cmd { return nil }

// Scenario is the experiment as the knobs now set it.
func (m Model) Scenario() sim.Scenario {
	if m.exp == nil {
		return sim.Default(source.Source(m.source))
	}
	sc := m.exp.Preset()
	for _, k := range m.knobs {
		k.opts[k.cur].apply(&sc)
	}
	return sc
}

// runCmd simulates the current scenario off the Update loop.
func (m *Model) runCmd() tea.Cmd {
	if m.exp == nil {
		return nil
	}
	m.seq++
	m.running = true
	m.stop() // a run started before this one is superseded
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	seq, sc, w := m.seq, m.Scenario(), m.common.Width
	return func() tea.Msg {
		defer cancel()
		r, err := sim.Run(ctx, &sc, sim.Options{Limit: panelLimit})
		if err != nil {
			return resultMsg{seq: seq, err: err}
		}
		lines := runLines(r)
		return resultMsg{seq: seq, result: r, lines: lines, width: w, wrapped: wrapAll(lines, w)}
	}
}

// stop cancels the run in flight, so a superseded or abandoned run stops
// using the CPU instead of finishing for nobody.
func (m *Model) stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

// Update handles keys, the mouse wheel and finished runs.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case resultMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.running = false
		m.cancel = nil // the run's own command released it
		m.err = msg.err
		if msg.err == nil {
			if m.result != nil {
				prev := m.result.Metrics
				m.prev = &prev
			}
			m.result = msg.result
			m.lines = msg.lines
			m.wrapW = -1
			if msg.width == m.common.Width {
				m.vp.SetContentLines(msg.wrapped)
				m.wrapW = msg.width
			}
			m.stale = false
		}
		m.refresh()
		m.resize()
		m.vp.GotoTop()
		return m, nil
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
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
	m.linked = ""
	switch {
	case key.Matches(msg, k.Back):
		m.stop()
		m.Ask(common.CloseMsg{})
		return m, nil
	case key.Matches(msg, k.Run):
		m.note = ""
		return m, m.runCmd()
	case key.Matches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
		}
	case key.Matches(msg, k.Down):
		if m.cursor < len(m.knobs)-1 {
			m.cursor++
		}
	case key.Matches(msg, k.Less):
		m.turn(-1)
	case key.Matches(msg, k.More):
		m.turn(1)
	case key.Matches(msg, k.Preset):
		m.reset()
	default:
		return m, nil
	}
	m.resize()
	return m, nil
}

// turn changes the selected knob's value. Turning report_batch_item_failures
// also switches the handler to match, since a handler written for partial
// batch responses is what the setting is for; the handler knob can undo it
// to show the trap (reporting while the setting is off) or a throwing
// handler with the setting on.
func (m *Model) turn(d int) {
	if len(m.knobs) == 0 {
		return
	}
	k := &m.knobs[m.cursor]
	k.step(d)
	m.note = ""
	m.stale = m.result != nil || m.err != nil
	if k.name != "report_batch_item_failures" {
		return
	}
	for i := range m.knobs {
		if h := &m.knobs[i]; h.name == "handler on poison" {
			h.set(map[bool]string{true: reports, false: throws}[k.value() == "on"])
			m.note = "handler on poison: " + h.value()
			m.linked = fmt.Sprintf("Turning report_batch_item_failures %s also set handler on poison to %q, the handler this setting is for. To try another mix, such as the trap (a handler that reports failures while the setting is off), select handler on poison and change it.", k.value(), h.value())
		}
	}
}

// reset puts every knob back at the preset's value; the result on screen
// stays, marked stale if it came from other settings.
func (m *Model) reset() {
	if m.exp == nil {
		return
	}
	sc := m.exp.Preset()
	m.knobs = pick(knobsFor(m.source, &sc), m.exp.Knobs)
	m.cursor = 0
	m.stale = m.result != nil
	m.note = "settings back at the preset"
}

// refresh puts the run's timeline, records and notes in the viewport,
// wrapped to the width unless they already are.
func (m *Model) refresh() {
	if m.result != nil && m.wrapW == m.common.Width {
		return
	}
	m.wrapW = m.common.Width
	switch {
	case m.exp == nil:
		m.vp.SetContent(note("There is no experiment for "+m.source+".", m.common.Width))
	case m.result == nil:
		m.vp.SetContent(note("Not run yet. Predict what happens, then press enter to run the experiment; change a setting with ←/→ and run it again.", m.common.Width))
	default:
		m.vp.SetContentLines(wrapAll(m.lines, m.common.Width))
	}
}

// runLines is the run as sim.Lines prints it, except that the note on a
// cut timeline speaks of this panel rather than of the CLI's --full.
func runLines(r *sim.Result) []string {
	lines := sim.Lines(r)
	if i := 1 + len(r.Timeline); r.Truncated && i < len(lines) {
		lines[i] = fmt.Sprintf("  … the panel keeps the first %d timeline entries; the summary counts the whole run", len(r.Timeline))
	}
	return lines
}

func wrapAll(lines []string, w int) []string {
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		out = append(out, hang(line, w)...)
	}
	return out
}
