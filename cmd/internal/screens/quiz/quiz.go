// Package quiz is the quiz screen: one question at a time, choices picked
// with the arrow keys (space toggles in a multi item), enter to submit,
// feedback in the course's words above the choices, try again until right;
// then the items missed on the first try come back in a review round until
// answered right, and a summary shows the first-try score, whether the
// quiz passed and what to review. It grades with package quizzes and does
// no I/O: the parent records answers (AnsweredMsg), marks the lesson
// (FinishedMsg), says whether the lesson is then done (LessonStatusMsg) and
// opens the next one (NextLessonMsg).
//
// Nothing is shown as accepted before it is stored: a first answer's
// feedback waits for the parent's CommittedMsg, and a passed lesson quiz's
// summary for its LessonStatusMsg (see pending.go).
package quiz

import (
	"fmt"
	"maps"
	"slices"
	"sync/atomic"

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
		Picked []string // the texts of the choices picked; empty for a skip
		// Screen is the quiz screen that answered, for CommittedMsg:
		// another screen's answer to the same item is not this one's.
		Screen uint64
	}
	// FinishedMsg is sent when the summary appears. Passed means at least
	// the pass mark of the items were right on the first try.
	FinishedMsg struct {
		LessonID string
		Passed   bool
		Results  []quizzes.ItemResult
	}
	// LessonStatusMsg is the parent's answer to FinishedMsg once the pass
	// is stored: whether the lesson is now done (read, and its quiz
	// passed). Err says the pass could not be stored: the screen does not
	// show it as passed and enter tries again.
	LessonStatusMsg struct {
		LessonID string
		Done     bool
		Err      error
	}
	// CommittedMsg is the parent's answer to AnsweredMsg: the answer is
	// stored (Err nil), and only then does the screen show its feedback;
	// or it could not be (Err), and the learner can answer again.
	CommittedMsg struct {
		ItemID string
		Screen uint64 // AnsweredMsg's
		Err    error
	}
	// SlowMsg says what the screen waits for is taking long to store: it
	// shows "Saving…" until the answer comes.
	SlowMsg struct{}
	// NextLessonMsg asks the parent to open the lesson after LessonID
	// (an intent, as ExitMsg is: see common.Asker).
	NextLessonMsg struct{ LessonID string }
	// ExitMsg asks the parent to close the quiz.
	ExitMsg struct{}
)

// KeyMap is the quiz screen's keys.
type KeyMap struct {
	Up, Down, Toggle, Submit, Skip, Next, Back key.Binding
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
		Next:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next lesson")),
		Back:   key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("q", "leave quiz")),
	}
}

// ShortHelp is the key line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Toggle, k.Submit, k.Skip, k.Back}
}

// FullHelp groups the keys.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down}, {k.Toggle, k.Submit, k.Skip}, {k.Next, k.Back}}
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
	id       uint64 // tells this screen's answers from another's (AnsweredMsg.Screen)
	title    string
	lessonID string
	items    []*quizzes.Item
	seed     uint64
	sess     *quizzes.Session // copied on every change: see Update

	order    []int           // display position → choice index of the current item
	cursor   int             // display position
	picked   map[int]bool    // display positions chosen (single: the cursor's)
	missed   map[int]bool    // display positions tried and wrong
	tried    map[string]bool // answers already submitted (multi), as sets
	feedback feedback
	note     string // an answer that was not another attempt: why
	failed   string // the last answer (or pass) could not be stored: why

	// lessonDone is the parent's word on the lesson (LessonStatusMsg).
	lessonDone, statusKnown bool

	// wait is what the screen waits for the parent to store before it
	// shows what it earned (nil: nothing); held are the keys pressed
	// meanwhile, replayed once it is stored.
	wait *pending
	held []tea.KeyPressMsg

	common.Asker // its requests of the app (intents)
}

// feedback is what the last answer earned, worded for the screen.
type feedback struct {
	kind  quizzes.FeedbackKind
	whys  []string // explanations to show
	extra string
}

