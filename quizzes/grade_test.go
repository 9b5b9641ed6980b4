package quizzes

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func mkItem(id string, kind Kind, correct ...bool) *Item {
	it := &Item{ID: id, Lesson: "x", Kind: kind}
	for i, c := range correct {
		text := fmt.Sprintf("choice %d", i)
		if kind == TrueFalse {
			text = []string{"True", "False"}[i]
		}
		it.Choices = append(it.Choices, Choice{Text: text, Correct: c, Why: "why"})
	}
	return it
}

func TestGrade(t *testing.T) {
	single := mkItem("s", Single, false, true, false)
	multi := mkItem("m", Multi, true, false, true, false)
	tf := mkItem("t", TrueFalse, false, true)
	tests := []struct {
		item    *Item
		chosen  []int
		correct bool
		wrong   []int
		missing []int
	}{
		{single, []int{1}, true, nil, nil},
		{single, []int{0}, false, []int{0}, []int{1}},
		{single, []int{1, 2}, false, []int{2}, nil},
		{single, []int{1, 1}, true, nil, nil},
		{single, nil, false, nil, []int{1}},
		{multi, []int{0, 2}, true, nil, nil},
		{multi, []int{2, 0}, true, nil, nil},
		{multi, []int{0}, false, nil, []int{2}},
		{multi, []int{0, 1, 2}, false, []int{1}, nil},
		{multi, []int{3}, false, []int{3}, []int{0, 2}},
		{tf, []int{1}, true, nil, nil},
		{tf, []int{0}, false, []int{0}, []int{1}},
	}
	for _, tt := range tests {
		v := tt.item.Grade(tt.chosen)
		if v.Correct != tt.correct || !slices.Equal(v.Wrong, tt.wrong) || !slices.Equal(v.Missing, tt.missing) {
			t.Errorf("%s %v: got %+v, want correct=%v wrong=%v missing=%v", tt.item.Kind, tt.chosen, v, tt.correct, tt.wrong, tt.missing)
		}
	}
}

func TestOrderIsSeededPermutation(t *testing.T) {
	it := mkItem("sync-trigger", Single, true, false, false, false)
	a, b := it.Order(7), it.Order(7)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed, different orders: %v %v", a, b)
	}
	sorted := slices.Sorted(slices.Values(a))
	if !slices.Equal(sorted, []int{0, 1, 2, 3}) {
		t.Fatalf("not a permutation: %v", a)
	}
	differs := false
	for seed := uint64(8); seed < 20; seed++ {
		if !slices.Equal(it.Order(seed), a) {
			differs = true
		}
	}
	if !differs {
		t.Error("order never changes with the seed")
	}
	tf := &Item{ID: "t", Kind: TrueFalse, Choices: []Choice{{Text: "False"}, {Text: "True"}}}
	if got := tf.Order(3); !slices.Equal(got, []int{1, 0}) {
		t.Errorf("true-false order %v, want True first", got)
	}
}

func bankOf(n int) *Bank {
	var items []*Item
	for i := range n {
		items = append(items, mkItem(fmt.Sprintf("i%02d", i), Single, true, false))
		items[i].Lesson = []string{"a", "b"}[i%2]
	}
	return NewBank(items)
}

func ids(items []*Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func TestSelect(t *testing.T) {
	b := bankOf(20)
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	rv := NewReview()
	s := QuizScheduler()

	first := ids(Select(b, rv, Query{Seed: 7, Seeded: true, Count: 5, Now: now}))
	if len(first) != 5 {
		t.Fatalf("count 5 gave %d", len(first))
	}
	rv.Answer(first[0], false, now, s) // state must not matter to a seeded run
	if again := ids(Select(b, rv, Query{Seed: 7, Seeded: true, Count: 5, Now: now})); !slices.Equal(first, again) {
		t.Errorf("seed 7 twice: %v then %v", first, again)
	}
	if other := ids(Select(b, rv, Query{Seed: 8, Seeded: true, Count: 5, Now: now})); slices.Equal(first, other) {
		t.Errorf("seed 8 asks the same as seed 7: %v", other)
	}

	// Unseeded: the missed item first, then unseen, then answered right.
	rv = NewReview()
	rv.Answer("i05", true, now, s)
	rv.Answer("i11", false, now, s)
	got := ids(Select(b, rv, Query{Seed: 1, Count: 20, Now: now.Add(time.Minute)}))
	if got[0] != "i11" || got[19] != "i05" {
		t.Errorf("order %v: want i11 (missed) first and i05 (right, not due) last", got)
	}

	// Review: only due items, soonest due first.
	rv = NewReview()
	rv.Answer("i03", false, now.Add(2*time.Minute), s)
	rv.Answer("i09", false, now, s)
	rv.Answer("i04", true, now, s)
	if got := ids(Select(b, rv, Query{Review: true, Now: now.Add(time.Hour)})); !slices.Equal(got, []string{"i09", "i03"}) {
		t.Errorf("review %v, want [i09 i03]", got)
	}
	if got := Select(b, NewReview(), Query{Review: true, Now: now}); len(got) != 0 {
		t.Errorf("review with nothing answered: %v", ids(got))
	}

	// Filters.
	if got := ids(Select(b, rv, Query{Items: []string{"i07", "i02"}, Now: now})); !slices.Equal(got, []string{"i07", "i02"}) {
		t.Errorf("items %v, want [i07 i02] in the order named", got)
	}
	for _, it := range Select(b, rv, Query{Lessons: []string{"b"}, Count: 20, Seed: 3, Now: now}) {
		if it.Lesson != "b" {
			t.Errorf("lesson filter let %s (lesson %s) through", it.ID, it.Lesson)
		}
	}
}

func TestClosest(t *testing.T) {
	known := []string{"sync-trigger", "sqs/visibility", "sqs/batch-size", "s3/event-types"}
	if got := Closest("sync-triger", known, 3); len(got) == 0 || got[0] != "sync-trigger" {
		t.Errorf("Closest(sync-triger) = %v", got)
	}
	if got := Closest("sqs", known, 3); !slices.Contains(got, "sqs/batch-size") {
		t.Errorf("Closest(sqs) = %v", got)
	}
}
