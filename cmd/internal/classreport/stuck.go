package classreport

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// StuckRules say when a learner looks stuck. A learner is stuck when any
// rule holds; each rule that holds gives one short reason.
//
//   - On a lesson: they have been on their current, unfinished lesson for
//     more than MedianFactor times the class median (over every learner on
//     an unfinished lesson) AND more than MinOnLesson.
//   - Misses: their latest Misses or more answers to one item were all
//     wrong (no right answer since).
//   - Failing: an exercise not passed since has been failing for more than
//     FailingFor: its latest check failed, and the first failed check after
//     its last pass (or ever) is older than that.
type StuckRules struct {
	MedianFactor float64
	MinOnLesson  time.Duration
	Misses       int
	FailingFor   time.Duration
}

// DefaultStuck are the board's rules: more than 2x the class median and
// more than 10 minutes on one lesson; 3 misses in a row on one item; an
// exercise failing its checks for more than 15 minutes.
var DefaultStuck = StuckRules{MedianFactor: 2, MinOnLesson: 10 * time.Minute, Misses: 3, FailingFor: 15 * time.Minute}

// OnLesson is a learner on an unfinished lesson since a time (when they
// left the lesson before it, or their first activity).
type OnLesson struct {
	Learner, Lesson string
	Since           time.Time
}

// Check is one exercise check's verdict.
type Check struct {
	Learner, Exercise string
	Passed            bool
	At                time.Time
}

// Stuck applies the rules at time now: the reasons, by learner, of every
// learner who looks stuck (learners who do not are absent).
func (r StuckRules) Stuck(now time.Time, on []OnLesson, answers []Answer, checks []Check) map[string][]string {
	out := map[string][]string{}
	if len(on) > 0 {
		ds := make([]time.Duration, len(on))
		for i, o := range on {
			ds[i] = max(0, now.Sub(o.Since))
		}
		med := median(ds)
		for i, o := range on {
			if d := ds[i]; float64(d) > r.MedianFactor*float64(med) && d > r.MinOnLesson {
				out[o.Learner] = append(out[o.Learner], fmt.Sprintf("on %s for %s (class median %s)", o.Lesson, Short(d), Short(med)))
			}
		}
	}
	type key struct{ learner, thing string }
	misses := map[key]int{}
	var order []key
	for _, a := range sortedByTime(answers, func(a Answer) time.Time { return a.At }) {
		k := key{a.Learner, a.Item}
		if _, seen := misses[k]; !seen {
			order = append(order, k)
		}
		if a.Right {
			misses[k] = 0
		} else {
			misses[k]++
		}
	}
	for _, k := range order {
		if n := misses[k]; r.Misses > 0 && n >= r.Misses {
			out[k.learner] = append(out[k.learner], fmt.Sprintf("missed %s %d times in a row", k.thing, n))
		}
	}
	failingSince := map[key]time.Time{}
	order = order[:0]
	for _, c := range sortedByTime(checks, func(c Check) time.Time { return c.At }) {
		k := key{c.Learner, c.Exercise}
		if _, seen := failingSince[k]; !seen {
			order = append(order, k)
		}
		switch {
		case c.Passed:
			failingSince[k] = time.Time{}
		case failingSince[k].IsZero():
			failingSince[k] = c.At
		}
	}
	for _, k := range order {
		if s := failingSince[k]; !s.IsZero() && now.Sub(s) > r.FailingFor {
			out[k.learner] = append(out[k.learner], fmt.Sprintf("exercise %s failing for %s", k.thing, Short(now.Sub(s))))
		}
	}
	return out
}

func sortedByTime[T any](xs []T, at func(T) time.Time) []T {
	s := slices.Clone(xs)
	sort.SliceStable(s, func(i, j int) bool { return at(s[i]).Before(at(s[j])) })
	return s
}

// median of ds (the mean of the middle two for an even count).
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Short writes a duration for a narrow column: 45s, 12m, 3h05m, 2d4h.
func Short(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd%dh", int(d.Hours())/24, int(d.Hours())%24)
}
