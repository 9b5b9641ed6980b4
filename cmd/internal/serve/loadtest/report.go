package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// percentile is the p-th percentile (0 < p <= 100) of ds, nearest rank;
// zero for none.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(p/100*float64(len(s))+0.999999) - 1
	return s[min(max(rank, 0), len(s)-1)]
}

// tally compares, per learner and item, the first answers a learner was
// shown with the answers the store holds.
type tally struct {
	Shown, Stored int
	// Lost: shown but not stored (budget: 0).
	Lost int
	// InFlight: submitted when the connection dropped, feedback never seen
	// (stored or not: both are right).
	InFlight, InFlightStored int
	// Extra: stored beyond what was shown or in flight (duplicates).
	Extra int
	// Strangers: stored answers of learners this run did not drive.
	Strangers int
}

// compare counts shown (learner -> item -> times), inflight (the same, for
// answers whose feedback never came) against stored (the same, from the
// store).
func compare(shown, inflight, stored map[string]map[string]int) tally {
	var t tally
	for who, items := range stored {
		for _, n := range items {
			t.Stored += n
			if shown[who] == nil && inflight[who] == nil {
				t.Strangers += n
			}
		}
	}
	for who, items := range shown {
		for item, n := range items {
			t.Shown += n
			t.Lost += max(0, n-stored[who][item])
		}
	}
	for _, items := range inflight {
		for _, n := range items {
			t.InFlight += n
		}
	}
	learners := map[string]bool{}
	for who := range shown {
		learners[who] = true
	}
	for who := range inflight {
		learners[who] = true
	}
	for who := range learners {
		items := map[string]bool{}
		for item := range shown[who] {
			items[item] = true
		}
		for item := range inflight[who] {
			items[item] = true
		}
		for item := range stored[who] {
			items[item] = true
		}
		for item := range items {
			beyond := stored[who][item] - shown[who][item]
			if beyond <= 0 {
				continue
			}
			fl := min(beyond, inflight[who][item])
			t.InFlightStored += fl
			t.Extra += beyond - fl
		}
	}
	return t
}

// result is one phase's numbers.
type result struct {
	Name             string
	Learners         int
	Duration         time.Duration
	HeldMax, HeldEnd int             // sessions held: most at once, and at the end
	Connects         int             // sessions opened (reconnects included)
	Drops            int             // sessions that ended under a learner (the kill)
	ConnectFails     int             // connections refused or timed out
	Errors           int             // anything else: a screen that never came, ...
	FirstFrame       []time.Duration // tutor serve
	BareFrame        []time.Duration // barewish
	Commit           []time.Duration // answer key to feedback
	Tally            tally
	IdleRSS, FullRSS int64 // bytes: before anyone connects; with (nearly) every session
	HeldAtRSS        int   // sessions held when FullRSS was read
	HWM              int64
	// MaxLag: most answers shown but not yet in the store, sampled every
	// 2s; LagAtKill: the same just after the SIGKILL.
	MaxLag, LagAtKill int64
	Killed            bool
	Named             int // learners who met a name prompt
	SampleErrors      []string
}

func (r result) ratio() float64 {
	b := percentile(r.BareFrame, 50)
	if b == 0 {
		return 0
	}
	return float64(percentile(r.FirstFrame, 50)) / float64(b)
}

// budgets lists the budgets r misses.
func (r result) budgets() []string {
	var out []string
	if r.Tally.Lost > 0 {
		out = append(out, fmt.Sprintf("%s: %d answers shown to a learner are not in the store (budget: 0)", r.Name, r.Tally.Lost))
	}
	if x := r.ratio(); !r.Killed && x > 1.5 {
		out = append(out, fmt.Sprintf("%s: first-frame p50 is %.2fx the bare wish program's (budget: 1.5x)", r.Name, x))
	}
	if r.Tally.Shown == 0 {
		out = append(out, fmt.Sprintf("%s: no answer was shown: the learners did not get to a quiz", r.Name))
	}
	return out
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/(1<<20)) }

// printTable writes the phases side by side.
func printTable(w io.Writer, rs []result) {
	rows := [][]string{{"", ""}}
	add := func(label string, f func(r result) string) {
		row := []string{label}
		for _, r := range rs {
			row = append(row, f(r))
		}
		rows = append(rows, row)
	}
	rows[0] = []string{"phase"}
	for _, r := range rs {
		rows[0] = append(rows[0], r.Name)
	}
	add("learners", func(r result) string { return fmt.Sprint(r.Learners) })
	add("duration", func(r result) string { return r.Duration.Round(time.Second).String() })
	add("sessions held (most at once / at end)", func(r result) string { return fmt.Sprintf("%d / %d", r.HeldMax, r.HeldEnd) })
	add("sessions opened (reconnects incl.)", func(r result) string { return fmt.Sprint(r.Connects) })
	add("first frame tutor serve p50 / p99", func(r result) string {
		return ms(percentile(r.FirstFrame, 50)) + " / " + ms(percentile(r.FirstFrame, 99))
	})
	add("first frame bare wish p50 / p99", func(r result) string {
		return ms(percentile(r.BareFrame, 50)) + " / " + ms(percentile(r.BareFrame, 99))
	})
	add("first frame p50 ratio (budget 1.5x)", func(r result) string { return fmt.Sprintf("%.2fx", r.ratio()) })
	add("answers shown / written", func(r result) string { return fmt.Sprintf("%d / %d", r.Tally.Shown, r.Tally.Stored) })
	add("answers lost (budget 0)", func(r result) string { return fmt.Sprint(r.Tally.Lost) })
	add("in flight at a drop or the end (stored)", func(r result) string {
		return fmt.Sprintf("%d (%d)", r.Tally.InFlight, r.Tally.InFlightStored)
	})
	add("duplicates (stored, never shown)", func(r result) string { return fmt.Sprint(r.Tally.Extra + r.Tally.Strangers) })
	add("store lag: shown, not yet stored (most / at kill)", func(r result) string {
		if !r.Killed {
			return fmt.Sprintf("%d / -", r.MaxLag)
		}
		return fmt.Sprintf("%d / %d", r.MaxLag, r.LagAtKill)
	})
	add("answer to feedback p50 / p99", func(r result) string {
		return ms(percentile(r.Commit, 50)) + " / " + ms(percentile(r.Commit, 99))
	})
	add("server RSS idle / all sessions", func(r result) string {
		if r.FullRSS == 0 {
			return "-"
		}
		return mb(r.IdleRSS) + " / " + mb(r.FullRSS)
	})
	add("memory per session", func(r result) string {
		if r.FullRSS == 0 || r.HeldAtRSS == 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f KB", float64(r.FullRSS-r.IdleRSS)/float64(r.HeldAtRSS)/1024)
	})
	add("server VmHWM", func(r result) string { return mb(r.HWM) })
	add("sessions dropped / connects failed", func(r result) string { return fmt.Sprintf("%d / %d", r.Drops, r.ConnectFails) })
	add("other learner errors (timeouts)", func(r result) string { return fmt.Sprint(r.Errors) })
	add("name prompts answered", func(r result) string { return fmt.Sprint(r.Named) })
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			b.WriteString(c + strings.Repeat(" ", widths[i]-len([]rune(c))+2))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
