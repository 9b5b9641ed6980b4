package lessons

import (
	"strings"
	"testing"
	"testing/fstest"
)

// loadOne loads a single lesson file and returns the error text.
func loadOne(t *testing.T, text string) (*Course, string) {
	t.Helper()
	c, err := Load(fstest.MapFS{"a.md": {Data: []byte(text)}}, "lessons", registry(t))
	if err != nil {
		return c, err.Error()
	}
	return c, ""
}

func TestEmptyFrontMatterIsNotUnclosed(t *testing.T) {
	_, err := loadOne(t, "---\n---\nBody.\n")
	if strings.Contains(err, "not closed") || !strings.Contains(err, "lessons/a.md:2: missing id") {
		t.Fatalf("an empty front matter lacks an id; it is closed:\n%s", err)
	}
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	c, err := loadOne(t, "\ufeff---\nid: a\ntitle: A\n---\nBody.\n")
	if err != "" || len(c.Lessons) != 1 {
		t.Fatalf("a lesson saved with a BOM loads: %s", err)
	}
}

func TestFactReferenceWithSpaces(t *testing.T) {
	reg := registry(t)
	f, _ := reg.Get("sqs.batch-size.default")
	c, err := loadOne(t, "---\nid: a\ntitle: A\n---\nBatch: {{ fact: sqs.batch-size.default }}.\n")
	if err != "" || !strings.Contains(c.Lessons[0].Body, "Batch: "+f.Value+".") {
		t.Fatalf("{{ fact: ID }} is filled in: %s\n%s", err, c.Lessons[0].Body)
	}
	_, err = loadOne(t, "---\nid: a\ntitle: A\n---\nline\nBatch: {{fact sqs.batch-size.default}}.\n")
	if !strings.Contains(err, "lessons/a.md:6: malformed fact reference") {
		t.Fatalf("a fact reference that cannot be read is reported, not left as text:\n%s", err)
	}
}

func TestEveryFrontMatterErrorIsReported(t *testing.T) {
	_, err := loadOne(t, "---\nid: a\ntitle: A\ncolour: blue\norder: first\nshape: round\n---\nBody.\n")
	for _, want := range []string{"lessons/a.md:4:", "lessons/a.md:5:", "lessons/a.md:6:"} {
		if !strings.Contains(err, want) {
			t.Errorf("missing %q in:\n%s", want, err)
		}
	}
}

func TestAliasesAreRefusedInFrontMatter(t *testing.T) {
	bomb := "---\nid: a\ntitle: A\nobjectives: &a [x, x, x, x, x, x, x, x, x]\nsummary: *a\n---\nBody.\n"
	_, err := loadOne(t, bomb)
	if !strings.Contains(err, "lessons/a.md:5:") || !strings.Contains(err, "aliases") || strings.Count(err, "\n") > 0 {
		t.Fatalf("an alias is one line naming file and line:\n%s", err)
	}
}

func TestDeepNestingIsRefused(t *testing.T) {
	head := "---\nid: a\ntitle: A\n---\nIntro.\n"
	for name, body := range map[string]string{
		"blockquotes":     strings.Repeat("> ", 400) + "deep\n",
		"lists on a line": strings.Repeat("- ", 400) + "deep\n",
		"indented lists": func() string {
			var b strings.Builder
			for i := range 400 {
				b.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return b.String()
		}(),
	} {
		_, err := loadOne(t, head+body)
		if !strings.Contains(err, "lessons/a.md:") || !strings.Contains(err, "levels deep here; at most 12") {
			t.Errorf("%s: 400 levels are refused with file and line:\n%s", name, err)
		}
	}
	if _, err := loadOne(t, head+strings.Repeat("> ", 400)+"x\n"); !strings.Contains(err, "a.md:6: blockquotes and lists nest 400 levels") {
		t.Errorf("the depth and line are named: %s", err)
	}
	ok := head + "> quote\n> > nested\n\n- a\n  - b\n    - c\n\n```\n" + strings.Repeat("- ", 40) + "in code\n```\n"
	if _, err := loadOne(t, ok); err != "" {
		t.Errorf("ordinary nesting, and code, load: %s", err)
	}
}

func TestLabsKnowTheirLine(t *testing.T) {
	c, err := loadOne(t, "---\nid: a\ntitle: A\nlabs:\n  - handler: x\n    events: [e]\n  - handler: y\n---\nBody.\n")
	if err != "" {
		t.Fatal(err)
	}
	if l := c.Lessons[0].Labs; l[0].Line != 5 || l[1].Line != 7 {
		t.Fatalf("lab lines %d, %d; want 5, 7", l[0].Line, l[1].Line)
	}
}
