// Package quiz is the quiz screen: one question at a time, choices picked
// with the arrow keys (space toggles in a multi item), enter to submit,
// feedback in the course's words above the choices, try again until right,
// then a summary. It grades with package quizzes and does no I/O: the
// parent records answers (AnsweredMsg) and marks the lesson (FinishedMsg).
package quiz

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
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
		Results  []practice.ItemResult
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

// Model is the quiz screen.
type Model struct {
	common   common.Common
	keys     KeyMap
	title    string
	lessonID string
	items    []*quizzes.Item
	seed     uint64

	idx      int
	order    []int        // display position → choice index of the current item
	cursor   int          // display position
	picked   map[int]bool // display positions toggled (multi)
	missed   map[int]bool // display positions tried and wrong
	phase    phase
	feedback feedback
	results  []practice.ItemResult
}

// feedback is what the last answer earned.
type feedback struct {
	kind  string   // "", "right", "missed", "skipped", "invalid"
	whys  []string // explanations to show
	extra string
}

// New starts a quiz over items (a lesson's quiz when lessonID is set), the
// choices ordered by seed.
func New(c common.Common, title, lessonID string, items []*quizzes.Item, seed uint64) Model {
	m := Model{common: c, keys: DefaultKeyMap(c), title: title, lessonID: lessonID, items: items, seed: seed}
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
func (m Model) Results() []practice.ItemResult { return m.results }

// Done says whether the summary is showing.
func (m Model) Done() bool { return m.phase == summary }

// load prepares the current item.
func (m *Model) load() {
	m.cursor, m.picked, m.missed, m.feedback = 0, map[int]bool{}, map[int]bool{}, feedback{}
	if m.idx >= len(m.items) {
		m.phase = summary
		return
	}
	m.phase = asking
	m.order = m.items[m.idx].Order(m.seed)
}

func (m Model) item() *quizzes.Item { return m.items[m.idx] }

// Update handles keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Back):
		return m, send(ExitMsg{})
	case m.phase == summary:
		if key.Matches(k, m.keys.Submit) {
			return m, send(ExitMsg{})
		}
	case m.phase == answered:
		if key.Matches(k, m.keys.Submit) {
			m.idx++
			m.load()
			if m.phase == summary {
				return m, send(m.finished())
			}
		}
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, len(m.order)-1)
	case key.Matches(k, m.keys.Toggle):
		if m.item().Kind == quizzes.Multi {
			m.picked[m.cursor] = !m.picked[m.cursor]
		} else {
			m.picked = map[int]bool{m.cursor: true}
		}
	case key.Matches(k, m.keys.Submit):
		return m.submit()
	case key.Matches(k, m.keys.Skip):
		return m.skip()
	}
	return m, nil
}

// submit grades the picked choices (single: the one under the cursor).
func (m Model) submit() (Model, tea.Cmd) {
	it := m.item()
	var chosen []int
	if it.Kind == quizzes.Multi {
		for pos := range m.order {
			if m.picked[pos] {
				chosen = append(chosen, m.order[pos])
			}
		}
		if len(chosen) == 0 {
			m.feedback = feedback{kind: "invalid", extra: "Choose with space first: every choice that applies, then enter."}
			return m, nil
		}
	} else {
		chosen = []int{m.order[m.cursor]}
	}
	v := it.Grade(chosen)
	var cmd tea.Cmd
	r := m.result()
	if r == nil {
		m.results = append(m.results, practice.ItemResult{ID: it.ID, CorrectFirstTry: v.Correct})
		r = &m.results[len(m.results)-1]
		cmd = send(AnsweredMsg{ItemID: it.ID, Right: v.Correct})
	}
	r.Attempts++
	fb := feedback{kind: "missed"}
	if v.Correct {
		fb.kind = "right"
		m.phase = answered
		for _, ci := range it.Correct() {
			fb.whys = append(fb.whys, m.explain(ci, false))
		}
	} else {
		for _, ci := range v.Wrong {
			fb.whys = append(fb.whys, m.explain(ci, false))
			m.missed[m.position(ci)] = true
		}
		if len(v.Wrong) == 0 {
			fb.extra = "Those are right, but not all the right choices: pick every one that applies."
		}
	}
	m.feedback = fb
	return m, cmd
}

// skip shows the right answer; the item counts as missed.
func (m Model) skip() (Model, tea.Cmd) {
	it := m.item()
	var cmd tea.Cmd
	r := m.result()
	if r == nil {
		m.results = append(m.results, practice.ItemResult{ID: it.ID})
		r = &m.results[len(m.results)-1]
		cmd = send(AnsweredMsg{ItemID: it.ID, Right: false})
	}
	r.Skipped = true
	fb := feedback{kind: "skipped"}
	for _, ci := range it.Correct() {
		fb.whys = append(fb.whys, m.explain(ci, true))
	}
	m.feedback, m.phase = fb, answered
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

func (m Model) position(ci int) int {
	for pos, c := range m.order {
		if c == ci {
			return pos
		}
	}
	return -1
}

// result is the current item's result, if it was answered already.
func (m Model) result() *practice.ItemResult {
	if n := len(m.results); n > 0 && m.results[n-1].ID == m.item().ID {
		return &m.results[n-1]
	}
	return nil
}

func (m Model) finished() FinishedMsg {
	passed := len(m.results) == len(m.items)
	for _, r := range m.results {
		if r.Skipped {
			passed = false
		}
	}
	return FinishedMsg{LessonID: m.lessonID, Passed: passed, Results: m.results}
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
