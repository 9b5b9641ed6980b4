package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The quiz bank lint warns by default and fails with --strict.
func TestBinaryValidateLintsTheBank(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "lessons/a.md", "---\nid: a\ntitle: A\norder: 1\nsources: [sqs]\nobjectives:\n  - Explain retries\n  - Choose a batch size\n---\nHello.\n")
	item := func(id, prompt, objective string) string {
		return "- id: " + id + "\n  lesson: a\n  kind: single\n  level: apply\n  objective: " + objective + "\n  prompt: " + prompt + "\n  choices:\n" +
			"    - text: The right answer, with every reason why spelled out\n      correct: true\n      why: w\n" +
			"    - text: Wrong\n      why: w\n    - text: Also wrong\n      why: w\n" +
			"  source: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html\n"
	}
	bank := writeFile(t, dir, "quizzes/a.yaml", item("a/one", "How often does SQS retry a message?", "Explain retries")+
		item("a/two", "Which batch size fits a slow handler?", "Explain retries"))

	out, errOut, code := tutor(t, "", "validate", dir)
	if code != 0 {
		t.Fatalf("warnings alone: exit %d, want 0\n%s%s", code, out, errOut)
	}
	for _, w := range []string{
		bank + `:1: warning: item "a/one": the key is the longest choice`,
		filepath.Join(dir, "lessons", "a.md") + `:8: warning: objective "Choose a batch size" of lesson "a" has no quiz item`,
		"key is the longest choice: 2 of 2 single-answer items (100%; at most 35%)",
		"is valid:",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("validate lacks %q:\n%s", w, out)
		}
	}
	out, errOut, code = tutor(t, "", "validate", "--strict", dir)
	if code != 1 || !strings.Contains(errOut, "--strict:") || !strings.Contains(errOut, "1 objective(s) have no quiz item") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Errorf("--strict: exit %d, want 1 with one line naming the failures\n%s%s", code, out, errOut)
	}
}

// The built-in course passes the item writer's lint (issue: a pass means
// mastery, and a test-wise guesser must not score by choice length).
func TestBinaryBuiltinCoursePassesStrictValidate(t *testing.T) {
	out, errOut, code := tutor(t, "", "validate", "--strict")
	if code != 0 {
		t.Fatalf("tutor validate --strict on the built-in course: exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(out, "warning:") {
		t.Errorf("the built-in course has lint warnings:\n%s", out)
	}
}
