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
