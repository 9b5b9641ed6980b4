package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var choiceLine = regexp.MustCompile(`(?m)^  (\d+)\) (.*)$`)

// syncTriggerAnswers learns, from a run that answers nothing, which number
// shows API Gateway (right) and which shows S3 (wrong) under --seed 7.
func syncTriggerAnswers(t *testing.T) (right, wrong string) {
	t.Helper()
	out, _, code := tutor(t, "", "quiz", "--plain", "--item", "sync-trigger", "--seed", "7")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, m := range choiceLine.FindAllStringSubmatch(out, -1) {
		switch m[2] {
		case "Amazon API Gateway":
			right = m[1]
		case "Amazon S3":
			wrong = m[1]
		}
	}
	if right == "" || wrong == "" {
		t.Fatalf("sync-trigger lacks the API Gateway or S3 choice:\n%s", out)
	}
	return right, wrong
}

func lines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

func TestBinaryQuizWrongThenRight(t *testing.T) {
	right, wrong := syncTriggerAnswers(t)
	out, errOut, code := tutor(t, wrong+"\n"+right+"\n", "quiz", "--plain", "--item", "sync-trigger", "--seed", "7")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ls := lines(out)
	if ls[0] != "Question 1 of 1 [sync-trigger]" {
		t.Errorf("first line %q", ls[0])
	}
	missed, rightAt := slices.Index(ls, "You missed! Try again."), slices.Index(ls, "You are right!")
	if missed < 0 || rightAt < missed {
		t.Fatalf("want a line 'You missed! Try again.' then a line 'You are right!':\n%s", out)
	}
	if !strings.Contains(ls[missed+1], "asynchronously") {
		t.Errorf("the why of S3 should follow the miss, got %q", ls[missed+1])
	}
	if !strings.Contains(out, "Answer: ") || ls[len(ls)-1] != "Score: 0/1 right on the first try" {
		t.Errorf("want the Answer: prompt and the score line last:\n%s", out)
	}
}

