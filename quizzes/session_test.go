package quizzes

import (
	"slices"
	"testing"
)

func sessionItems() []*Item {
	return []*Item{
		{ID: "one", Kind: Single, Prompt: "p", Choices: []Choice{{Text: "right", Correct: true, Why: "r"}, {Text: "wrong", Why: "w"}, {Text: "also wrong", Why: "w2"}}},
		{ID: "many", Kind: Multi, Prompt: "p", Choices: []Choice{{Text: "a", Correct: true}, {Text: "b"}, {Text: "c", Correct: true}}},
		{ID: "skip", Kind: TrueFalse, Prompt: "p", Choices: []Choice{{Text: "True", Correct: true}, {Text: "False"}}},
	}
}

// pos is the display position of choice text in the current item.
func pos(s *Session, text string) int {
	for p, ci := range s.Order() {
		if s.Item().Choices[ci].Text == text {
			return p
		}
	}
	return -1
}

func TestSessionRules(t *testing.T) {
	s := NewSession(sessionItems(), 3)

	if fb := s.AnswerLine("9"); fb.Kind != Invalid || fb.Message == "" || fb.First {
		t.Fatalf("out of range: %+v", fb)
	}
	fb := s.Answer([]int{pos(s, "wrong")})
	if fb.Kind != Missed || !fb.First || fb.FirstRight || !slices.Equal(fb.Choices, []int{1}) || fb.Headline() != MissedLine {
		t.Fatalf("first miss: %+v", fb)
	}
	if fb = s.Answer([]int{pos(s, "right")}); fb.Kind != Right || fb.First || fb.Headline() != RightLine || !s.Answered() {
		t.Fatalf("then right: %+v", fb)
	}
	if fb = s.Answer([]int{0}); fb.Kind != NoFeedback {
		t.Fatalf("an answered item takes no more answers: %+v", fb)
	}
	s.Next()

	if fb = s.Answer(nil); fb.Kind != Invalid {
		t.Fatalf("nothing chosen: %+v", fb)
	}
	if fb = s.Answer([]int{pos(s, "a")}); fb.Kind != Missed || !fb.NotAll || len(fb.Choices) != 0 || !fb.First {
		t.Fatalf("not all: %+v", fb)
	}
	if fb = s.Answer([]int{pos(s, "a"), pos(s, "c")}); fb.Kind != Right {
		t.Fatalf("all: %+v", fb)
	}
	s.Next()

	if fb = s.AnswerLine("  "); fb.Kind != Skipped || !fb.First || fb.FirstRight || !slices.Equal(fb.Choices, []int{0}) || fb.Headline() != SkippedLine {
		t.Fatalf("skip: %+v", fb)
	}
	if s.Next() || !s.Done() || s.Item() != nil {
		t.Fatal("the session should be done")
	}
	res := s.Result()
	want := []ItemResult{{ID: "one", Attempts: 2}, {ID: "many", Attempts: 2}, {ID: "skip", Skipped: true}}
	if !slices.Equal(res.Items, want) || res.Answered != 3 || res.CorrectFirstTry != 0 || s.Passed() {
		t.Fatalf("result %+v passed %v", res, s.Passed())
	}
	if res.ScoreLine() != "Score: 0/3 right on the first try" {
		t.Fatal(res.ScoreLine())
	}
}

func TestSessionCloneIsIndependent(t *testing.T) {
	s := NewSession(sessionItems()[:1], 1)
	c := s.Clone()
	c.Answer([]int{pos(c, "right")})
	if len(s.Results()) != 0 || s.Answered() {
		t.Fatal("answering a clone changed the original")
	}
	if c.Next() || !c.Passed() {
		t.Fatalf("clone: done %v passed %v", c.Done(), c.Passed())
	}
}

// fiveItems are five single-answer items keyed "right".
func fiveItems() []*Item {
	var out []*Item
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		out = append(out, &Item{ID: id, Kind: Single, Prompt: "p", Choices: []Choice{{Text: "right", Correct: true}, {Text: "wrong"}, {Text: "other"}}})
	}
	return out
}

// sit answers every item of the first round: right on the first try when
// first[i], else wrong once and then right.
func sit(s *Session, first []bool) {
	for i := 0; !s.Done() && !s.Reviewing(); i++ {
		if !first[i] {
			s.Answer([]int{pos(s, "wrong")})
		}
		s.Answer([]int{pos(s, "right")})
		s.Next()
	}
}

