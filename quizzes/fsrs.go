package quizzes

import (
	"fmt"
	"math"
	"time"
)

// This file is the FSRS-6 memory model and scheduler, written from the
// formulas of the open-spaced-repetition project ("The Algorithm" page of
// its wiki and the reference implementation py-fsrs, fsrs/scheduler.py,
// whose default parameters and worked examples fsrs_test.go reproduces).
//
// A card's memory is two numbers: stability S (days until recall drops to
// 90 %) and difficulty D (1..10). Each review rates the recall (Again, Hard,
// Good, Easy) and updates S and D; the next interval is the time at which
// the predicted recall falls to the desired retention.

// Rating is how well an item was recalled.
type Rating int

// The four FSRS ratings. The quiz uses Again (missed or skipped on the
// first try) and Good (right on the first try).
const (
	Again Rating = 1
	Hard  Rating = 2
	Good  Rating = 3
	Easy  Rating = 4
)

func (r Rating) String() string {
	switch r {
	case Again:
		return "again"
	case Hard:
		return "hard"
	case Good:
		return "good"
	case Easy:
		return "easy"
	}
	return "unknown"
}

// CardState is where a card is in the FSRS learning cycle.
type CardState int

// Card states, numbered as in py-fsrs.
const (
	Learning   CardState = 1
	Reviewing  CardState = 2
	Relearning CardState = 3
)

func (s CardState) String() string {
	switch s {
	case Learning:
		return "learning"
	case Reviewing:
		return "review"
	case Relearning:
		return "relearning"
	}
	return "new"
}

// Card is the memory state of one item. The zero Card is a new card.
type Card struct {
	State      CardState `json:"state"`
	Step       int       `json:"step"`
	Stability  float64   `json:"stability"`  // days; 0 until the first review
	Difficulty float64   `json:"difficulty"` // 1..10; 0 until the first review
	Due        time.Time `json:"due"`
	LastReview time.Time `json:"last_review"`
}

// DefaultParameters are FSRS-6's published default weights w0..w20.
var DefaultParameters = [21]float64{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
	1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
	1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
}

const (
	minStability  = 0.001
	maxStability  = 1e6 // days: far beyond any interval (MaximumInterval is 36500)
	maxStep       = 1000
	minDifficulty = 1.0
	maxDifficulty = 10.0
	day           = 24 * time.Hour
)

// Scheduler computes the next state of a card. Fuzz (random spreading of
// intervals) is left out so that schedules are reproducible.
type Scheduler struct {
	W                [21]float64
	DesiredRetention float64
	LearningSteps    []time.Duration
	RelearningSteps  []time.Duration
	MaximumInterval  int // days
}

// ReferenceScheduler is py-fsrs's default scheduler (fuzz off): learning
// steps of 1 and 10 minutes, one relearning step of 10 minutes.
func ReferenceScheduler() Scheduler {
	return Scheduler{
		W:                DefaultParameters,
		DesiredRetention: 0.9,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
		MaximumInterval:  36500,
	}
}

// QuizScheduler is the scheduler the quiz uses: the same model, with one
// learning and one relearning step of zero, so that an item missed is due
// again at once and an item answered right graduates to an interval of days.
func QuizScheduler() Scheduler {
	s := ReferenceScheduler()
	s.LearningSteps = []time.Duration{0}
	s.RelearningSteps = []time.Duration{0}
	return s
}

func (s Scheduler) decay() float64  { return -s.W[20] }
func (s Scheduler) factor() float64 { return math.Pow(0.9, 1/s.decay()) - 1 }

// Retrievability is the predicted probability of recall at now.
func (s Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.LastReview.IsZero() || c.Stability == 0 {
		return 0
	}
	elapsed := max(0, wholeDays(now.Sub(c.LastReview)))
	return math.Pow(1+s.factor()*float64(elapsed)/c.Stability, s.decay())
}

// wholeDays counts full days, as Python's timedelta.days does.
func wholeDays(d time.Duration) int { return int(math.Floor(float64(d) / float64(day))) }

// Check says why the scheduler cannot accept a stored card, or nil: a
// stability or difficulty that is negative, not a number or out of range, a
// step below zero, an unknown state, or a date outside years 1..9999.
func (c Card) Check() error {
	switch {
	case c.State < 0 || c.State > Relearning:
		return fmt.Errorf("state %d is not 0..3", int(c.State))
	case c.Step < 0 || c.Step > maxStep:
		return fmt.Errorf("step %d is not 0..%d", c.Step, maxStep)
	case math.IsNaN(c.Stability) || math.IsInf(c.Stability, 0) || c.Stability < 0 || c.Stability > maxStability:
		return fmt.Errorf("stability %v is not a number of days from 0 to %v", c.Stability, maxStability)
	case math.IsNaN(c.Difficulty) || c.Difficulty != 0 && (c.Difficulty < minDifficulty || c.Difficulty > maxDifficulty):
		return fmt.Errorf("difficulty %v is not 0 (new) or 1..10", c.Difficulty)
	case !sensibleTime(c.Due):
		return fmt.Errorf("due %s is not a date in years 1..9999", c.Due.Format(time.RFC3339))
	case !sensibleTime(c.LastReview):
		return fmt.Errorf("last_review %s is not a date in years 1..9999", c.LastReview.Format(time.RFC3339))
	}
	return nil
}

