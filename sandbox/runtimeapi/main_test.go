package runtimeapi

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// handlerBin is the test handler (testdata/handler, its own module using
// aws-lambda-go's lambda.Start), built once for the whole package; tmpDir
// holds it and anything else the tests build, and goes at the end.
var handlerBin, tmpDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "runtimeapi-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpDir = dir
	handlerBin, err = buildHandler(dir)
	AdoptOrphans() // as tutor does: orphans of the copies become ours to reap
	code := 1
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	} else {
		code = m.Run()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildHandler compiles testdata/handler with the module cache the tests
// run with; -mod=mod lets its go.sum be used as it is, with no vendoring.
func buildHandler(dir string) (string, error) {
	out := filepath.Join(dir, "bootstrap")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir = filepath.Join("testdata", "handler")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod -buildvcs=false", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the test handler: %v\n%s", err, b)
	}
	return out, nil
}
