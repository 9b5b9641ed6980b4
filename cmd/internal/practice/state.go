package practice

import (
	"time"

	"github.com/tutor-dev/tutor/quizzes"
)

// Stats are the quiz figures of `tutor progress`.
type Stats struct {
	Items int `json:"items"` // items in the bank
	Seen  int `json:"seen"`  // items answered at least once
	// FirstTryAccuracy is the share of answers right on the first try, over
	// every session (0..1; 0 when nothing was answered).
	FirstTryAccuracy float64 `json:"first_try_accuracy"`
	Answers          int     `json:"answers"`
	FirstTryRight    int     `json:"first_try_right"`
	Due              int     `json:"due"` // items due for review now
}

// Summary computes the quiz figures for the items still in the bank (state
// of items since removed is kept but not counted).
func Summary(bank *quizzes.Bank, rv *quizzes.Review, now time.Time) Stats {
	s := Stats{Items: bank.Len()}
	if bank == nil {
		return s
	}
	for _, it := range bank.Items {
		rec := rv.Get(it.ID)
		if rec == nil || rec.Answers == 0 {
			continue
		}
		s.Seen++
		s.Answers += rec.Answers
		s.FirstTryRight += rec.FirstTryRight
		if rec.IsDue(now) {
			s.Due++
		}
	}
	if s.Answers > 0 {
		s.FirstTryAccuracy = float64(s.FirstTryRight) / float64(s.Answers)
	}
	return s
}
