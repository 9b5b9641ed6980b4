package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The board refuses, in one line, a database that is not there, and a
// stdout that is not a terminal (pointing at the report).
func TestBinaryClassBoardRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no progress yet", []string{"class", "board"}, "no progress in the state directory yet"},
		{"missing file", []string{"class", "board", "--db", filepath.Join(dir, "nope.db")}, "no database at"},
		{"not a database", []string{"class", "board", "--db", writeFile(t, dir, "notes.txt", "not a database")}, "not a tutor database"},
	} {
		out, errOut, code := tutor(t, "", tc.args...)
		if code != 1 || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || out != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q; want exit 1 and one line with %q", tc.name, code, errOut, out, tc.want)
		}
	}
	right, _ := syncTriggerAnswers(t)
	if _, errOut, code := tutor(t, right+"\n", "quiz", "--plain", "--item", "sync-trigger", "--seed", "7"); code != 0 {
		t.Fatalf("quiz: exit %d: %s", code, errOut)
	}
	out, errOut, code := tutor(t, "", "class", "board")
	if code != 1 || !strings.Contains(errOut, "needs a terminal") || !strings.Contains(errOut, "tutor class report") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || out != "" {
		t.Errorf("not a terminal: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
}
