package quizzes

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tutor-dev/tutor/assets/facts"
)

func testRegistry(t *testing.T) *facts.Registry {
	t.Helper()
	reg, err := facts.Load(fstest.MapFS{"t.yaml": {Data: []byte(`- id: sqs.batch-size.default
  value: "10"
  text: "default batch size of an SQS event source mapping"
  source: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
  checked: 2026-11-26
`)}}, "facts")
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

const goodItem = `- id: sqs/batch
  lesson: sqs
  kind: single
  prompt: What is the default batch size?
  choices:
    - text: "{{fact:sqs.batch-size.default}}"
      correct: true
      why: It is {{fact:sqs.batch-size.default}}.
    - text: "1"
      why: That is not the default.
  concepts: [batching]
  source: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
`

func TestLoadFillsFacts(t *testing.T) {
	b, err := Load(fstest.MapFS{"sqs.yaml": {Data: []byte(goodItem)}}, "quizzes", testRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	it, ok := b.Get("sqs/batch")
	if !ok {
		t.Fatal("item not loaded")
	}
	if it.Choices[0].Text != "10" || it.Choices[0].Why != "It is 10." {
		t.Errorf("facts not filled in: %+v", it.Choices[0])
	}
	if it.File != "quizzes/sqs.yaml" || it.Line != 1 {
		t.Errorf("position %s:%d, want quizzes/sqs.yaml:1", it.File, it.Line)
	}
	if it.Level != "" || it.Objective != "" {
		t.Errorf("level %q objective %q: a bank without them still loads, empty", it.Level, it.Objective)
	}
	if got := b.ForLesson("sqs"); len(got) != 1 {
		t.Errorf("ForLesson(sqs) = %d items", len(got))
	}
}

// item returns a one-item bank file with the given fields after id.
func item(id, rest string) string {
	return "- id: " + id + "\n" + rest
}

const src = "  source: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html\n"

func TestValidation(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each must appear in the error
	}{
		{"single with two correct", map[string]string{"a.yaml": item("a", `  lesson: x
  kind: single
  prompt: Q?
  choices:
    - text: A
      correct: true
      why: w
    - text: B
      correct: true
      why: w
`+src)}, []string{`quizzes/a.yaml:5:3: item "a": a single item needs exactly one correct choice, has 2`}},
		{"choice without why", map[string]string{"a.yaml": item("a", `  lesson: x
  kind: single
  prompt: Q?
  choices:
    - text: A
      correct: true
      why: w
    - text: B
`+src)}, []string{`quizzes/a.yaml:9:7: item "a": choice 2 ("B") has no why`}},
		{"duplicate id across files", map[string]string{
			"a.yaml": item("dup", "  lesson: x\n  kind: true-false\n  prompt: Q?\n  choices:\n    - text: \"True\"\n      correct: true\n      why: w\n    - text: \"False\"\n      why: w\n"+src),
			"b.yaml": "\n" + item("dup", "  lesson: x\n  kind: true-false\n  prompt: Q?\n  choices:\n    - text: \"True\"\n      correct: true\n      why: w\n    - text: \"False\"\n      why: w\n"+src),
		}, []string{`quizzes/b.yaml:2:3: duplicate item id "dup" (first defined at quizzes/a.yaml:1)`}},
		{"yaml syntax error", map[string]string{"a.yaml": "- id: a\n  choices: [\n"}, []string{`quizzes/a.yaml:2:`}},
		{"unknown field", map[string]string{"a.yaml": item("a", "  lesson: x\n  answer: 2\n")}, []string{`quizzes/a.yaml:3:`, "answer"}},
		{"multi with no correct", map[string]string{"a.yaml": item("a", "  lesson: x\n  kind: multi\n  prompt: Q?\n  choices:\n    - text: A\n      why: w\n    - text: B\n      why: w\n"+src)},
			[]string{`quizzes/a.yaml:5:3: item "a": a multi item needs at least one correct choice`}},
		{"one choice", map[string]string{"a.yaml": item("a", "  lesson: x\n  kind: multi\n  prompt: Q?\n  choices:\n    - text: A\n      correct: true\n      why: w\n"+src)},
			[]string{`quizzes/a.yaml:5:3: item "a": has 1 choice(s): an item needs at least two`}},
		{"all of the above", map[string]string{"a.yaml": item("a", "  lesson: x\n  kind: single\n  prompt: Q?\n  choices:\n    - text: A\n      why: w\n    - text: All of the above\n      correct: true\n      why: w\n"+src)},
			[]string{`quizzes/a.yaml:8:7: item "a": "All of the above" in a single-answer item`}},
		{"unknown kind and bad id and no prompt", map[string]string{"a.yaml": item("Bad ID", "  lesson: x\n  kind: essay\n  choices:\n    - text: A\n      correct: true\n      why: w\n    - text: B\n      why: w\n"+src)},
			[]string{`quizzes/a.yaml:1:3: item "Bad ID": id "Bad ID" must be lowercase`, `quizzes/a.yaml:3:3: item "Bad ID": unknown kind "essay"`, `quizzes/a.yaml:1:3: item "Bad ID": missing prompt`}},
		{"unknown fact", map[string]string{"a.yaml": item("a", "  lesson: x\n  kind: single\n  prompt: Max is {{fact:nope.nothing}}\n  choices:\n    - text: A\n      correct: true\n      why: w\n    - text: B\n      why: w\n"+src)},
			[]string{`quizzes/a.yaml:4:3: item "a": unknown fact "nope.nothing"`}},
		{"true-false with other texts", map[string]string{"a.yaml": item("a", "  lesson: x\n  kind: true-false\n  prompt: Q?\n  choices:\n    - text: Yes\n      correct: true\n      why: w\n    - text: No\n      why: w\n"+src)},
			[]string{`quizzes/a.yaml:5:3: item "a": a true-false item has exactly two choices, "True" and "False"`}},
		{"unknown level", map[string]string{"a.yaml": item("a", "  lesson: x\n  level: remember\n  kind: true-false\n  prompt: Q?\n  choices:\n    - text: \"True\"\n      correct: true\n      why: w\n    - text: \"False\"\n      why: w\n"+src)},
			[]string{`quizzes/a.yaml:3:3: item "a": unknown level "remember" (want recall or apply)`}},
		{"missing lesson and source", map[string]string{"a.yaml": item("a", "  kind: true-false\n  prompt: Q?\n  choices:\n    - text: \"True\"\n      correct: true\n      why: w\n    - text: \"False\"\n      why: w\n")},
			[]string{`quizzes/a.yaml:1:3: item "a": missing lesson`, `quizzes/a.yaml:1:3: item "a": missing source`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := Load(fsys, "quizzes", testRegistry(t))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\nlacks %q", err, w)
				}
			}
		})
	}
}

