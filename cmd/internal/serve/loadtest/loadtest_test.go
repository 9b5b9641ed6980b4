package main

// Tests of the load test's pure parts. The load test itself is a program
// (see the README's "Load test"): it never runs under go test.

import (
	"strings"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Millisecond)
		}
		return out
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("percentile(nil) = %v, want 0", got)
	}
	xs := ms(5, 1, 4, 2, 3)
	for _, c := range []struct {
		p    float64
		want time.Duration
	}{{50, 3 * time.Millisecond}, {99, 5 * time.Millisecond}, {1, time.Millisecond}, {100, 5 * time.Millisecond}} {
		if got := percentile(xs, c.p); got != c.want {
			t.Errorf("percentile(p%v) = %v, want %v", c.p, got, c.want)
		}
	}
	if xs[0] != 5*time.Millisecond {
		t.Error("percentile sorted its argument in place")
	}
}

func TestCompare(t *testing.T) {
	m := func(kv ...any) map[string]map[string]int {
		out := map[string]map[string]int{}
		for i := 0; i < len(kv); i += 3 {
			bump(out, kv[i].(string), kv[i+1].(string), kv[i+2].(int))
		}
		return out
	}
	shown := m("a", "q1", 2, "a", "q2", 1, "b", "q1", 1)
	inflight := m("b", "q2", 1, "b", "q3", 1)
	stored := m("a", "q1", 2, "a", "q2", 2, "b", "q2", 1, "c", "q9", 1)
	got := compare(shown, inflight, stored)
	want := tally{Shown: 4, Stored: 6, Lost: 1, InFlight: 2, InFlightStored: 1, Extra: 1, Strangers: 1}
	if got != want {
		t.Errorf("compare = %+v, want %+v", got, want)
	}
}

func TestScreens(t *testing.T) {
	quiz := `Quiz: Amazon S3 · Review · Question 2 of 3  [s3/event-order]
Which is true?
Choose all that apply (space), then enter.

›   [ ] 1. One
    [x] 2. Two
  ✓ [ ] 3. Three
↑/k up • ? more`
	q, ok := parseQuestion(quiz)
	if !ok || q != (question{id: "s3/event-order", index: 2, review: true, multi: true, choices: 3}) {
		t.Errorf("parseQuestion = %+v, %v", q, ok)
	}
	cut := "Quiz: A long title · Question 6 of 12  [event-sources/sqs-batch-one-bad-mess…\nx\n( ) 1. a"
	if q, ok := parseQuestion(cut); !ok || q.id != "" || q.index != 6 {
		t.Errorf("parseQuestion(cut header) = %+v, %v; want index 6 and no id", q, ok)
	}
	if _, ok := parseQuestion("AWS Lambda\n0 of 17 lessons done"); ok {
		t.Error("parseQuestion took the outline for a question")
	}
	if c, n, ok := lessonOf("Amazon S3  lesson 6 of 17\ntext"); !ok || c != 6 || n != 17 {
		t.Errorf("lessonOf = %d, %d, %v", c, n, ok)
	}
	for _, c := range []struct {
		screen string
		want   int
	}{
		{"AWS Lambda\n0 of 17 lessons done\n\n" + helpLine, 0},
		{"AWS Lambda\n0 of 17 lessons done", -1}, // not drawn whole yet
		{"Amazon S3  lesson 6 of 17\n\nt quiz • " + helpLine, 0},
		{"Welcome! What is your name?\n> ", 1},
		{"", -1},
	} {
		if got := firstScreen(c.screen); got != c.want {
			t.Errorf("firstScreen(%q) = %d, want %d", c.screen, got, c.want)
		}
	}
}

func TestParseStatus(t *testing.T) {
	rss, hwm, err := parseStatus("Name:\ttutor\nVmHWM:\t   2048 kB\nVmRSS:\t   1024 kB\n")
	if err != nil || rss != 1024*1024 || hwm != 2048*1024 {
		t.Errorf("parseStatus = %d, %d, %v", rss, hwm, err)
	}
	if _, _, err := parseStatus("Name:\ttutor\n"); err == nil {
		t.Error("parseStatus without VmRSS: no error")
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, a := range []string{"127.0.0.1:0", "[::1]:2222"} {
		if err := loopbackOnly(a); err != nil {
			t.Errorf("loopbackOnly(%s) = %v", a, err)
		}
	}
	for _, a := range []string{"0.0.0.0:2222", "10.0.0.1:22", "localhost", ":2222"} {
		if err := loopbackOnly(a); err == nil || !strings.Contains(err.Error(), "--listen") {
			t.Errorf("loopbackOnly(%s) = %v, want a refusal naming --listen", a, err)
		}
	}
}