// The screen's own words.
const (
	// chooseFirst: a multi item submitted empty.
	chooseFirst = "Choose with space first: every choice that applies, then enter."
	// triedAlready: enter on a choice (or set) already found wrong, which
	// is not another attempt.
	triedAlready = "You tried that already: choose another answer."
	// PassedLine closes the summary of a lesson's quiz that passed, in
	// the words of the course our learners came from.
	PassedLine = "You are right! Congratulations, now go to the next page"
)

// screens numbers the quiz screens (Model.id).
var screens atomic.Uint64

// New starts a quiz over items (a lesson's quiz when lessonID is set), the
// choices ordered by seed.
// Items missed on the first try come back at the end (quizzes.Rules.Requeue)
// and the pass mark is quizzes.DefaultPassMark; see WithPassMark.
func New(c common.Common, title, lessonID string, items []*quizzes.Item, seed uint64) Model {
	m := Model{common: c, keys: DefaultKeyMap(c), id: screens.Add(1), title: title, lessonID: lessonID, items: items, seed: seed,
		sess: quizzes.NewSessionRules(items, seed, quizzes.Rules{Requeue: true})}
	m.load()
	return m
}

// WithPassMark sets the course's pass mark (0 < mark <= 1); call it before
// the first answer: the quiz starts over.
func (m Model) WithPassMark(mark float64) Model {
	m.sess = quizzes.NewSessionRules(m.items, m.seed, quizzes.Rules{PassMark: mark, Requeue: true})
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
	m.cursor, m.picked, m.missed, m.tried, m.feedback, m.note = 0, map[int]bool{}, map[int]bool{}, map[string]bool{}, feedback{}, ""
	m.order = m.sess.Order()
	if it := m.item(); it != nil && it.Kind != quizzes.Multi {
		m.picked = map[int]bool{0: true}
	}
}

// Passed says whether the quiz passed (once the summary shows).
func (m Model) Passed() bool { return m.sess.Done() && m.sess.Passed() }

func (m Model) item() *quizzes.Item { return m.sess.Item() }

// Update handles keys. The session is copied before a change so that a
// Model value kept elsewhere (Bubble Tea models are values) never changes
// under its holder.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case LessonStatusMsg:
		return m.lessonStatus(msg)
	case CommittedMsg:
		return m.committed(msg)
	case SlowMsg:
		m.slow()
		return m, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	if m.wait != nil {
		return m.hold(k)
	}
	m.note, m.failed = "", ""
	switch ph := m.phase(); {
	case key.Matches(k, m.keys.Back):
		m.Ask(ExitMsg{})
		return m, nil
	case ph == summary:
		switch {
		case key.Matches(k, m.keys.Submit):
			m.Ask(ExitMsg{})
			return m, nil
		case key.Matches(k, m.keys.Next) && m.lessonID != "" && m.Passed():
			m.Ask(NextLessonMsg{LessonID: m.lessonID})
			return m, nil
		}
	case ph == answered:
		if key.Matches(k, m.keys.Submit) {
			return m.next()
		}
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
		m.follow()
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, len(m.order)-1)
		m.follow()
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
		next := m.sess.Clone()
		return m.answer(next, next.Skip(), "")
	}
	return m, nil
}

// follow moves a single item's choice with the cursor: its radio is the
// one filled, the one enter submits.
func (m *Model) follow() {
	if m.item().Kind != quizzes.Multi {
		m.picked = map[int]bool{m.cursor: true}
	}
}

// submit grades the picked choices (single: the one under the cursor). An
// answer already found wrong (a choice marked wrong, or the same set of
// choices again) is not another attempt: it is not graded.
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
	set := fmt.Sprint(positions)
	if m.tried[set] || slices.ContainsFunc(positions, func(p int) bool { return m.missed[p] }) {
		m.note = triedAlready
		return m, nil
	}
	next := m.sess.Clone()
	return m.answer(next, next.Answer(positions), set)
}

// show words the session's feedback; set is the answer given, as a set of
// display positions ("" for a skip).
func (m *Model) show(fb quizzes.Feedback, set string) {
	if fb.Kind == quizzes.Missed && set != "" {
		m.tried = maps.Clone(m.tried)
		m.tried[set] = true
	}
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

func (m Model) finished(s *quizzes.Session) FinishedMsg {
	return FinishedMsg{LessonID: m.lessonID, Passed: s.Passed(), Results: s.Result().Items}
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