func TestValidationReportsEveryError(t *testing.T) {
	bad := item("a", "  lesson: x\n  kind: single\n  prompt: Q?\n  choices:\n    - text: A\n      correct: true\n    - text: B\n      correct: true\n      why: w\n"+src) +
		item("b", "  lesson: x\n  kind: single\n  prompt: Q?\n  choices:\n    - text: A\n      why: w\n"+src)
	_, err := Load(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}, "quizzes", testRegistry(t))
	if err == nil {
		t.Fatal("no error")
	}
	if n := len(strings.Split(strings.TrimSpace(err.Error()), "\n")); n != 4 {
		t.Errorf("got %d errors, want 4 (no why, two correct, one choice, no correct):\n%v", n, err)
	}
}

func TestLoadLevelAndObjective(t *testing.T) {
	data := goodItem + "  level: apply\n  objective: \"  Choose a batch size  \"\n"
	b, err := Load(fstest.MapFS{"sqs.yaml": {Data: []byte(data)}}, "quizzes", testRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	it, _ := b.Get("sqs/batch")
	if it.Level != Apply || it.Objective != "Choose a batch size" || it.ObjectiveLine != 14 || it.ObjectiveCol != 3 {
		t.Errorf("level %q objective %q at %d:%d, want apply, trimmed, at 14:3", it.Level, it.Objective, it.ObjectiveLine, it.ObjectiveCol)
	}
}
