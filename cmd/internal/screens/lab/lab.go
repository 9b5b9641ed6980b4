// Package lab is the lab screen: a real sample handler's source, the sample
// events a lesson offers for it, and what Lambda would show when the
// handler runs on one of them. Runs happen in a tea.Cmd; the UI never waits.
package lab

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/handlers"
)

// Run is one thing the learner can run: a handler on an event.
type Run struct {
	Handler handlers.Handler
	Event   string // the event's name
	Payload []byte
}

// pane is what the lower part of the screen shows.
type pane int

const (
	codePane pane = iota
	eventPane
	resultPane
)

func (p pane) String() string { return [...]string{"code", "event", "result"}[p] }

// Messages of the lab.
type (
	resultMsg struct {
		seq    int
		result *sandbox.Result
	}
	// EditedMsg carries an event back from the learner's editor.
	EditedMsg struct {
		Index   int
		Payload []byte
		Draft   []byte // with Err: the learner's text that was not JSON
		Err     error
	}
)

// Model is the lab screen.
type Model struct {
	common  common.Common
	title   string
	runs    []Run
	cursor  int
	pane    pane
	vp      viewport.Model // the pane's vertical scroll; page draws the lines
	page    render.Page
	shift   int                     // columns the code is scrolled sideways
	results map[int]*sandbox.Result // by run index
	running bool
	seq     int // drops results of superseded runs
	codes   render.Cache
	note    string
	timeout time.Duration
	drafts  map[int]draft // by run index: an edit that was not JSON

	common.Asker // its requests of the app (intents)
}

// draft is the learner's edited event that is not JSON, and why.
type draft struct {
	text []byte
	err  string
}

// New opens a lab over runs, titled after the lesson.
func New(c common.Common, title string, runs []Run) Model {
	m := Model{common: c, title: title, runs: runs, results: map[int]*sandbox.Result{}, codes: render.Cache{}, timeout: sandbox.DefaultTimeout}
	m.vp = viewport.New()
	m.resize()
	m.refresh()
	return m
}

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) {
	m.common = c
	m.resize()
	m.refresh()
}

// Init renders the first handler's code.
func (m Model) Init() tea.Cmd { return m.codeCmd() }

func (m Model) listHeight() int { return min(len(m.runs), 6) }

func (m *Model) resize() {
	m.vp.SetWidth(m.common.Width)
	m.vp.SetHeight(max(m.common.Height-m.listHeight()-4, 1))
}

func (m Model) codeKey() render.Key {
	return render.Key{Lesson: "code:" + m.runs[m.cursor].Handler.Name, Width: min(m.common.Width, 100), Dark: m.common.Styles.Dark}
}

// codeCmd highlights the selected handler's source unless it is cached.
func (m Model) codeCmd() tea.Cmd {
	if len(m.runs) == 0 || m.common.Width == 0 {
		return nil
	}
	k := m.codeKey()
	if _, ok := m.codes[k]; ok {
		return nil
	}
	return render.Cmd(k, "```go\n"+m.runs[m.cursor].Handler.Code+"\n```\n")
}

// runCmd invokes the selected handler in process.
func (m *Model) runCmd() tea.Cmd {
	m.seq++
	m.running = true
	seq, run, timeout := m.seq, m.runs[m.cursor], m.timeout
	return func() tea.Msg {
		res := sandbox.Invoke(context.Background(), run.Handler, run.Payload, sandbox.Options{Timeout: timeout})
		res.Handler = run.Handler.Name
		return resultMsg{seq: seq, result: res}
	}
}

// Update handles the lab's keys and results.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case render.RenderedMsg:
		if msg.Err == nil && strings.HasPrefix(msg.Key.Lesson, "code:") {
			m.codes[msg.Key] = msg.Out
			m.refresh()
		}
		return m, nil
	case resultMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.running = false
		m.results[m.cursor] = msg.result
		m.pane = resultPane
		m.refresh()
		m.vp.GotoTop()
		return m, nil
	case EditedMsg:
		if msg.Err != nil && msg.Draft != nil {
			m.drafts = maps.Clone(m.drafts)
			if m.drafts == nil {
				m.drafts = map[int]draft{}
			}
			m.drafts[msg.Index] = draft{msg.Draft, msg.Err.Error()}
			m.cursor, m.pane, m.note = msg.Index, eventPane, "the edited event is not JSON: see the event pane"
			m.refresh()
			m.vp.GotoTop()
			return m, nil
		}
		if msg.Err != nil {
			m.note = msg.Err.Error()
			return m, nil
		}
		if _, ok := m.drafts[msg.Index]; ok {
			m.drafts = maps.Clone(m.drafts)
			delete(m.drafts, msg.Index)
		}
		m.runs[msg.Index].Payload = msg.Payload
		m.note = "event edited; running it"
		m.cursor = msg.Index
		return m, m.runCmd()
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.common.Scroll(&m.vp, msg) {
		return m, nil
	}
	k := keyMap(m.common)
	switch {
	case key.Matches(msg, k.Left):
		m.shift = max(m.shift-render.SidewaysStep, 0)
		return m, nil
	case key.Matches(msg, k.Right):
		m.shift = min(m.shift+render.SidewaysStep, m.page.MaxShift(m.common.Width))
		return m, nil
	case key.Matches(msg, k.Back):
		m.Ask(common.CloseMsg{})
		return m, nil
	case key.Matches(msg, k.Pane):
		m.pane = (m.pane + 1) % 3
	case key.Matches(msg, k.PanePrev):
		m.pane = (m.pane + 2) % 3
	case key.Matches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
			m.note = ""
		}
	case key.Matches(msg, k.Down):
		if m.cursor < len(m.runs)-1 {
			m.cursor++
			m.note = ""
		}
	case key.Matches(msg, k.Run):
		m.note = ""
		return m, m.runCmd()
	case key.Matches(msg, k.Edit):
		var text []byte
		if d, ok := m.drafts[m.cursor]; ok {
			text = d.text
		}
		return m, editCmd(m.cursor, m.runs[m.cursor], text)
	default:
		return m, nil
	}
	m.refresh()
	m.vp.GotoTop()
	return m, m.codeCmd()
}

