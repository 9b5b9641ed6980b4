package quizzes

import (
	"math"
	"testing"
	"time"
)

// Stored cards are data from disk: no value may make the scheduler panic
// or compute NaN (issue 10: "stability": -1 gave NaN, "step": -5 panicked).
func TestReviewNeverPanicsOrNaNOnStoredCards(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	yesterday := now.Add(-30 * time.Hour)
	cards := map[string]Card{
		"stability -1":   {State: Reviewing, Stability: -1, Difficulty: 5, Due: now, LastReview: yesterday},
		"step -5":        {State: Learning, Step: -5, Stability: 2, Difficulty: 5, Due: now, LastReview: yesterday},
		"step -5 relrn":  {State: Relearning, Step: -5, Stability: 2, Difficulty: 5, Due: now, LastReview: yesterday},
		"step 99":        {State: Learning, Step: 99, Stability: 2, Difficulty: 5, Due: now, LastReview: yesterday},
		"NaN stability":  {State: Reviewing, Stability: math.NaN(), Difficulty: 5, LastReview: yesterday},
		"Inf stability":  {State: Reviewing, Stability: math.Inf(1), Difficulty: 5, LastReview: yesterday},
		"difficulty 40":  {State: Reviewing, Stability: 3, Difficulty: 40, LastReview: yesterday},
		"difficulty -3":  {State: Reviewing, Stability: 3, Difficulty: -3, LastReview: yesterday},
		"state 9":        {State: 9, Stability: 3, Difficulty: 3, LastReview: yesterday},
		"due in year 0":  {State: Reviewing, Stability: 3, Difficulty: 3, Due: time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), LastReview: yesterday},
		"last in future": {State: Reviewing, Stability: 3, Difficulty: 3, LastReview: now.Add(1000 * day)},
	}
	s := QuizScheduler()
	for name, c := range cards {
		for _, r := range []Rating{Again, Hard, Good, Easy} {
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Fatalf("%s, %s: panic %v", name, r, p)
					}
				}()
				got := s.Review(c, r, now)
				if math.IsNaN(got.Stability) || math.IsNaN(got.Difficulty) || got.Stability <= 0 {
					t.Errorf("%s, %s: %+v", name, r, got)
				}
				if err := got.Check(); err != nil {
					t.Errorf("%s, %s: result fails its own check: %v", name, r, err)
				}
			}()
		}
	}
}

func TestCardCheck(t *testing.T) {
	bad := []Card{
		{Stability: -1}, {Step: -5}, {Stability: math.NaN()}, {Difficulty: 11}, {State: -1},
		{Due: time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, c := range bad {
		if c.Check() == nil {
			t.Errorf("%+v passes the check", c)
		}
	}
	if err := (Card{}).Check(); err != nil {
		t.Errorf("a new card fails: %v", err)
	}
	c := QuizScheduler().Review(Card{}, Good, time.Now())
	if err := c.Check(); err != nil {
		t.Errorf("a reviewed card fails: %v", err)
	}
	if err := (&Record{Answers: 1, FirstTryRight: 2}).Check(); err == nil {
		t.Error("first_try_right > answers passes")
	}
}
