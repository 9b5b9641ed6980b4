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
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/lessons"
)

// Messages the reader sends to the app. NavigateMsg, BackMsg and
// ActionMsg are intents (common.Asker), applied before the next key;
// ReadMsg is a command's result.
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
	partial  bool // only the top of the text is shown (SetPreview)

	source     string   // the markdown the text was rendered from
	pendingPos float64  // reading position to restore once the text arrives (0: use pending)
	anchors    []anchor // where the source's blocks are in the rendered text

	common.Asker // its requests of the app (intents)
}

// New opens l, the index-th of total lessons, scrolled to offset once its
// text arrives, offering acts (their keys are in the footer and the help).
func New(c common.Common, l *lessons.Lesson, index, total, offset int, acts []Activity) Model {
	m := Model{common: c, lesson: l, index: index, total: total, pending: offset, acts: acts, source: course.Page(l)}
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

// SetPosition sets the reading position (a place in the lesson's source,
// 0 to 1) to open at once the text arrives; it wins over the offset.
func (m *Model) SetPosition(p float64) {
	if p > 0 {
		m.pendingPos = min(p, 1)
	}
}

// Position is the reading position: the place in the lesson's source of
// the top line on screen, from 0 to 1, the same at any width.
func (m Model) Position() float64 {
	if !m.loaded {
		return m.pendingPos
	}
	return toSource(m.anchors, m.vp.YOffset(), len(m.source))
}

// Loaded says whether the whole rendered text has arrived (not only its
// top: see SetPreview).
func (m Model) Loaded() bool { return m.loaded && !m.partial }

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
// the reading position: the same place in the source, whatever the width
// the text is rendered at.
func (m *Model) SetContent(s string) tea.Cmd {
	off, pos := m.Offset(), m.Position()
	if m.loaded && off == 0 {
		pos = 0
	}
	m.page = render.NewPage(s)
	m.vp.SetContentLines(m.page.Text())
	m.anchors = anchors(m.source, s)
	if pos > 0 {
		off = toLine(m.anchors, pos, len(m.source))
	}
	m.vp.SetYOffset(off)
	m.loaded, m.partial, m.pendingPos = true, false, 0
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
			m.Ask(NavigateMsg{Delta: 1})
			return m, nil
		case key.Matches(msg, k.Prev):
			m.Ask(NavigateMsg{Delta: -1})
			return m, nil
		case key.Matches(msg, k.Back):
			m.Ask(BackMsg{})
			return m, nil
		}
		for _, a := range m.acts {
			if key.Matches(msg, a.Key) {
				m.Ask(ActionMsg{ID: m.lesson.ID, Action: a.Name})
				return m, nil
			}
		}
		return m, m.checkRead()
	}
	return m, nil
}

// checkRead reports the end of the lesson once.
func (m *Model) checkRead() tea.Cmd {
	if !m.loaded || m.partial || m.reported || !m.vp.AtBottom() {
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
	if m.partial {
		foot = "   …" // the rest is still rendering
	}
	if m.loaded && m.page.Clipped(m.vp.YOffset(), m.vp.Height(), w, m.shift) {
		foot += "  code is cut off: " + render.Sideways.Left.Help().Key + "/" + render.Sideways.Right.Help().Key + " scrolls it"
	}
	if acts := m.offered(); m.Loaded() && m.vp.AtBottom() && len(acts) > 0 {
		var hints []string
		for _, a := range acts {
			hints = append(hints, a.Key.Help().Key+" "+a.Key.Help().Desc)
		}
		foot += "  end of lesson: " + strings.Join(hints, " · ")
	}
	if m.loaded && m.vp.AtBottom() && m.index == m.total-1 {
		foot += "  · n: course summary"
	}
	return ansi.Truncate(head, w, "…") + "\n" + body + "\n" + ansi.Truncate(st.Subtle.Render(foot), w, "…")
}
