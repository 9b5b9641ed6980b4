package quizzes

import (
	"math"
	"testing"
	"time"
)

// The worked examples below are py-fsrs's own test vectors for FSRS-6 with
// its default parameters and fuzz off (open-spaced-repetition/py-fsrs,
// tests/test_basic.py, release 6.x: test_review_card and test_memo_state;
// ts-fsrs and fsrs-rs assert the same numbers).

func TestFSRSReviewCardIntervals(t *testing.T) {
	s := ReferenceScheduler()
	ratings := []Rating{Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good}
	want := []int{0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}
	now := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	var c Card
	for i, r := range ratings {
		c = s.Review(c, r, now)
		if got := wholeDays(c.Due.Sub(c.LastReview)); got != want[i] {
			t.Fatalf("review %d (%s): interval %d days, want %d (history so far %v)", i+1, r, got, want[i], want[:i])
		}
		now = c.Due
	}
}

func TestFSRSMemoState(t *testing.T) {
	s := ReferenceScheduler()
	ratings := []Rating{Again, Good, Good, Good, Good, Good}
	gaps := []int{0, 0, 1, 3, 8, 21}
	now := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	var c Card
	for i, r := range ratings {
		now = now.Add(time.Duration(gaps[i]) * day)
		c = s.Review(c, r, now)
	}
	if math.Abs(c.Stability-53.62691) > 1e-4 || math.Abs(c.Difficulty-6.3574867) > 1e-4 {
		t.Fatalf("S=%.6f D=%.6f, want S=53.62691 D=6.3574867", c.Stability, c.Difficulty)
	}
}

func TestFSRSFirstReview(t *testing.T) {
	// Initial stability is w[rating-1]; initial difficulty w4 - e^(w5(r-1)) + 1, clamped to [1, 10].
	s := ReferenceScheduler()
	now := time.Date(2026, 9, 17, 1, 0, 0, 0, time.UTC)
	tests := []struct {
		r     Rating
		s, d  float64
		state CardState
		ivl   time.Duration
	}{
		{Again, 0.212, 6.4133, Learning, time.Minute},
		{Hard, 1.2931, 5.112170705601056, Learning, 5*time.Minute + 30*time.Second},
		{Good, 2.3065, 2.118103970459016, Learning, 10 * time.Minute},
		{Easy, 8.2956, 1.0, Reviewing, 8 * day},
	}
	for _, tt := range tests {
		c := s.Review(Card{}, tt.r, now)
		if math.Abs(c.Stability-tt.s) > 1e-9 || math.Abs(c.Difficulty-tt.d) > 1e-9 || c.State != tt.state || c.Due.Sub(now) != tt.ivl {
			t.Errorf("%s: got S=%v D=%v %s due +%v, want S=%v D=%v %s +%v", tt.r, c.Stability, c.Difficulty, c.State, c.Due.Sub(now), tt.s, tt.d, tt.state, tt.ivl)
		}
	}
}

func TestFSRSRetrievability(t *testing.T) {
	// By definition R = 0.9 when the elapsed time equals the stability.
	s := ReferenceScheduler()
	last := time.Date(2026, 9, 17, 1, 0, 0, 0, time.UTC)
	c := Card{State: Reviewing, Stability: 10, Difficulty: 5, LastReview: last}
	for _, tt := range []struct {
		days int
		want float64
	}{{0, 1}, {10, 0.9}} {
		if got := s.Retrievability(c, last.Add(time.Duration(tt.days)*day)); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("R after %d days = %v, want %v", tt.days, got, tt.want)
		}
	}
	if got := s.Retrievability(c, last.Add(30*day)); got >= 0.9 || got <= 0 {
		t.Errorf("R after 30 days = %v, want below 0.9", got)
	}
}

func TestFSRSRepeatedEasyBottomsOutDifficulty(t *testing.T) {
	// py-fsrs test_repeated_correct_reviews.
	s := ReferenceScheduler()
	base := time.Date(2022, 11, 29, 12, 30, 0, 0, time.UTC)
	var c Card
	for i := range 10 {
		c = s.Review(c, Easy, base.Add(time.Duration(i)*time.Microsecond))
	}
	if c.Difficulty != 1 {
		t.Fatalf("difficulty %v, want 1", c.Difficulty)
	}
}

func TestQuizSchedulerMissedIsDueAtOnce(t *testing.T) {
	s := QuizScheduler()
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	missed := s.Review(Card{}, Again, now)
	if !missed.Due.Equal(now) {
		t.Errorf("missed on first try: due %v, want %v (at once)", missed.Due, now)
	}
	right := s.Review(Card{}, Good, now)
	if right.State != Reviewing || right.Due.Sub(now) != 2*day {
		t.Errorf("right on first try: %s due +%v, want review due +48h", right.State, right.Due.Sub(now))
	}
	lapse := s.Review(right, Again, right.Due)
	if !lapse.Due.Equal(right.Due) || lapse.State != Relearning {
		t.Errorf("lapse: %s due %v, want relearning due at once", lapse.State, lapse.Due)
	}
}
