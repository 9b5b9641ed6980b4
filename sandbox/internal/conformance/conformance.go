// Package conformance finds the shared conformance corpus (real SAM events,
// filter cases recorded against AWS) that tests read from
// ../shared/conformance beside the module root. A clone without it still
// passes its tests: they skip, saying why.
package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the corpus folder, or an error saying where it was looked for.
func Dir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the test's directory, so ../shared/conformance cannot be located")
		}
		dir = parent
	}
	c := filepath.Join(filepath.Dir(dir), "shared", "conformance")
	if _, err := os.Stat(c); err != nil {
		return "", fmt.Errorf("the conformance corpus is not at %s (it lives in ../shared/conformance beside the module root)", c)
	}
	return c, nil
}

// DirOrSkip returns the corpus folder, or skips the test saying why.
func DirOrSkip(t testing.TB) string {
	t.Helper()
	c, err := Dir()
	if err != nil {
		t.Skip("skipping: " + err.Error())
	}
	return c
}
