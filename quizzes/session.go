package quizzes

import (
	"fmt"
	"strconv"
	"strings"
)

// The words every quiz front end shows, the same in line mode and in the
// TUI (line mode prints them exactly: README, "Line mode, exactly").
const (
	RightLine   = "You are right!"
	MissedLine  = "You missed! Try again."
	SkippedLine = "Skipped. The right answer:"
	NotAllLine  = "Those are right, but not all the right choices: pick every one that applies."
)

// ScoreLine is the summary a session ends with.
func ScoreLine(right, answered int) string {
	return fmt.Sprintf("Score: %d/%d right on the first try", right, answered)
}

// ItemResult is how one item of a session went.
type ItemResult struct {
	ID              string `json:"id"`
	Attempts        int    `json:"attempts"`
	CorrectFirstTry bool   `json:"correct_first_try"`
	Skipped         bool   `json:"skipped"`
}

// Result is how a session went: the shape of `tutor quiz --json`.
type Result struct {
	Answered        int          `json:"answered"`
	CorrectFirstTry int          `json:"correct_first_try"`
	Items           []ItemResult `json:"items"`
}

// ScoreLine is the summary line of r.
func (r Result) ScoreLine() string { return ScoreLine(r.CorrectFirstTry, r.Answered) }

// FeedbackKind is what an answer earned.
type FeedbackKind int

// The kinds of feedback.
const (
	NoFeedback FeedbackKind = iota
	Right                   // right: go on
	Missed                  // wrong, or not every right choice: try again
	Skipped                 // skipped: the right answer is shown, counted as missed
	Invalid                 // not an answer: ask again, ungraded
)

func (k FeedbackKind) String() string {
	return [...]string{"none", "right", "missed", "skipped", "invalid"}[k]
}

// Feedback is the typed result of one answer. Front ends word it with the
// constants above and format the whys of Choices their own way.
type Feedback struct {
	Kind FeedbackKind
	// Choices are indexes into the item's Choices whose why to show: the
	// right ones (Right, Skipped) or the wrong ones picked (Missed).
	Choices []int
	// NotAll: a Missed answer that picked only right choices, not all.
	NotAll bool
	// Message says what a valid answer looks like (Invalid).
	Message string
	// First is set on the item's first graded (or skipped) answer of the
	// session, the one the review schedule records; FirstRight is then
	// whether it was right.
	First, FirstRight bool
}

// Headline is the feedback's first line ("" for none or invalid).
func (f Feedback) Headline() string {
	switch f.Kind {
	case Right:
		return RightLine
	case Missed:
		return MissedLine
	case Skipped:
		return SkippedLine
	}
	return ""
}

// Session asks a list of items one at a time: an item is asked until it is
// answered right or skipped; only its first answer counts for the score and
// the review schedule. It is pure state: no I/O, no clock.
type Session struct {
	items    []*Item
	seed     uint64
	idx      int
	order    []int
	answered bool // the current item was answered right or skipped
	results  []ItemResult
}

// NewSession starts a session over items, the choices ordered by seed.
func NewSession(items []*Item, seed uint64) *Session {
	s := &Session{items: items, seed: seed}
	s.load()
	return s
}

// Clone is an independent copy (for front ends whose state is a value).
func (s *Session) Clone() *Session {
	c := *s
	c.results = append([]ItemResult(nil), s.results...)
	return &c
}

func (s *Session) load() {
	s.answered = false
	s.order = nil
	if s.idx < len(s.items) {
		s.order = s.items[s.idx].Order(s.seed)
	}
}

// Len is the number of items; Index the 0-based position of the current one.
func (s *Session) Len() int   { return len(s.items) }
func (s *Session) Index() int { return s.idx }

// Done says whether every item was asked.
func (s *Session) Done() bool { return s.idx >= len(s.items) }

// Item is the current item (nil when done).
func (s *Session) Item() *Item {
	if s.Done() {
		return nil
	}
	return s.items[s.idx]
}

// Order maps display positions to choice indexes of the current item.
func (s *Session) Order() []int { return s.order }

// Answered says whether the current item is finished (right or skipped).
func (s *Session) Answered() bool { return s.answered }

// Position is the display position of choice ci of the current item.
func (s *Session) Position(ci int) int {
	for pos, c := range s.order {
		if c == ci {
			return pos
		}
	}
	return -1
}