// refresh puts the selected pane's text in the viewport. Results and logs
// are long lines, wrapped at word boundaries; code is never wrapped: a line
// that does not fit is clipped with a marker and scrolls sideways.
func (m *Model) refresh() {
	text := m.paneText()
	if m.pane != codePane {
		text = ansi.Wrap(text, max(m.common.Width-1, 1), "")
	}
	m.page = render.NewPage(text)
	m.vp.SetContentLines(m.page.Text())
	m.shift = min(m.shift, m.page.MaxShift(m.common.Width))
}

// paneText is the text of the selected pane.
func (m *Model) paneText() string {
	if len(m.runs) == 0 {
		return "This lesson has no lab."
	}
	run := m.runs[m.cursor]
	switch m.pane {
	case codePane:
		if text, ok := m.codes[m.codeKey()]; ok {
			return text
		}
		return render.Code(run.Handler.Code)
	case eventPane:
		if d, ok := m.drafts[m.cursor]; ok {
			return m.common.Styles.Error.Render(d.err) + "\n\nYour text:\n\n" + string(d.text)
		}
		return prettyJSON(run.Payload)
	case resultPane:
		res := m.results[m.cursor]
		if res == nil {
			return "Not run yet: press enter to run " + run.Handler.Name + " on " + run.Event + "."
		}
		var b bytes.Buffer
		sandbox.WriteHuman(&b, res)
		return strings.ReplaceAll(b.String(), "\t", "  ") // a tab's width is the terminal's guess
	}
	return ""
}

// View draws the runs, the pane tabs and the pane.
func (m Model) View() string {
	st := m.common.Styles
	w := m.common.Width
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Title.Render("Lab: "+m.title), w, "…") + "\n")
	top := max(0, min(m.cursor-m.listHeight()+1, len(m.runs)-m.listHeight()))
	for i := top; i < top+m.listHeight(); i++ {
		r := m.runs[i]
		line := fmt.Sprintf("  %s on %s", r.Handler.Name, r.Event)
		if res := m.results[i]; res != nil {
			if res.Error != nil {
				line += st.Wrong.Render("  error: " + res.Error.ErrorType)
			} else {
				line += st.Right.Render("  ok")
			}
		}
		if i == m.cursor {
			line = st.Cursor.Render("›") + st.Selected.Render(line[1:])
		}
		b.WriteString(ansi.Truncate(line, w, "…") + "\n")
	}
	if len(m.runs) > 0 {
		b.WriteString(ansi.Truncate(st.Subtle.Render(m.runs[m.cursor].Handler.Description), w, "…") + "\n")
	}
	var tabs []string
	for p := codePane; p <= resultPane; p++ {
		if p == m.pane {
			tabs = append(tabs, st.Accent.Render("["+p.String()+"]"))
		} else {
			tabs = append(tabs, st.Subtle.Render(" "+p.String()+" "))
		}
	}
	status := ""
	if m.running {
		status = st.InProgress.Render("  running…")
	} else if m.note != "" {
		status = st.InProgress.Render("  " + m.note)
	} else if m.page.Clipped(m.vp.YOffset(), m.vp.Height(), w, m.shift) {
		k := keyMap(m.common)
		status = st.Subtle.Render("  code is cut off: " + k.Left.Help().Key + "/" + k.Right.Help().Key + " scrolls it")
	}
	b.WriteString(ansi.Truncate(strings.Join(tabs, " ")+status, w, "…") + "\n")
	mk := render.Markers{Left: st.Accent.Render(render.DefaultMarkers.Left), Right: st.Accent.Render(render.DefaultMarkers.Right)}
	b.WriteString(m.page.View(m.vp.YOffset(), m.vp.Height(), w, m.shift, mk))
	return b.String()
}
