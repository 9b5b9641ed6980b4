// Package quiz is the quiz screen: one question at a time, choices picked
// with the arrow keys (space toggles in a multi item), enter to submit,
// feedback in the course's words above the choices, try again until right,
// then a summary. It grades with package quizzes and does no I/O: the
// parent records answers (AnsweredMsg) and marks the lesson (FinishedMsg).
package quiz

import (
	"maps"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/quizzes"
)

// Messages the screen sends to its parent.
type (
	// AnsweredMsg is the first answer to an item in this session (right,
	// or missed or skipped): the parent updates the review schedule.
	AnsweredMsg struct {
		ItemID string
		Right  bool
	}
	// FinishedMsg is sent when the summary appears. Passed means every
	// item was answered right in the end (retries allowed, none skipped).
	FinishedMsg struct {
		LessonID string
		Passed   bool
		Results  []quizzes.ItemResult
	}
	// ExitMsg asks the parent to close the quiz.
	ExitMsg struct{}
)

// KeyMap is the quiz screen's keys.
type KeyMap struct {
	Up, Down, Toggle, Submit, Skip, Back key.Binding
}

// DefaultKeyMap takes up and down from the course's keys.
func DefaultKeyMap(c common.Common) KeyMap {
	up, down := c.Keys.Up, c.Keys.Down
	if len(up.Keys()) == 0 {
		up = key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up"))
		down = key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down"))
	}
	return KeyMap{
		Up:     up,
		Down:   down,
		Toggle: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "toggle")),
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")),
		Skip:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Back:   key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("q", "leave quiz")),
	}
}

// ShortHelp is the key line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Toggle, k.Submit, k.Skip, k.Back}
}

// FullHelp groups the keys.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Toggle, k.Submit, k.Skip}, {k.Back}}
}

type phase int

const (
	asking   phase = iota // waiting for an answer (possibly after a miss)
	answered              // right or skipped: enter goes on
	summary               // all done
)

func (p phase) String() string { return [...]string{"asking", "answered", "summary"}[p] }

// Model is the quiz screen. The rules (first try, attempts, skips) are
// quizzes.Session's, shared with the line mode; the screen adds the cursor,
// the picks and the drawing.
type Model struct {
	common   common.Common
	keys     KeyMap
	title    string
	lessonID string
	items    []*quizzes.Item
	sess     *quizzes.Session // copied on every change: see Update

	order    []int        // display position → choice index of the current item
	cursor   int          // display position
	picked   map[int]bool // display positions toggled (multi)
	missed   map[int]bool // display positions tried and wrong
	feedback feedback
}

// feedback is what the last answer earned, worded for the screen.
type feedback struct {
	kind  quizzes.FeedbackKind
	whys  []string // explanations to show
	extra string
}

// chooseFirst is the screen's own word for a multi item submitted empty.
const chooseFirst = "Choose with space first: every choice that applies, then enter."

// New starts a quiz over items (a lesson's quiz when lessonID is set), the
// choices ordered by seed.
func New(c common.Common, title, lessonID string, items []*quizzes.Item, seed uint64) Model {
	m := Model{common: c, keys: DefaultKeyMap(c), title: title, lessonID: lessonID, items: items,
		sess: quizzes.NewSession(items, seed)}
	m.load()
	return m
}

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) { m.common = c; m.keys = DefaultKeyMap(c) }

// SetSize sets the area the screen draws in.
func (m *Model) SetSize(w, h int) { m.common.Width, m.common.Height = w, h }

// Keys is the screen's key map, for the help line.
func (m Model) Keys() KeyMap { return m.keys }

// Results are the items answered so far.
func (m Model) Results() []quizzes.ItemResult { return m.sess.Results() }

// Result sums up the session so far.
func (m Model) Result() quizzes.Result { return m.sess.Result() }

// Done says whether the summary is showing.
func (m Model) Done() bool { return m.sess.Done() }

func (m Model) phase() phase {
	switch {
	case m.sess.Done():
		return summary
	case m.sess.Answered():
		return answered
	}
	return asking
}

// load prepares the current item.
func (m *Model) load() {
	m.cursor, m.picked, m.missed, m.feedback = 0, map[int]bool{}, map[int]bool{}, feedback{}
	m.order = m.sess.Order()
}

func (m Model) item() *quizzes.Item { return m.sess.Item() }

// Update handles keys. The session is copied before a change so that a
// Model value kept elsewhere (Bubble Tea models are values) never changes
// under its holder.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch ph := m.phase(); {
	case key.Matches(k, m.keys.Back):
		return m, send(ExitMsg{})
	case ph == summary:
		if key.Matches(k, m.keys.Submit) {
			return m, send(ExitMsg{})
		}
	case ph == answered:
		if key.Matches(k, m.keys.Submit) {
			m.sess = m.sess.Clone()
			m.sess.Next()
			m.load()
			if m.sess.Done() {
				return m, send(m.finished())
			}
		}
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, len(m.order)-1)
	case key.Matches(k, m.keys.Toggle):
		if m.item().Kind == quizzes.Multi {
			m.picked = maps.Clone(m.picked)
			m.picked[m.cursor] = !m.picked[m.cursor]
		} else {
			m.picked = map[int]bool{m.cursor: true}
		}
	case key.Matches(k, m.keys.Submit):
		return m.submit()
	case key.Matches(k, m.keys.Skip):
		m.sess = m.sess.Clone()
		return m.show(m.sess.Skip())
	}
	return m, nil
}

// submit grades the picked choices (single: the one under the cursor).
func (m Model) submit() (Model, tea.Cmd) {
	var positions []int
	if m.item().Kind == quizzes.Multi {
		for pos := range m.order {
			if m.picked[pos] {
				positions = append(positions, pos)
			}
		}
	} else {
		positions = []int{m.cursor}
	}
	m.sess = m.sess.Clone()
	return m.show(m.sess.Answer(positions))
}

// show words the session's feedback; a first answer is sent to the parent
// to record.
func (m Model) show(fb quizzes.Feedback) (Model, tea.Cmd) {
	it := m.item()
	out := feedback{kind: fb.Kind}
	switch fb.Kind {
	case quizzes.Invalid:
		out.extra = fb.Message
		if out.extra == "" {
			out.extra = chooseFirst
		}
	case quizzes.Missed:
		m.missed = maps.Clone(m.missed)
		for _, ci := range fb.Choices {
			out.whys = append(out.whys, m.explain(ci, false))
			m.missed[m.sess.Position(ci)] = true
		}
		if fb.NotAll {
			out.extra = quizzes.NotAllLine
		}
	case quizzes.Right, quizzes.Skipped:
		for _, ci := range fb.Choices {
			out.whys = append(out.whys, m.explain(ci, fb.Kind == quizzes.Skipped))
		}
	}
	m.feedback = out
	var cmd tea.Cmd
	if fb.First {
		cmd = send(AnsweredMsg{ItemID: it.ID, Right: fb.FirstRight})
	}
	return m, cmd
}

// explain is a choice's why, labelled with the choice's text in a multi
// item or when named (a skip shows the right answer).
func (m Model) explain(ci int, named bool) string {
	c := m.item().Choices[ci]
	if named || m.item().Kind == quizzes.Multi {
		return c.Text + ": " + c.Why
	}
	return c.Why
}

func (m Model) finished() FinishedMsg {
	return FinishedMsg{LessonID: m.lessonID, Passed: m.sess.Passed(), Results: m.sess.Result().Items}
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