func TestBinaryQuizBadInputSkipAndEnd(t *testing.T) {
	right, _ := syncTriggerAnswers(t)
	tests := []struct {
		name, stdin string
		want        []string
		not         []string
	}{
		{"bad input is explained, not graded", "abc\n9\n1,2\n" + right + "\n",
			[]string{`"abc" is not a choice: type a number from 1 to 4`, `"9" is not a choice`, "This question has one answer", "You are right!", "Score: 1/1 right on the first try"},
			[]string{"You missed!"}},
		{"empty line skips and shows the answer", "\n",
			[]string{"Skipped. The right answer:", ") Amazon API Gateway", "Score: 0/1 right on the first try"}, []string{"You are right!"}},
		{"end of input ends the session", "",
			[]string{"Question 1 of 1 [sync-trigger]", "Answer: ", "Score: 0/0 right on the first try"}, []string{"You missed!"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := tutor(t, tt.stdin, "quiz", "--plain", "--item", "sync-trigger", "--seed", "7")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestBinaryQuizJSON(t *testing.T) {
	right, wrong := syncTriggerAnswers(t)
	out, errOut, code := tutor(t, wrong+"\n"+right+"\n", "quiz", "--json", "--item", "sync-trigger", "--seed", "7")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Answered        int `json:"answered"`
		CorrectFirstTry int `json:"correct_first_try"`
		Items           []struct {
			ID              string `json:"id"`
			Attempts        int    `json:"attempts"`
			CorrectFirstTry bool   `json:"correct_first_try"`
			Skipped         bool   `json:"skipped"`
		} `json:"items"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("stdout is not the documented object: %v\n%s", err, out)
	}
	if got.Answered != 1 || got.CorrectFirstTry != 0 || len(got.Items) != 1 || got.Items[0].ID != "sync-trigger" || got.Items[0].Attempts != 2 || got.Items[0].Skipped {
		t.Errorf("got %+v", got)
	}
	if !strings.Contains(errOut, "Question 1 of 1 [sync-trigger]") || !strings.Contains(errOut, "You missed! Try again.") {
		t.Errorf("questions and feedback belong on stderr:\n%s", errOut)
	}
}

// questions returns each question as asked: its header, prompt and choices.
func questions(out string) []string {
	var qs []string
	in := false
	for _, l := range lines(out) {
		switch {
		case strings.HasPrefix(l, "Question "):
			in = true
			qs = append(qs, l)
		case strings.HasPrefix(l, "Answer: "):
			in = false
		case in:
			qs[len(qs)-1] += "\n" + l
		}
	}
	return qs
}

func TestBinaryQuizSeededDeterminism(t *testing.T) {
	// Answers in between change the review state; a seeded run ignores it.
	first, _, _ := tutor(t, "1\n1\n1\n1\n1\n1\n1\n1\n", "quiz", "--plain", "--seed", "7", "--count", "5")
	skipAll := strings.Repeat("\n", 5)
	second, _, _ := tutor(t, skipAll, "quiz", "--plain", "--seed", "7", "--count", "5")
	a, b := questions(first), questions(second)
	if len(a) == 0 {
		t.Fatalf("no questions asked:\n%s", first)
	}
	if len(b) != 5 {
		t.Fatalf("want 5 questions:\n%s", second)
	}
	// The first run may stop early (its input ends); compare what both asked.
	if !slices.Equal(a, b[:min(len(a), len(b))]) {
		t.Errorf("seed 7 twice asked differently:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
	third, _, _ := tutor(t, skipAll, "quiz", "--plain", "--seed", "8", "--count", "5")
	if slices.Equal(questions(third), b) {
		t.Errorf("seed 8 asked the same as seed 7")
	}
}

func TestBinaryQuizReviewAfterMiss(t *testing.T) {
	out, _, code := tutor(t, "", "quiz", "--plain", "--review")
	if code != 0 || !strings.Contains(out, "No items are due for review") {
		t.Fatalf("fresh state: exit %d\n%s", code, out)
	}
	_, wrong := syncTriggerAnswers(t)
	tutor(t, wrong+"\n", "quiz", "--plain", "--item", "sync-trigger", "--seed", "7")

	if q := quizStats(t); q.Seen != 1 || q.Answers != 1 || q.FirstTryRight != 0 || q.Due != 1 {
		t.Fatalf("review state after a miss: %+v", q)
	}

	for _, args := range [][]string{{"--review"}, {}} {
		out, _, _ = tutor(t, "", append([]string{"quiz", "--plain"}, args...)...)
		if first := lines(out)[0]; first != "Question 1 of 1 [sync-trigger]" && !strings.HasSuffix(first, "[sync-trigger]") {
			t.Errorf("quiz %v after missing sync-trigger starts with %q", args, first)
		}
	}
}

func TestBinaryQuizDamagedReviewState(t *testing.T) {
	os.WriteFile(filepath.Join(stateDir(t), "review.json"), []byte("{not json"), 0o644)
	out, errOut, code := tutor(t, "", "quiz", "--plain", "--item", "sync-trigger")
	if code != 0 || !strings.Contains(out, "[sync-trigger]") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if n := strings.Count(errOut, "\n"); n != 1 || !strings.Contains(errOut, "review.json was damaged") {
		t.Errorf("want one warning line, got:\n%s", errOut)
	}
}

func TestBinaryQuizList(t *testing.T) {
	out, errOut, code := tutor(t, "", "quiz", "--list", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var items []struct {
		ID      string `json:"id"`
		Lesson  string `json:"lesson"`
		Kind    string `json:"kind"`
		Prompt  string `json:"prompt"`
		Choices []struct {
			Text    string `json:"text"`
			Correct bool   `json:"correct"`
			Why     string `json:"why"`
		} `json:"choices"`
		Concepts  []string `json:"concepts"`
		Source    string   `json:"source"`
		Level     *string  `json:"level"`
		Objective *string  `json:"objective"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&items); err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Fatal("empty bank")
	}
	for _, it := range items {
		right := 0
		for _, c := range it.Choices {
			if c.Correct {
				right++
			}
			if c.Why == "" {
				t.Errorf("%s: a choice without why", it.ID)
			}
		}
		if it.Level == nil || it.Objective == nil {
			t.Errorf("%s: no level or objective field", it.ID)
		}
		if len(it.Choices) < 2 || right < 1 || it.Prompt == "" || it.Lesson == "" || it.Source == "" || it.Concepts == nil {
			t.Errorf("%s: incomplete item %+v", it.ID, it)
		}
		if strings.Contains(it.Prompt+it.Source, "{{") {
			t.Errorf("%s: fact not filled in", it.ID)
		}
	}
	table, _, _ := tutor(t, "", "quiz", "--list", "--lesson", "event-sources")
	if !strings.HasPrefix(table, "ID ") || !strings.Contains(table, "sync-trigger") || strings.Contains(table, " sqs ") {
		t.Errorf("table:\n%s", table)
	}
}

func TestBinaryQuizUnknownFilters(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--item", "sync-triger"}, `no quiz item "sync-triger"; did you mean sync-trigger`},
		{[]string{"--lesson", "rabbitmq"}, `no lesson "rabbitmq"; lessons with quiz items: `},
	}
	for _, tt := range tests {
		_, errOut, code := tutor(t, "", append([]string{"quiz", "--plain"}, tt.args...)...)
		if code != 1 || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "event-sources") && tt.args[0] == "--lesson" {
			t.Errorf("%v: exit %d, stderr %q, want exit 1 and %q", tt.args, code, errOut, tt.want)
		}
	}
	if _, _, code := tutor(t, "", "quiz", "--count", "0"); code != 2 {
		t.Errorf("--count 0: exit %d, want 2", code)
	}
}

