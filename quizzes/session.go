package quizzes

import (
	"fmt"
	"strings"
)

// DefaultPassMark is the share of a lesson's items that must be right on
// the first try, in one sitting, for its quiz to pass; a course may set
// another (course.yaml, quiz.pass_mark).
const DefaultPassMark = 0.8

// Passes says whether right first-try answers out of n items reach mark
// (0 < mark <= 1). No items never pass.
func Passes(right, n int, mark float64) bool {
	if mark <= 0 {
		mark = DefaultPassMark
	}
	return n > 0 && float64(right) >= mark*float64(n)-1e-9
}

// Rules are what a session asks of the learner beyond the items.
type Rules struct {
	// PassMark is the share of items right on the first try that passes;
	// 0 means DefaultPassMark.
	PassMark float64
	// Requeue brings every item not right on the first try back at the end
	// of the sitting, in a review round, until each is answered right (a
	// skipped one goes to the back of the round). The review round counts
	// toward neither the score nor the pass, and records nothing. Line mode
	// does not requeue: its protocol asks a missed item again at once.
	Requeue bool
}

// Session asks a list of items one at a time: an item is asked until it is
// answered right or skipped; only its first answer counts for the score,
// the pass and the review schedule. With Rules.Requeue the items missed on
// the first try come back in a review round. It is pure state: no I/O, no
// clock.
type Session struct {
	items     []*Item
	seed      uint64
	rules     Rules
	idx       int   // position in the current round
	review    []int // the review round: indexes into items
	reviewing bool
	order     []int
	answered  bool // the current item was answered right or skipped
	results   []ItemResult
}

// NewSession starts a session over items, the choices ordered by seed,
// with the default rules (no review round).
func NewSession(items []*Item, seed uint64) *Session {
	return NewSessionRules(items, seed, Rules{})
}

// NewSessionRules starts a session with rules.
func NewSessionRules(items []*Item, seed uint64, rules Rules) *Session {
	if rules.PassMark <= 0 {
		rules.PassMark = DefaultPassMark
	}
	s := &Session{items: items, seed: seed, rules: rules}
	s.load()
	return s
}

// Clone is an independent copy (for front ends whose state is a value).
func (s *Session) Clone() *Session {
	c := *s
	c.results = append([]ItemResult(nil), s.results...)
	c.review = append([]int(nil), s.review...)
	return &c
}

// current is the index into items of the current item.
func (s *Session) current() int {
	if s.reviewing {
		return s.review[s.idx]
	}
	return s.idx
}

func (s *Session) load() {
	s.answered = false
	s.order = nil
	if !s.Done() {
		seed := s.seed
		if s.reviewing {
			seed = ^seed // another choice order: the answer is not a position
		}
		s.order = s.items[s.current()].Order(seed)
	}
}

// Len is the number of items of the current round; Index the 0-based
// position of the current one in it.
func (s *Session) Len() int {
	if s.reviewing {
		return len(s.review)
	}
	return len(s.items)
}
func (s *Session) Index() int { return s.idx }

// Reviewing says whether the session is in its review round.
func (s *Session) Reviewing() bool { return s.reviewing }

// Rules are the session's rules, the pass mark filled in.
func (s *Session) Rules() Rules { return s.rules }

// Done says whether every item was asked (and, with Requeue, every missed
// one answered right in the review round).
func (s *Session) Done() bool { return s.idx >= s.Len() }

// Item is the current item (nil when done).
func (s *Session) Item() *Item {
	if s.Done() {
		return nil
	}
	return s.items[s.current()]
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

// result is the current item's result, creating it on its first answer;
// nil in the review round, which records nothing.
func (s *Session) result(right bool) (*ItemResult, bool) {
	if s.reviewing {
		return nil, false
	}
	id := s.items[s.idx].ID
	if n := len(s.results); n > 0 && s.results[n-1].ID == id {
		return &s.results[n-1], false
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
	it := s.Item()
	chosen := make([]int, 0, len(positions))
	for _, p := range positions {
		if p < 0 || p >= len(s.order) {
			return Feedback{Kind: Invalid, Message: fmt.Sprintf("%d is not a choice.", p+1)}
		}
		chosen = append(chosen, s.order[p])
	}
	v := it.Grade(chosen)
	r, first := s.result(v.Correct)
	if r != nil {
		r.Attempts++
	}
	fb := Feedback{First: first, FirstRight: first && v.Correct, Picked: chosen}
	if v.Correct {
		fb.Kind, fb.Choices, s.answered = Right, it.Correct(), true
		return fb
	}
	fb.Kind, fb.Choices = Missed, v.Wrong
	fb.NotAll = len(v.Wrong) == 0 && len(v.Missing) > 0
	return fb
}

// Skip shows the right answer; an item skipped before any answer counts
// as missed. In the review round a skipped item goes to the back of it.
func (s *Session) Skip() Feedback {
	if s.Done() || s.answered {
		return Feedback{}
	}
	first := false
	if r, f := s.result(false); r != nil {
		r.Skipped, first = true, f
	} else {
		s.review = append(s.review, s.current())
	}
	s.answered = true
	return Feedback{Kind: Skipped, Choices: s.Item().Correct(), First: first}
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
	picked, err := ParseAnswer(input, len(s.order), s.Item().Kind == Multi)
	if err != nil {
		return Feedback{Kind: Invalid, Message: err.Error()}
	}
	return s.Answer(picked)
}

// Next moves to the next item once the current one is answered; it
// reports whether the session goes on. After the last item of the first
// round, with Requeue, the review round starts with the missed items.
func (s *Session) Next() bool {
	if s.Done() {
		return false
	}
	if s.answered {
		s.idx++
		if !s.reviewing && s.Done() && s.rules.Requeue {
			s.review = s.ToReview()
			if len(s.review) > 0 {
				s.reviewing, s.idx = true, 0
			}
		}
		s.load()
	}
	return !s.Done()
}

// ToReview are the indexes of the items answered so far that were not
// right on the first try (missed or skipped), in order.
func (s *Session) ToReview() []int {
	var out []int
	for i, r := range s.results {
		if !r.CorrectFirstTry {
			out = append(out, i)
		}
	}
	return out
}

// Missed are the items answered so far that were not right on the first
// try: the ones to review.
func (s *Session) Missed() []*Item {
	var out []*Item
	for _, i := range s.ToReview() {
		out = append(out, s.items[i])
	}
	return out
}

// Results are the items answered so far in the first round, in order.
func (s *Session) Results() []ItemResult { return s.results }

// Result sums up the session so far (the first round: the review round
// does not count).
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

// Passed says whether the sitting passes: every item was answered and at
// least the pass mark of them were right on the first try.
func (s *Session) Passed() bool {
	if len(s.results) != len(s.items) {
		return false
	}
	return Passes(s.Result().CorrectFirstTry, len(s.items), s.rules.PassMark)
}