func sensibleTime(t time.Time) bool { return t.IsZero() || t.Year() >= 1 && t.Year() <= 9999 }

// Review returns the card after a review rated r at now. A card the
// scheduler cannot accept (see Card.Check) starts afresh, so no stored
// value can make it panic or compute NaN.
func (s Scheduler) Review(c Card, r Rating, now time.Time) Card {
	if r < Again || r > Easy {
		r = Again
	}
	if c.Check() != nil {
		c = Card{}
	}
	if c.State == 0 {
		c.State = Learning
	}
	sinceLast := -1
	if !c.LastReview.IsZero() {
		sinceLast = wholeDays(now.Sub(c.LastReview))
	}
	shortTerm := sinceLast >= 0 && sinceLast < 1

	// Memory update.
	switch {
	case c.Stability == 0 || c.Difficulty == 0:
		c.Stability = s.initialStability(r)
		c.Difficulty = clampD(s.initialDifficulty(r))
	case shortTerm:
		c.Stability = s.shortTermStability(c.Stability, r)
		c.Difficulty = s.nextDifficulty(c.Difficulty, r)
	default:
		c.Stability = s.nextStability(c.Difficulty, c.Stability, s.Retrievability(c, now), r)
		c.Difficulty = s.nextDifficulty(c.Difficulty, r)
	}

	// Next interval.
	var next time.Duration
	switch c.State {
	case Learning:
		next = s.stepInterval(&c, r, s.LearningSteps)
	case Relearning:
		next = s.stepInterval(&c, r, s.RelearningSteps)
	case Reviewing:
		if r == Again && len(s.RelearningSteps) > 0 {
			c.State, c.Step = Relearning, 0
			next = s.RelearningSteps[0]
		} else {
			next = s.intervalDays(c.Stability)
		}
	}
	c.Due = now.Add(next)
	c.LastReview = now
	return c
}

// stepInterval moves a learning or relearning card through its steps.
func (s Scheduler) stepInterval(c *Card, r Rating, steps []time.Duration) time.Duration {
	graduate := func() time.Duration {
		c.State, c.Step = Reviewing, 0
		return s.intervalDays(c.Stability)
	}
	c.Step = max(c.Step, 0)
	if len(steps) == 0 || (c.Step >= len(steps) && r != Again) {
		return graduate()
	}
	switch r {
	case Again:
		c.Step = 0
		return steps[0]
	case Hard:
		switch {
		case c.Step == 0 && len(steps) == 1:
			return steps[0] * 3 / 2
		case c.Step == 0:
			return (steps[0] + steps[1]) / 2
		default:
			return steps[min(c.Step, len(steps)-1)]
		}
	case Good:
		if c.Step+1 == len(steps) {
			return graduate()
		}
		c.Step++
		return steps[c.Step]
	default: // Easy
		return graduate()
	}
}

// intervalDays is the whole number of days (at least 1) until recall is
// predicted to fall to the desired retention.
func (s Scheduler) intervalDays(stability float64) time.Duration {
	ivl := stability / s.factor() * (math.Pow(s.DesiredRetention, 1/s.decay()) - 1)
	days := int(math.RoundToEven(ivl)) // Python's round()
	days = min(max(days, 1), s.MaximumInterval)
	return time.Duration(days) * day
}

func (s Scheduler) initialStability(r Rating) float64 {
	return max(s.W[r-1], minStability)
}

func (s Scheduler) initialDifficulty(r Rating) float64 {
	return s.W[4] - math.Exp(s.W[5]*float64(r-1)) + 1
}

func clampD(d float64) float64 { return min(max(d, minDifficulty), maxDifficulty) }

func (s Scheduler) nextDifficulty(d float64, r Rating) float64 {
	delta := -s.W[6] * float64(r-3)
	damped := d + (10-d)*delta/9 // linear damping
	// Mean reversion towards the initial difficulty of an Easy card.
	return clampD(s.W[7]*s.initialDifficulty(Easy) + (1-s.W[7])*damped)
}

func (s Scheduler) shortTermStability(st float64, r Rating) float64 {
	inc := math.Exp(s.W[17]*(float64(r)-3+s.W[18])) * math.Pow(st, -s.W[19])
	if r == Good || r == Easy {
		inc = max(inc, 1)
	}
	return max(st*inc, minStability)
}

func (s Scheduler) nextStability(d, st, ret float64, r Rating) float64 {
	var next float64
	if r == Again {
		long := s.W[11] * math.Pow(d, -s.W[12]) * (math.Pow(st+1, s.W[13]) - 1) * math.Exp((1-ret)*s.W[14])
		short := st / math.Exp(s.W[17]*s.W[18])
		next = min(long, short)
	} else {
		hard, easy := 1.0, 1.0
		if r == Hard {
			hard = s.W[15]
		}
		if r == Easy {
			easy = s.W[16]
		}
		next = st * (1 + math.Exp(s.W[8])*(11-d)*math.Pow(st, -s.W[9])*(math.Exp((1-ret)*s.W[10])-1)*hard*easy)
	}
	return max(next, minStability)
}