func TestSessionPassMark(t *testing.T) {
	tests := []struct {
		name  string
		first []bool
		mark  float64
		want  bool
	}{
		{"2 of 5 right on the first try", []bool{true, false, true, false, false}, 0, false},
		{"3 of 5", []bool{true, false, true, false, true}, 0, false},
		{"4 of 5 reaches 80%", []bool{true, true, true, false, true}, 0, true},
		{"5 of 5", []bool{true, true, true, true, true}, 0, true},
		{"4 of 5 under a mark of 0.9", []bool{true, true, true, false, true}, 0.9, false},
		{"3 of 5 reaches a mark of 0.6", []bool{true, false, true, false, true}, 0.6, true},
	}
	for _, tt := range tests {
		for _, requeue := range []bool{false, true} {
			s := NewSessionRules(fiveItems(), 1, Rules{PassMark: tt.mark, Requeue: requeue})
			sit(s, tt.first)
			if s.Passed() != tt.want {
				t.Errorf("%s (requeue %v): passed %v, want %v", tt.name, requeue, s.Passed(), tt.want)
			}
		}
	}
	if s := NewSession(fiveItems(), 1); s.Passed() {
		t.Error("a session with nothing answered passed")
	}
	if Passes(0, 0, 0.5) {
		t.Error("no items passed")
	}
}

func TestSessionReviewRound(t *testing.T) {
	s := NewSessionRules(fiveItems(), 1, Rules{Requeue: true})
	sit(s, []bool{true, false, true, false, true})
	if !s.Reviewing() || s.Done() || s.Len() != 2 || s.Index() != 0 || s.Item().ID != "b" {
		t.Fatalf("want a review round of b and d, at b: reviewing %v len %d item %v", s.Reviewing(), s.Len(), s.Item())
	}
	before := s.Result()
	fb := s.Answer([]int{pos(s, "wrong")})
	if fb.Kind != Missed || fb.First {
		t.Fatalf("a miss in review: %+v (it must not be recorded as a first answer)", fb)
	}
	s.Answer([]int{pos(s, "right")})
	s.Next()
	if fb = s.Skip(); fb.Kind != Skipped || fb.First {
		t.Fatalf("skip in review: %+v", fb)
	}
	s.Next()
	if s.Done() || s.Item().ID != "d" || s.Len() != 3 {
		t.Fatalf("a skipped item comes back at the end of the round: done %v item %v len %d", s.Done(), s.Item(), s.Len())
	}
	s.Answer([]int{pos(s, "right")})
	if s.Next() || !s.Done() {
		t.Fatal("the session should be done once every missed item was answered right")
	}
	after := s.Result()
	if !slices.Equal(before.Items, after.Items) || after.CorrectFirstTry != 3 || s.Passed() {
		t.Errorf("the review round changed the result: %+v -> %+v (passed %v)", before, after, s.Passed())
	}
	missed := s.Missed()
	if len(missed) != 2 || missed[0].ID != "b" || missed[1].ID != "d" {
		t.Errorf("missed %v, want b and d", missed)
	}
}

func TestSessionNoReviewWhenAllRight(t *testing.T) {
	s := NewSessionRules(fiveItems(), 1, Rules{Requeue: true})
	sit(s, []bool{true, true, true, true, true})
	if !s.Done() || s.Reviewing() || !s.Passed() {
		t.Errorf("done %v reviewing %v passed %v", s.Done(), s.Reviewing(), s.Passed())
	}
}

// The first answer's feedback names the choices picked, by index into the
// item's choices (not display positions), so a store can keep their texts.
func TestFeedbackNamesThePickedChoices(t *testing.T) {
	it := &Item{ID: "m", Kind: Multi, Choices: []Choice{{Text: "a", Correct: true}, {Text: "b"}, {Text: "c", Correct: true}}}
	s := NewSession([]*Item{it}, 3)
	fb := s.Answer([]int{s.Position(2), s.Position(1)})
	if got := fb.PickedTexts(it); !fb.First || !slices.Equal(got, []string{"b", "c"}) {
		t.Errorf("picked %q (first %v), want [b c] in the item's order", got, fb.First)
	}
	if got := s.Skip().PickedTexts(it); got == nil || len(got) != 0 {
		t.Errorf("a skip picks nothing: got %#v", got)
	}
}
