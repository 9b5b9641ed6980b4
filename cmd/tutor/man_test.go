package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra/doc"
)

// TestManPages generates a man page per command from the command tree, so
// the pages never drift from the flags. To install them:
//
//	TUTOR_MAN_DIR=$HOME/.local/share/man/man1 go test ./cmd/tutor -run TestManPages
//
// Without TUTOR_MAN_DIR the pages go to a temporary folder and are checked.
func TestManPages(t *testing.T) {
	dir := os.Getenv("TUTOR_MAN_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	started := false
	root := newRootCmd(&globals{}, &started)
	root.DisableAutoGenTag = true
	if err := doc.GenManTree(root, &doc.GenManHeader{Title: "TUTOR", Section: "1", Source: "tutor"}, dir); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "tutor.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"tutor-lessons(1)", "--theme"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("tutor.1 lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "tutor-sandbox-examples.1")); err != nil {
		t.Error(err)
	}
}
