package classreport

import (
	"reflect"
	"testing"
	"time"
)

func TestStuck(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	ago := func(m int) time.Time { return now.Add(-time.Duration(m) * time.Minute) }
	on := func(l string, m int) OnLesson { return OnLesson{Learner: l, Lesson: "s3", Since: ago(m)} }
	miss := func(l, item string, m int) Answer { return Answer{Learner: l, Item: item, At: ago(m)} }
	right := func(l, item string, m int) Answer { return Answer{Learner: l, Item: item, Right: true, At: ago(m)} }
	check := func(l string, passed bool, m int) Check {
		return Check{Learner: l, Exercise: "ex1", Passed: passed, At: ago(m)}
	}
	cases := []struct {
		name    string
		on      []OnLesson
		answers []Answer
		checks  []Check
		want    map[string][]string
	}{
		{name: "nobody", want: map[string][]string{}},
		{name: "over 2x the median and 10m", on: []OnLesson{on("a", 5), on("b", 6), on("c", 30)},
			want: map[string][]string{"c": {"on s3 for 30m (class median 6m)"}}},
		{name: "over 2x the median but under 10m", on: []OnLesson{on("a", 2), on("b", 3), on("c", 9)},
			want: map[string][]string{}},
		{name: "over 10m but under 2x the median", on: []OnLesson{on("a", 20), on("b", 25), on("c", 45)},
			want: map[string][]string{}},
		{name: "exactly 2x the median is not stuck", on: []OnLesson{on("a", 10), on("b", 20), on("c", 40)},
			want: map[string][]string{}},
		{name: "alone never beats their own median", on: []OnLesson{on("a", 300)}, want: map[string][]string{}},
		{name: "three misses in a row", answers: []Answer{miss("a", "q1", 9), miss("a", "q1", 5), miss("a", "q1", 1)},
			want: map[string][]string{"a": {"missed q1 3 times in a row"}}},
		{name: "a right answer resets the misses", answers: []Answer{miss("a", "q1", 9), miss("a", "q1", 5), right("a", "q1", 3), miss("a", "q1", 1)},
			want: map[string][]string{}},
		{name: "misses on different items or learners do not add up", answers: []Answer{miss("a", "q1", 9), miss("a", "q2", 5), miss("b", "q1", 1)},
			want: map[string][]string{}},
		{name: "the log's order does not matter", answers: []Answer{miss("a", "q1", 1), right("a", "q1", 3), miss("a", "q1", 9), miss("a", "q1", 5)},
			want: map[string][]string{}},
		{name: "failing for over 15m", checks: []Check{check("a", false, 20), check("a", false, 2)},
			want: map[string][]string{"a": {"exercise ex1 failing for 20m"}}},
		{name: "failing for under 15m", checks: []Check{check("a", false, 14), check("a", false, 2)},
			want: map[string][]string{}},
		{name: "a pass ends failing", checks: []Check{check("a", false, 40), check("a", true, 30)},
			want: map[string][]string{}},
		{name: "failing again after a pass counts from the new failure", checks: []Check{check("a", false, 60), check("a", true, 30), check("a", false, 10)},
			want: map[string][]string{}},
		{name: "every rule at once", on: []OnLesson{on("a", 1), on("b", 2), on("c", 60)},
			answers: []Answer{miss("c", "q1", 9), miss("c", "q1", 5), miss("c", "q1", 1)},
			checks:  []Check{check("c", false, 16)},
			want:    map[string][]string{"c": {"on s3 for 1h00m (class median 2m)", "missed q1 3 times in a row", "exercise ex1 failing for 16m"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := DefaultStuck.Stuck(now, c.on, c.answers, c.checks)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestShort(t *testing.T) {
	for d, want := range map[time.Duration]string{45 * time.Second: "45s", 12 * time.Minute: "12m", 185 * time.Minute: "3h05m", 52 * time.Hour: "2d4h"} {
		if got := Short(d); got != want {
			t.Errorf("Short(%v) = %q, want %q", d, got, want)
		}
	}
}
