package quizzes

import (
	"fmt"
	"time"
)

// ReviewFile is the name of the review state file in the learner's state
// directory.
const ReviewFile = "review.json"

// Review is the learner's review state, keyed by item ID so that editing an
// item's wording keeps its history.
type Review struct {
	Version int                `json:"version"`
	Items   map[string]*Record `json:"items"`
}

// Record is what is known of one item.
type Record struct {
	Card Card `json:"card"`
	// Answers counts the sessions in which the item was answered (graded or
	// skipped); FirstTryRight those in which the first answer was right.
	Answers       int  `json:"answers"`
	FirstTryRight int  `json:"first_try_right"`
	LastMissed    bool `json:"last_missed"`
}

// NewReview returns an empty review state.
func NewReview() *Review { return &Review{Version: 1, Items: map[string]*Record{}} }

// Get returns the record of an item, or nil when it was never answered.
func (r *Review) Get(id string) *Record {
	if r == nil || r.Items == nil {
		return nil
	}
	return r.Items[id]
}

// Answer records the first answer of a session to an item: right (rated
// Good) or missed or skipped (rated Again, which makes it due at once).
func (r *Review) Answer(id string, right bool, now time.Time, s Scheduler) *Record {
	if r.Items == nil {
		r.Items = map[string]*Record{}
	}
	rec := r.Items[id]
	if rec == nil {
		rec = &Record{}
		r.Items[id] = rec
	}
	rating := Again
	if right {
		rating = Good
		rec.FirstTryRight++
	}
	rec.Answers++
	rec.LastMissed = !right
	rec.Card = s.Review(rec.Card, rating, now)
	return rec
}

// IsDue reports whether an answered item is due for review at now.
func (rec *Record) IsDue(now time.Time) bool {
	return rec != nil && rec.Answers > 0 && !rec.Card.Due.After(now)
}

// Check says why a stored record cannot be used (its card is impossible
// for the scheduler, or its counts are), or nil.
func (rec *Record) Check() error {
	if rec == nil {
		return nil
	}
	if rec.Answers < 0 || rec.FirstTryRight < 0 || rec.FirstTryRight > rec.Answers {
		return fmt.Errorf("answers %d and first_try_right %d are not counts (0 <= first_try_right <= answers)", rec.Answers, rec.FirstTryRight)
	}
	return rec.Card.Check()
}