// A course folder with its own quiz, through --content, and validate's
// reports of a broken bank.
func TestBinaryQuizCourseFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { writeFile(t, dir, name, text) }
	write("lessons/x.md", "---\nid: x\ntitle: X\norder: 1\n---\nHello.\n")
	write("quizzes/x.yaml", `- id: x/multi
  lesson: x
  kind: multi
  prompt: Which are even?
  choices:
    - text: "2"
      correct: true
      why: Two is even.
    - text: "3"
      why: Three is odd.
    - text: "4"
      correct: true
      why: Four is even.
  concepts: [parity]
  source: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html
`)
	out, errOut, code := tutor(t, "", "--content", dir, "quiz", "--plain", "--seed", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	pos := map[string]string{}
	for _, m := range choiceLine.FindAllStringSubmatch(out, -1) {
		pos[m[2]] = m[1]
	}
	in := pos["2"] + "\n" + pos["2"] + "," + pos["3"] + "\n" + pos["4"] + ", " + pos["2"] + "\n"
	out, _, _ = tutor(t, in, "--content", dir, "quiz", "--plain", "--seed", "1")
	for _, w := range []string{"Those are right, but not all the right choices", ") 3: Three is odd.", "You are right!", "Score: 0/1 right on the first try"} {
		if !strings.Contains(out, w) {
			t.Errorf("multi session lacks %q:\n%s", w, out)
		}
	}
	if strings.Count(out, "You missed! Try again.") != 2 {
		t.Errorf("want two misses:\n%s", out)
	}

	bad := filepath.Join(dir, "quizzes", "z-bad.yaml")
	write("quizzes/z-bad.yaml", `- id: x/multi
  lesson: nowhere
  kind: single
  prompt: Q?
  choices:
    - text: A
      correct: true
      why: w
    - text: B
      correct: true
`)
	write("quizzes/broken.yaml", "- id: y\n  prompt: [\n")
	out, _, code = tutor(t, "", "validate", dir)
	if code != 1 {
		t.Fatalf("validate: exit %d\n%s", code, out)
	}
	for _, w := range []string{
		bad + `:9:7: item "x/multi": choice 2 ("B") has no why`,
		bad + `:5:3: item "x/multi": a single item needs exactly one correct choice, has 2`,
		bad + `:1:3: duplicate item id "x/multi" (first defined at ` + filepath.Join(dir, "quizzes", "x.yaml") + ":1)",
		filepath.Join(dir, "quizzes", "broken.yaml") + ":2:",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("validate lacks %q:\n%s", w, out)
		}
	}
	// The unknown lesson is reported for an item that loaded.
	write("quizzes/z-bad.yaml", "- id: z\n  lesson: nowhere\n  kind: true-false\n  prompt: Q?\n  choices:\n    - text: \"True\"\n      correct: true\n      why: w\n    - text: \"False\"\n      why: w\n  source: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html\n")
	out, _, _ = tutor(t, "", "validate", dir)
	if !strings.Contains(out, bad+`:2:3: item "z": lesson "nowhere" does not exist (lessons: x)`) {
		t.Errorf("validate lacks the unknown lesson:\n%s", out)
	}
}

// Without --seed, piped input gets a fixed order, so a script can learn the
// numbers from one run and answer by them in the next.
func TestBinaryQuizScriptWithoutSeed(t *testing.T) {
	first, _, _ := tutor(t, "", "quiz", "--plain", "--item", "sync-trigger")
	var right, wrong string
	for _, m := range choiceLine.FindAllStringSubmatch(first, -1) {
		if m[2] == "Amazon API Gateway" {
			right = m[1]
		} else if wrong == "" {
			wrong = m[1]
		}
	}
	out, _, code := tutor(t, wrong+"\n"+right+"\n", "quiz", "--plain", "--item", "sync-trigger")
	if code != 0 || !regexp.MustCompile(`(?m)^You missed! Try again\.$[\s\S]*^You are right!$`).MatchString(out) {
		t.Fatalf("exit %d; want the miss then the right answer:\n%s", code, out)
	}
	if !slices.Equal(questions(first), questions(out)) {
		t.Errorf("two runs without --seed showed different orders:\n%s\n---\n%s", first, out)
	}
}

func TestDefaultSeed(t *testing.T) {
	now := time.Unix(1700000000, 5)
	if defaultSeed(false, now) != defaultSeed(false, now.Add(time.Hour)) {
		t.Error("the seed for piped input changes with the clock")
	}
	if defaultSeed(true, now) == defaultSeed(true, now.Add(time.Nanosecond)) {
		t.Error("the interactive seed does not follow the clock")
	}
}

// quizStats is the quiz part of `tutor progress --json` for the test's
// state directory.
func quizStats(t *testing.T) practiceStats {
	t.Helper()
	out, errOut, code := tutor(t, "", "progress", "--json")
	if code != 0 {
		t.Fatalf("progress: exit %d: %s", code, errOut)
	}
	var p struct {
		Quiz practiceStats `json:"quiz"`
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("progress --json: %v\n%s", err, out)
	}
	return p.Quiz
}

type practiceStats struct {
	Seen          int `json:"seen"`
	Answers       int `json:"answers"`
	FirstTryRight int `json:"first_try_right"`
	Due           int `json:"due"`
}
