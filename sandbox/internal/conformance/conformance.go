// Package conformance locates the conformance corpus that tests read: real
// SAM sample events and filter cases recorded against AWS, kept in this
// package's testdata folder so every clone runs every conformance test.
// testdata/README.md says where each file comes from and under what licence.
package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the corpus folder. It is found from this source file's own
// location, so it works whatever the test's working directory is.
func Dir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("cannot locate the conformance package's source folder")
	}
	c := filepath.Join(filepath.Dir(file), "testdata")
	if _, err := os.Stat(c); err != nil {
		return "", fmt.Errorf("the conformance corpus is missing from %s: restore it with git checkout", c)
	}
	return c, nil
}

// MustDir returns the corpus folder or fails the test: the corpus ships with
// the repository, so its absence is a broken checkout, not a reason to skip.
func MustDir(t testing.TB) string {
	t.Helper()
	c, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