// result is the current item's result, creating it on its first answer.
func (s *Session) result(create bool, right bool) (*ItemResult, bool) {
	id := s.items[s.idx].ID
	if n := len(s.results); n > 0 && s.results[n-1].ID == id {
		return &s.results[n-1], false
	}
	if !create {
		return nil, false
	}
	s.results = append(s.results, ItemResult{ID: id, CorrectFirstTry: right})
	return &s.results[len(s.results)-1], true
}

// Answer grades the choices at display positions (0-based). No positions
// is Invalid (Message empty: the front end says how to choose).
func (s *Session) Answer(positions []int) Feedback {
	if s.Done() || s.answered {
		return Feedback{}
	}
	if len(positions) == 0 {
		return Feedback{Kind: Invalid}
	}
	it := s.items[s.idx]
	chosen := make([]int, 0, len(positions))
	for _, p := range positions {
		if p < 0 || p >= len(s.order) {
			return Feedback{Kind: Invalid, Message: fmt.Sprintf("%d is not a choice.", p+1)}
		}
		chosen = append(chosen, s.order[p])
	}
	v := it.Grade(chosen)
	r, first := s.result(true, v.Correct)
	r.Attempts++
	fb := Feedback{First: first, FirstRight: first && v.Correct}
	if v.Correct {
		fb.Kind, fb.Choices, s.answered = Right, it.Correct(), true
		return fb
	}
	fb.Kind, fb.Choices = Missed, v.Wrong
	fb.NotAll = len(v.Wrong) == 0 && len(v.Missing) > 0
	return fb
}

// Skip shows the right answer; an item skipped before any answer counts
// as missed.
func (s *Session) Skip() Feedback {
	if s.Done() || s.answered {
		return Feedback{}
	}
	r, first := s.result(true, false)
	r.Skipped = true
	s.answered = true
	return Feedback{Kind: Skipped, Choices: s.items[s.idx].Correct(), First: first}
}

// AnswerLine reads a typed answer: an empty line skips, numbers (1-based)
// answer, anything else is Invalid with a message saying what to type.
func (s *Session) AnswerLine(input string) Feedback {
	input = strings.TrimSpace(input)
	if input == "" {
		return s.Skip()
	}
	if s.Done() || s.answered {
		return Feedback{}
	}
	picked, err := ParseAnswer(input, len(s.order), s.items[s.idx].Kind == Multi)
	if err != nil {
		return Feedback{Kind: Invalid, Message: err.Error()}
	}
	return s.Answer(picked)
}

// Next moves to the next item once the current one is answered; it
// reports whether the session goes on.
func (s *Session) Next() bool {
	if s.Done() {
		return false
	}
	if s.answered {
		s.idx++
		s.load()
	}
	return !s.Done()
}

// Results are the items answered so far, in order.
func (s *Session) Results() []ItemResult { return s.results }

// Result sums up the session so far.
func (s *Session) Result() Result {
	res := Result{Items: append([]ItemResult{}, s.results...)}
	for _, r := range s.results {
		res.Answered++
		if r.CorrectFirstTry {
			res.CorrectFirstTry++
		}
	}
	return res
}

// Passed says whether every item was answered right in the end (retries
// allowed, none skipped).
func (s *Session) Passed() bool {
	if len(s.results) != len(s.items) {
		return false
	}
	for _, r := range s.results {
		if r.Skipped {
			return false
		}
	}
	return true
}

// ParseAnswer reads an answer: a number from 1 to n, or for a multi item
// numbers separated by commas or spaces. It returns 0-based positions, or
// an error that says what a valid answer looks like.
func ParseAnswer(input string, n int, multi bool) ([]int, error) {
	fields := strings.FieldsFunc(input, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if !multi && len(fields) > 1 {
		return nil, fmt.Errorf("This question has one answer: type a single number from 1 to %d.", n)
	}
	var out []int
	for _, f := range fields {
		k, err := strconv.Atoi(f)
		if err != nil || k < 1 || k > n {
			if multi {
				return nil, fmt.Errorf("%q is not a choice: type numbers from 1 to %d separated by commas (such as 1,3), or an empty line to skip.", f, n)
			}
			return nil, fmt.Errorf("%q is not a choice: type a number from 1 to %d, or an empty line to skip.", f, n)
		}
		if !containsInt(out, k-1) {
			out = append(out, k-1)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("Type a number from 1 to %d, or an empty line to skip.", n)
	}
	return out, nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
