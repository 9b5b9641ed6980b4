package classreport

import (
	"math"
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func at(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

func near(got *float64, want float64) bool { return got != nil && math.Abs(*got-want) < 1e-4 }

// The worked example, by hand. Four learners, three items, first tries
// (1 right, 0 not):
//
//	     i1 i2 i3
//	A     1  1  1
//	B     1  0  1
//	C     0  0  1
//	D     0  1  0
//
// i1: x = 1 1 0 0; the totals over the other items (i2+i3) y = 2 1 1 1.
// M1 = 1.5, M0 = 1, mean y = 1.25, s_y = sqrt(((.75)^2 + 3(.25)^2)/4) =
// sqrt(.1875) = .4330, p = q = .5: r = (1.5-1)/.4330 * .5 = .5774 (1/sqrt 3).
// i2: x = 1 0 0 1; y (i1+i3) = 2 2 1 0. M1 = 1, M0 = 1.5, mean 1.25,
// s_y = sqrt((.5625+.5625+.0625+1.5625)/4) = sqrt(11)/4 = .8292:
// r = (1-1.5)/.8292 * .5 = -.3015 (-1/sqrt 11).
// i3: x = 1 1 1 0; y (i1+i2) = 2 1 0 1. M1 = 1, M0 = 1: r = 0.
func workedExample() Input {
	scores := map[string][3]bool{
		"A": {true, true, true},
		"B": {true, false, true},
		"C": {false, false, true},
		"D": {false, true, false},
	}
	var in Input
	for l, s := range scores {
		for i, right := range s {
			item := []string{"i1", "i2", "i3"}[i]
			pick := "wrong"
			if right {
				pick = "right"
			}
			in.Answers = append(in.Answers, Answer{Learner: l, Item: item, Right: right, Picked: []string{pick}, At: at(i)})
		}
	}
	return in
}

func TestDiscriminationWorkedExample(t *testing.T) {
	rep := Analyze(workedExample())
	want := map[string]struct{ p, r float64 }{
		"i1": {0.5, 1 / math.Sqrt(3)},
		"i2": {0.5, -1 / math.Sqrt(11)},
		"i3": {0.75, 0},
	}
	if len(rep.Items) != 3 {
		t.Fatalf("items %+v", rep.Items)
	}
	for _, it := range rep.Items {
		w := want[it.ID]
		if it.PValue != w.p || !near(it.Discrimination, w.r) || it.Learners != 4 || it.Answered != 4 {
			t.Errorf("%s: p %v discrimination %v (learners %d, answered %d), want p %v r %.4f", it.ID, it.PValue, deref(it.Discrimination), it.Learners, it.Answered, w.p, w.r)
		}
	}
	// Learner A: 3 of 3 right first; D: 1 of 3.
	if a := rep.Learners[0]; a.ID != "A" || !near(a.FirstTryAccuracy, 1) || a.ItemsAnswered != 3 || !a.LastSeen.Equal(at(2)) {
		t.Errorf("learner A: %+v", a)
	}
	if d := rep.Learners[3]; d.ID != "D" || !near(d.FirstTryAccuracy, 1.0/3) {
		t.Errorf("learner D: %+v", d)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestPointBiserial(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y []float64
		want *float64 // nil: undefined
	}{
		{"worked i1", []float64{1, 1, 0, 0}, []float64{2, 1, 1, 1}, ptr(0.57735)},
		{"perfect", []float64{1, 0}, []float64{5, 1}, ptr(1.0)},
		{"reversed", []float64{0, 1, 0, 1}, []float64{3, 0, 3, 0}, ptr(-1.0)},
		{"everyone right: no variance in x", []float64{1, 1, 1}, []float64{0, 1, 2}, nil},
		{"same total: no variance in y", []float64{1, 0, 1}, []float64{2, 2, 2}, nil},
		{"one learner", []float64{1}, []float64{3}, nil},
		{"none", nil, nil, nil},
	} {
		got := PointBiserial(tc.x, tc.y)
		if (got == nil) != (tc.want == nil) || tc.want != nil && !near(got, *tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, deref(got), deref(tc.want))
		}
	}
}

func TestFirstTryIsTheEarliestAnswer(t *testing.T) {
	// B missed i1 on Monday and got it right later; logged out of order.
	in := Input{
		Learners: []Learner{{ID: "B", Name: "Bea", LessonsDone: 2, CurrentLesson: "sqs", ExercisesPassed: 1, LastSeen: at(50)}, {ID: "Z"}},
		Items:    []Item{{ID: "i2", Choices: []string{"x", "y"}}, {ID: "i1", Choices: []string{"a", "b", "c"}}},
		Answers: []Answer{
			{Learner: "B", Item: "i1", Right: true, Picked: []string{"a"}, At: at(30)},
			{Learner: "B", Item: "i1", Right: false, Picked: []string{"b"}, At: at(10)},
			{Learner: "A", Item: "i1", Right: false, Picked: []string{}, At: at(5)},           // a skip
			{Learner: "C", Item: "i1", Right: true, Picked: nil, At: at(6)},                   // picks not recorded
			{Learner: "C", Item: "i1", Right: false, Picked: []string{"old text"}, At: at(7)}, // not a first try
			{Learner: "A", Item: "i9", Right: true, Picked: []string{"p", "q"}, At: at(8)},
		},
	}
	rep := Analyze(in)
	ids := []string{}
	for _, l := range rep.Learners {
		ids = append(ids, l.ID)
	}
	if !reflect.DeepEqual(ids, []string{"A", "B", "C", "Z"}) {
		t.Fatalf("learners %v: want every learner of the store and of the log, by ID", ids)
	}
	b := rep.Learners[1]
	if b.Name != "Bea" || b.LessonsDone != 2 || b.CurrentLesson != "sqs" || b.ExercisesPassed != 1 || !near(b.FirstTryAccuracy, 0) || !b.LastSeen.Equal(at(50)) {
		t.Errorf("B: %+v", b)
	}
	if z := rep.Learners[3]; z.FirstTryAccuracy != nil || z.LastSeen != nil || z.ItemsAnswered != 0 {
		t.Errorf("Z answered nothing: want null accuracy and last seen, got %+v", z)
	}
	if len(rep.Items) != 2 || rep.Items[0].ID != "i1" || rep.Items[1].ID != "i9" {
		t.Fatalf("items %+v: want the listed answered items (i2 never answered), then the rest", rep.Items)
	}
	i1 := rep.Items[0]
	wantChoices := []ChoiceCount{{"a", 0}, {"b", 1}, {"c", 0}}
	if i1.Answered != 5 || i1.Learners != 3 || !near(&i1.PValue, 1.0/3) || i1.Skipped != 1 || !reflect.DeepEqual(i1.Choices, wantChoices) {
		t.Errorf("i1: %+v, want answered 5, learners 3, p 1/3, 1 skip, choices %v", i1, wantChoices)
	}
	i9 := rep.Items[1]
	if !reflect.DeepEqual(i9.Choices, []ChoiceCount{{"p", 1}, {"q", 1}}) || i9.Discrimination != nil {
		t.Errorf("i9: %+v, want both picks of a multi answer and no discrimination for one learner", i9)
	}
}

func TestEmptyInput(t *testing.T) {
	rep := Analyze(Input{})
	if rep.Learners == nil || rep.Items == nil || len(rep.Learners)+len(rep.Items) != 0 {
		t.Errorf("want empty, non-nil lists (JSON [] not null): %+v", rep)
	}
}
