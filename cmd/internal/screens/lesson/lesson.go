// Package lesson is the lesson reader: the rendered markdown in a scrolling
// viewport, with the lesson's place in the course above and the scroll
// position below. It never renders markdown itself; the app hands it the
// rendered text.
package lesson

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/lessons"
)

// Messages the reader sends to the app.
type (
	// NavigateMsg asks for the next (+1) or previous (-1) lesson.
	NavigateMsg struct{ Delta int }
	// BackMsg asks to return to the outline.
	BackMsg struct{}
	// ReadMsg says the learner reached the end of the lesson.
	ReadMsg struct{ ID string }
	// ActionMsg asks for one of the lesson's activities by its Name
	// ("quiz", "lab", "experiment", "filter").
	ActionMsg struct {
		ID     string
		Action string
	}
)

// Activity is something a lesson can offer besides its text: the key that
// opens it and the name ActionMsg carries. The footer and the help show
// the ones offered; the key of one not offered still sends ActionMsg, so
// the app can say the lesson has none.
type Activity struct {
	Name    string
	Key     key.Binding
	Offered bool
}

// offered are the activities this lesson has.
func (m Model) offered() []Activity {
	var out []Activity
	for _, a := range m.acts {
		if a.Offered {
			out = append(out, a)
		}
	}
	return out
}

// Model is the lesson reader.
type Model struct {
	common   common.Common
	lesson   *lessons.Lesson
	index    int // position in the course, 0-based
	total    int
	vp       viewport.Model // the vertical scroll; the page draws the lines
	page     render.Page
	shift    int  // columns code is scrolled sideways
	maxShift int  // the widest code block's overhang at this width
	loaded   bool // rendered text has arrived
	reported bool // ReadMsg sent
	pending  int  // scroll offset to restore once the text arrives
	acts     []Activity
}

// New opens l, the index-th of total lessons, scrolled to offset once its
// text arrives, offering acts (their keys are in the footer and the help).
func New(c common.Common, l *lessons.Lesson, index, total, offset int, acts []Activity) Model {
	m := Model{common: c, lesson: l, index: index, total: total, pending: offset, acts: acts}
	m.vp = viewport.New()
	m.resize()
	return m
}

// ID is the open lesson's ID.
func (m Model) ID() string { return m.lesson.ID }

// Offset is the current scroll position.
func (m Model) Offset() int {
	if !m.loaded {
		return m.pending
	}
	return m.vp.YOffset()
}

// Loaded says whether the rendered text has arrived.
func (m Model) Loaded() bool { return m.loaded }

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) { m.common = c; m.resize() }

// ContentWidth is the width the lesson's prose should be wrapped at: at
// most 100 columns, a comfortable line. Code is never wrapped: its lines
// are as wide as they were written, clipped to the screen and scrolled
// render.Sideways.
func (m Model) ContentWidth() int { return min(m.common.Width, 100) }

func (m *Model) resize() {
	m.vp.SetWidth(m.common.Width)
	m.vp.SetHeight(max(m.common.Height-2, 1))
	m.maxShift = m.page.MaxShift(m.common.Width)
	m.shift = min(m.shift, m.maxShift)
}

// SetContent shows the rendered lesson (render.Markdown's output), keeping
// the scroll position.
func (m *Model) SetContent(s string) tea.Cmd {
	off := m.Offset()
	m.page = render.NewPage(s)
	m.vp.SetContentLines(m.page.Text())
	m.vp.SetYOffset(off)
	m.loaded = true
	m.resize()
	return m.checkRead()
}

// Shift is how many columns code is scrolled render.Sideways.
func (m Model) Shift() int { return m.shift }

// scrollSideways moves code n columns right (left when negative).
func (m *Model) scrollSideways(n int) {
	m.shift = max(0, min(m.shift+n, m.maxShift))
}

// Init has nothing to start: the app renders the text.
func (m Model) Init() tea.Cmd { return nil }

// Update handles scrolling and the reader's keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.vp.ScrollUp(3)
		case tea.MouseWheelDown:
			m.vp.ScrollDown(3)
		}
		return m, m.checkRead()
	case tea.KeyPressMsg:
		k := m.common.Keys
		send := func(v tea.Msg) tea.Cmd { return func() tea.Msg { return v } }
		switch {
		case key.Matches(msg, k.Up):
			m.vp.ScrollUp(1)
		case key.Matches(msg, k.Down):
			m.vp.ScrollDown(1)
		case key.Matches(msg, k.PageUp):
			m.vp.PageUp()
		case key.Matches(msg, k.PageDown):
			m.vp.PageDown()
		case key.Matches(msg, k.Top):
			m.vp.GotoTop()
		case key.Matches(msg, k.Bottom):
			m.vp.GotoBottom()
		case key.Matches(msg, render.Sideways.Right):
			m.scrollSideways(render.SidewaysStep)
		case key.Matches(msg, render.Sideways.Left):
			m.scrollSideways(-render.SidewaysStep)
		case key.Matches(msg, k.Next):
			return m, send(NavigateMsg{Delta: 1})
		case key.Matches(msg, k.Prev):
			return m, send(NavigateMsg{Delta: -1})
		case key.Matches(msg, k.Back):
			return m, send(BackMsg{})
		}
		for _, a := range m.acts {
			if key.Matches(msg, a.Key) {
				return m, send(ActionMsg{ID: m.lesson.ID, Action: a.Name})
			}
		}
		return m, m.checkRead()
	}
	return m, nil
}

// checkRead reports the end of the lesson once.
func (m *Model) checkRead() tea.Cmd {
	if !m.loaded || m.reported || !m.vp.AtBottom() {
		return nil
	}
	m.reported = true
	id := m.lesson.ID
	return func() tea.Msg { return ReadMsg{ID: id} }
}

// View draws the header, the text and the footer.
func (m Model) View() string {
	st := m.common.Styles
	w := m.common.Width
	head := st.Title.Render(m.lesson.Title) + st.Subtle.Render(fmt.Sprintf("  lesson %d of %d", m.index+1, m.total))
	body := st.Subtle.Render("\n  Rendering…")
	if m.loaded {
		mk := render.Markers{Left: st.Accent.Render(render.DefaultMarkers.Left), Right: st.Accent.Render(render.DefaultMarkers.Right)}
		body = m.page.View(m.vp.YOffset(), m.vp.Height(), w, m.shift, mk)
	} else {
		body += strings.Repeat("\n", max(m.common.Height-4, 0))
	}
	pct := 100
	if m.loaded && m.vp.TotalLineCount() > m.vp.Height() {
		pct = int(m.vp.ScrollPercent() * 100)
	}
	foot := fmt.Sprintf("%3d%%", pct)
	if m.loaded && m.page.Clipped(m.vp.YOffset(), m.vp.Height(), w, m.shift) {
		foot += "  code is cut off: " + render.Sideways.Left.Help().Key + "/" + render.Sideways.Right.Help().Key + " scrolls it"
	}
	if acts := m.offered(); m.loaded && m.vp.AtBottom() && len(acts) > 0 {
		var hints []string
		for _, a := range acts {
			hints = append(hints, a.Key.Help().Key+" "+a.Key.Help().Desc)
		}
		foot += "  end of lesson: " + strings.Join(hints, " · ")
	}
	return ansi.Truncate(head, w, "…") + "\n" + body + "\n" + ansi.Truncate(st.Subtle.Render(foot), w, "…")
}
