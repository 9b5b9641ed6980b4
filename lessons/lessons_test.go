package lessons

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tutor-dev/tutor/assets/facts"
)

func registry(t *testing.T) *facts.Registry {
	t.Helper()
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatalf("built-in facts: %v", err)
	}
	return reg
}

func TestBuiltinCourseLoads(t *testing.T) {
	c, err := Builtin(registry(t))
	if err != nil {
		t.Fatalf("built-in course has problems:\n%v", err)
	}
	if len(c.Lessons) == 0 {
		t.Fatal("no lessons")
	}
	for _, l := range c.Lessons {
		if strings.Contains(l.Body, "{{fact:") {
			t.Errorf("%s: unreplaced fact reference", l.File)
		}
		if len(l.Objectives) == 0 {
			t.Errorf("%s: no objectives", l.File)
		}
	}
}

// TestBuiltinLessonsAreLongEnough: every lesson teaches at least 2,500
// characters of prose, not counting code blocks.
func TestBuiltinLessonsAreLongEnough(t *testing.T) {
	c, _ := Builtin(registry(t))
	for _, l := range c.Lessons {
		if n := len(PlainText(l.Body)); n < 2500 {
			t.Errorf("%s: %d characters of prose, want at least 2500", l.File, n)
		}
	}
}

var fence = regexp.MustCompile("(?ms)^```.*?^```[ \t]*$")

// PlainText drops fenced code blocks, leaving the prose a lesson teaches.
func PlainText(md string) string { return fence.ReplaceAllString(md, "") }

func TestLoadReportsEveryProblemWithFileAndLine(t *testing.T) {
	reg := registry(t)
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("---\nid: one\ntitle: One\norder: 1\nsources: [sqs]\nobjectives: [x]\n---\nBody.\n")},
		"b.md": {Data: []byte("---\nid: one\ntitle: Again\norder: 2\nobjectives: [x]\n---\nBody.\n")},
		"c.md": {Data: []byte("---\nid: three\ntitle: Three\nsources:\n  - sqs\n  - sq\nobjectives: [x]\n---\nBody.\n")},
		"d.md": {Data: []byte("---\nid: four\ntitle: [unclosed\n---\nBody.\n")},
		"e.md": {Data: []byte("---\nid: five\ntitle: Five\nobjectives: [x]\n---\nfirst line\nsee {{fact:no.such.fact}}\n")},
		"f.md": {Data: []byte("---\ntitle: No id\n---\nBody.\n")},
		"g.md": {Data: []byte("no front matter\n")},
		"h.md": {Data: []byte("---\nid: eight\ntitle: Eight\ncolour: blue\n---\nBody.\n")},
	}
	_, err := Load(fsys, "course/lessons", reg)
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{
		`course/lessons/b.md:2: duplicate lesson id "one"`,
		`course/lessons/c.md:6: unknown source "sq"`,
		`course/lessons/d.md:3:`,
		`course/lessons/e.md:7: unknown fact "no.such.fact"`,
		`course/lessons/f.md:2: missing id`,
		`course/lessons/g.md:1: a lesson must start with YAML front matter`,
		`course/lessons/h.md:4:`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

func TestFactsAreFilledAndCited(t *testing.T) {
	reg := registry(t)
	f, ok := reg.Get("sync.lambda-no-retry")
	if !ok {
		t.Skip("fact sync.lambda-no-retry not in the registry")
	}
	fsys := fstest.MapFS{"a.md": {Data: []byte("---\nid: a\ntitle: A\n---\nLambda: {{fact:sync.lambda-no-retry}}.\n")}}
	c, err := Load(fsys, "x", reg)
	if err != nil {
		t.Fatal(err)
	}
	body := c.Lessons[0].Body
	if !strings.Contains(body, "Lambda: "+f.Value+".") || !strings.Contains(body, "## Sources") || !strings.Contains(body, f.Source) {
		t.Fatalf("body:\n%s", body)
	}
}

func TestCourseOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"z.md": {Data: []byte("---\nid: z\ntitle: Z\norder: 1\n---\n")},
		"a.md": {Data: []byte("---\nid: a\ntitle: A\norder: 2\n---\n")},
	}
	c, err := Load(fsys, "x", registry(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.IDs(), ","); got != "z,a" {
		t.Fatalf("order %s", got)
	}
}
