package course

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSettings(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       float64
		err        string
	}{
		{"absent keys keep the default", "# nothing set\n", 0.8, ""},
		{"a pass mark", "quiz:\n  pass_mark: 0.6\n", 0.6, ""},
		{"every item", "quiz: {pass_mark: 1}\n", 1, ""},
		{"a percentage", "quiz:\n  pass_mark: 80\n", 0.8, "course.yaml:2:14: quiz.pass_mark 80: want a share, not a percentage: write 0.8 for 80%"},
		{"zero", "quiz:\n  pass_mark: 0\n", 0.8, "course.yaml:2:14: quiz.pass_mark 0: want a share of the quiz's items, above 0 and at most 1"},
		{"unknown field", "quiz:\n  passmark: 0.7\n", 0.8, "course.yaml:2:3:"},
		{"not a number", "quiz:\n  pass_mark: most\n", 0.8, "course.yaml:2:"},
		{"alias", "a: &x 1\nquiz: {pass_mark: *x}\n", 0.8, "course.yaml:2:"},
	}
	for _, tt := range tests {
		s, err := parseSettings(SettingsFile, []byte(tt.yaml))
		if s.Quiz.PassMark != tt.want {
			t.Errorf("%s: pass mark %g, want %g", tt.name, s.Quiz.PassMark, tt.want)
		}
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "\n")):
			t.Errorf("%s: error %v, want one line with %q", tt.name, err, tt.err)
		}
	}
}

func TestFolderSettingsAndExport(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{"lessons/a.md": lessonA, SettingsFile: "quiz:\n  pass_mark: 0.6\n"})
	c, err := Load(dir)
	if err != nil || c.PassMark() != 0.6 {
		t.Fatalf("pass mark %g, err %v", c.PassMark(), err)
	}
	os.WriteFile(filepath.Join(dir, SettingsFile), []byte("quiz:\n  pass_mark: 1.5\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, SettingsFile)+":2:14: quiz.pass_mark 1.5") {
		t.Errorf("a bad pass mark: %v", err)
	}
	out := filepath.Join(t.TempDir(), "export")
	if err := Export(out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, SettingsFile))
	if err != nil || !strings.Contains(string(data), "pass_mark: 0.8") {
		t.Fatalf("export wrote no course.yaml with the pass mark: %v\n%s", err, data)
	}
	if c, err := Load(""); err != nil || c.PassMark() != 0.8 || c.Settings != DefaultSettings() {
		t.Errorf("built-in settings %+v, err %v", c.Settings, err)
	}
}

func TestCachedCourseKeepsSettings(t *testing.T) {
	useCache(t, t.TempDir())
	dir := writeFolder(t, map[string]string{"lessons/a.md": lessonA, SettingsFile: "quiz: {pass_mark: 0.7}\n"})
	for range 2 { // parsed, then from the cache
		if c, err := Load(dir); err != nil || c.PassMark() != 0.7 {
			t.Fatalf("pass mark %g, err %v", c.PassMark(), err)
		}
	}
}

const objLesson = "---\nid: a\ntitle: A\norder: 1\nsources: [sqs]\nobjectives:\n  - Explain what a visibility timeout does\n  - Choose a batch size that fits the timeout\n---\nHello.\n"

func objItem(id, kind, prompt, extra string) string {
	choices := "    - text: A\n      correct: true\n      why: w\n    - text: B is longer\n      why: w\n"
	if kind == "true-false" {
		choices = "    - text: \"True\"\n      correct: true\n      why: w\n    - text: \"False\"\n      why: w\n"
	}
	return "- id: " + id + "\n  lesson: a\n  kind: " + kind + "\n  prompt: " + prompt + "\n  choices:\n" + choices +
		"  source: https://docs.aws.amazon.com/lambda/latest/dg/welcome.html\n" + extra
}

func TestObjectiveMustBeTheLessons(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{"lessons/a.md": objLesson,
		"quizzes/a.yaml": objItem("a/one", "single", "Q?", "  level: apply\n  objective: Explain what the visibility timeout does\n")})
	_, err := Load(dir)
	want := filepath.Join(dir, "quizzes", "a.yaml") + `:13:3: item "a/one": objective "Explain what the visibility timeout does" is not one of lesson "a"'s objectives; did you mean "Explain what a visibility timeout does"?`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v\nwant %s", err, want)
	}
}

func TestLintQuizzes(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{"lessons/a.md": objLesson, "quizzes/a.yaml": objItem("a/one", "single", "How long is a message hidden?", "  level: apply\n  objective: Explain what a visibility timeout does\n") +
		objItem("a/two", "true-false", "Does a failed batch come back whole?", "") +
		objItem("a/three", "true-false", "Does a failed batch come back whole, all of it?", "  level: recall\n")})
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	lint, ok := c.LintQuizzes()
	if !ok {
		t.Fatal("nothing linted")
	}
	file := filepath.Join(dir, "quizzes", "a.yaml")
	warnings := strings.Join(lint.Warnings(), "\n")
	for _, w := range []string{
		file + `:14: warning: item "a/two": no level (recall or apply) and no objective`,
		file + `:25: warning: item "a/three": no objective`,
		file + `:14: warning: item "a/two" and item "a/three" (` + file + `:25) ask nearly the same (`,
		filepath.Join(dir, "lessons", "a.md") + `:8: warning: objective "Choose a batch size that fits the timeout" of lesson "a" has no quiz item`,
	} {
		if !strings.Contains(warnings, w) {
			t.Errorf("warnings lack %q:\n%s", w, warnings)
		}
	}
	if strings.Contains(warnings, "longest choice") || strings.Contains(warnings, `"a/one" and`) {
		t.Errorf("the key is not the longest here:\n%s", warnings)
	}
	fails := strings.Join(lint.StrictFailures(), "; ")
	if !strings.Contains(fails, "100% of true/false items are keyed True") || !strings.Contains(fails, "1 objective(s) have no quiz item") || strings.Contains(fails, "longest") {
		t.Errorf("strict failures: %s", fails)
	}
	if s := strings.Join(lint.Summary(), "\n"); !strings.Contains(s, "3 items: 1 recall (33%), 1 apply, 1 without a level, 2 without an objective") {
		t.Errorf("summary:\n%s", s)
	}
	if _, ok := (&Course{Quizzes: nil}).LintQuizzes(); ok {
		t.Error("a course without items was linted")
	}
}
