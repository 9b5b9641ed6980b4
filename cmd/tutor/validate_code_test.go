package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A code line too wide for an 80-column terminal is a warning naming its
// file and line; the course is still valid (exit 0).
func TestBinaryValidateWarnsOfWideCode(t *testing.T) {
	dir := t.TempDir()
	wide := "\treturn fmt.Errorf(\"the handler could not read record %s of the batch: %w\", id, err)"
	writeFile(t, dir, filepath.Join("lessons", "a.md"),
		"---\nid: intro\ntitle: Intro\norder: 1\n---\nProse may be as long as it likes: the reader wraps it to the terminal's width.\n\n```go\nfunc f() error {\n"+wide+"\n}\n```\n")
	out, errOut, code := tutor(t, "", "validate", dir)
	want := filepath.Join(dir, "lessons", "a.md") + ":10: warning: a code line 87 columns wide"
	if code != 0 || !strings.Contains(out, want) || strings.Count(out, "warning: a code line") != 1 {
		t.Fatalf("exit %d, want 0 and one warning %q:\n%s%s", code, want, out, errOut)
	}
	if !strings.Contains(out, "is valid") {
		t.Errorf("a warning made the course invalid:\n%s", out)
	}
}

// The built-in course has no code line too wide (lessons.TestBuiltinCodeFits
// checks the files; this checks what validate prints).
func TestBinaryValidateBuiltinHasNoWarnings(t *testing.T) {
	out, errOut, code := tutor(t, "", "validate")
	if code != 0 || strings.Contains(out, "warning: a code line") {
		t.Fatalf("exit %d:\n%s%s", code, out, errOut)
	}
}
