package practice

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/quizzes"
)

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		in    string
		n     int
		multi bool
		want  []int
		err   string
	}{
		{"2", 4, false, []int{1}, ""},
		{" 4 ", 4, false, []int{3}, ""},
		{"5", 4, false, nil, `"5" is not a choice: type a number from 1 to 4`},
		{"0", 4, false, nil, `"0" is not a choice`},
		{"b", 4, false, nil, `"b" is not a choice`},
		{"1,2", 4, false, nil, "This question has one answer"},
		{"1,3", 4, true, []int{0, 2}, ""},
		{"3, 1", 4, true, []int{2, 0}, ""},
		{"1 2", 4, true, []int{0, 1}, ""},
		{"1,1", 4, true, []int{0}, ""},
		{"1,x", 4, true, nil, `"x" is not a choice: type numbers from 1 to 4 separated by commas`},
		{",", 4, true, nil, "Type a number from 1 to 4"},
	}
	for _, tt := range tests {
		got, err := ParseAnswer(tt.in, tt.n, tt.multi)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseAnswer(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("ParseAnswer(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func testItems() []*quizzes.Item {
	return []*quizzes.Item{
		{ID: "a", Lesson: "l", Kind: quizzes.TrueFalse, Prompt: "Sky is blue?", Choices: []quizzes.Choice{
			{Text: "True", Correct: true, Why: "Rayleigh scattering."}, {Text: "False", Why: "It is blue."}}},
		{ID: "b", Lesson: "l", Kind: quizzes.Multi, Prompt: "Pick primes", Choices: []quizzes.Choice{
			{Text: "2", Correct: true, Why: "2 is prime."}, {Text: "4", Why: "4 = 2x2."}, {Text: "5", Correct: true, Why: "5 is prime."}}},
	}
}

func TestRunSavesAfterEveryAnswer(t *testing.T) {
	items := testItems()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	saves := 0
	rv := quizzes.NewReview()
	record := func(id string, right bool, _ []string, at time.Time) error {
		saves++
		rv.Answer(id, right, at, quizzes.QuizScheduler())
		return nil
	}
	// true-false shows True first: answer 2 (wrong) then 1; then skip the multi.
	in := "2\n1\n\n"
	var out bytes.Buffer
	res, err := Run(Options{Items: items, Seed: 1, Now: func() time.Time { return now }, Record: record}, strings.NewReader(in), &out)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Answered: 2, CorrectFirstTry: 0, Items: []ItemResult{{ID: "a", Attempts: 2}, {ID: "b", Skipped: true}}}
	if res.Answered != want.Answered || !slices.Equal(res.Items, want.Items) {
		t.Errorf("result %+v, want %+v", res, want)
	}
	if saves != 2 {
		t.Errorf("saved %d times, want 2 (one per item's first answer)", saves)
	}
	for _, id := range []string{"a", "b"} {
		if !rv.Get(id).IsDue(now) {
			t.Errorf("%s missed or skipped but not due at once", id)
		}
	}
	text := out.String()
	for _, w := range []string{"Question 1 of 2 [a]", "  1) True\n  2) False\n", "You missed! Try again.\nIt is blue.\n", "You are right!\nRayleigh scattering.\n",
		"Question 2 of 2 [b]", "(Choose all that apply", "Skipped. The right answer:", "Score: 0/2 right on the first try\n"} {
		if !strings.Contains(text, w) {
			t.Errorf("output lacks %q:\n%s", w, text)
		}
	}
}

func TestSummary(t *testing.T) {
	bank := quizzes.NewBank(testItems())
	rv := quizzes.NewReview()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	s := quizzes.QuizScheduler()
	rv.Answer("a", true, now, s)
	rv.Answer("b", false, now, s)
	rv.Answer("gone", true, now, s) // no longer in the bank: not counted
	got := Summary(bank, rv, now.Add(time.Hour))
	want := Stats{Items: 2, Seen: 2, FirstTryAccuracy: 0.5, Answers: 2, FirstTryRight: 1, Due: 1}
	if got != want {
		t.Errorf("Summary = %+v, want %+v", got, want)
	}
	if got := Summary(bank, quizzes.NewReview(), now); got != (Stats{Items: 2}) {
		t.Errorf("empty state: %+v", got)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("input/output error") }

// Issue 10: a failing input or a line over 1 MiB ended the session like the
// end of input, exit 0. Now Run returns one clear error.
func TestRunReportsReadErrors(t *testing.T) {
	long := strings.Repeat("1", MaxLine+10) + "\n"
	for name, in := range map[string]io.Reader{"failing": failingReader{}, "long line": strings.NewReader(long)} {
		var out bytes.Buffer
		_, err := Run(Options{Items: testItems(), Seed: 1}, in, &out)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "reading answers") {
			t.Errorf("%s: error %q", name, err)
		}
		if !strings.Contains(out.String(), "Score: 0/0 right on the first try") {
			t.Errorf("%s: no score line:\n%s", name, out.String())
		}
	}
}

// A failing save ends the session at the first answer, not after it.
func TestRunStopsAtFirstFailingSave(t *testing.T) {
	calls := 0
	var out bytes.Buffer
	_, err := Run(Options{Items: testItems(), Seed: 1, Record: func(string, bool, []string, time.Time) error {
		calls++
		return errors.New("recording the answer to a in /x/tutor.db: disk I/O error")
	}}, strings.NewReader("1\n1,3\n"), &out)
	if err == nil || calls != 1 || !strings.Contains(err.Error(), "tutor.db") {
		t.Fatalf("err %v after %d calls", err, calls)
	}
	if strings.Contains(out.String(), "You are right!") || !strings.Contains(out.String(), "Score: 0/0 right on the first try") {
		t.Errorf("feedback shown, or the answer counted, for an answer that was not saved:\n%s", out.String())
	}
}

// Issue 15: each answer's feedback is printed only once Record returned
// (the answer is stored), never before.
func TestRunPrintsFeedbackAfterTheAnswerIsStored(t *testing.T) {
	var out bytes.Buffer
	stored := 0
	record := func(id string, right bool, _ []string, _ time.Time) error {
		if !strings.HasSuffix(out.String(), "Answer: ") {
			t.Errorf("recording %s: something was printed after the answer was read, before it was stored:\n%s", id, out.String())
		}
		stored++
		return nil
	}
	// a: wrong (recorded), right (not a first answer); b: skipped (recorded).
	if _, err := Run(Options{Items: testItems(), Seed: 1, Record: record}, strings.NewReader("2\n1\n\n"), &out); err != nil {
		t.Fatal(err)
	}
	if stored != 2 || !strings.Contains(out.String(), quizzes.SkippedLine) {
		t.Fatalf("stored %d:\n%s", stored, out.String())
	}
}
