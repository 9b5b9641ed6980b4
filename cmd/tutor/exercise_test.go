package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/assets"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func tutorRun(t *testing.T, state string, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	g := &globals{stdin: stdin, stdout: &out, stderr: &errOut}
	code := run(g, append([]string{"--state-dir", state}, args...))
	return code, out.String(), errOut.String()
}

// TestExerciseCommands: init, list, check (exit codes and the --json
// contract), the solution gate and a moved workspace.
func TestExerciseCommands(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go")
	}
	state, ws := t.TempDir(), filepath.Join(t.TempDir(), "ws")
	if code, _, errOut := tutorRun(t, state, nil, "exercise", "init", ws); code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	edited := writeFile(t, ws, "s3-object-keys/handler.go", "package main\n\nfunc handler( // mine\n")
	if code, _, _ := tutorRun(t, state, nil, "exercise", "init", ws); code != 0 {
		t.Fatal("init again")
	}
	if b, _ := os.ReadFile(edited); !strings.Contains(string(b), "// mine") {
		t.Fatal("init overwrote an edited file")
	}
	code, out, _ := tutorRun(t, state, nil, "check", "s3-object-keys", "--json")
	var rep struct {
		Exercise string `json:"exercise"`
		Passed   bool   `json:"passed"`
		Build    struct {
			OK     bool   `json:"ok"`
			Output string `json:"output"`
		} `json:"build"`
		Criteria   []map[string]any `json:"criteria"`
		DurationMs *int64           `json:"duration_ms"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 1 || rep.Build.OK || !strings.Contains(rep.Build.Output, "s3-object-keys/handler.go:4") || rep.DurationMs == nil {
		t.Fatalf("build failure: code %d, %s (%v)", code, out, err)
	}
	sol, _ := assets.Exercises.ReadFile("_exercises/s3-object-keys/solution.go")
	writeFile(t, ws, "s3-object-keys/handler.go", string(sol))
	if code, out, _ := tutorRun(t, t.TempDir(), nil, "check", "s3-object-keys", "--dir", ws); code != 0 || !strings.Contains(out, "All 5 checks passed") {
		t.Fatalf("solution: %d\n%s", code, out)
	}
	if code, _, errOut := tutorRun(t, state, nil, "exercise", "solution", "s3-object-keys"); code != 1 || !strings.Contains(errOut, "opens once you pass") {
		t.Fatalf("solution gate: %d %s", code, errOut)
	}
	if code, out, _ := tutorRun(t, state, nil, "check", "s3-object-keys"); code != 0 {
		t.Fatalf("check: %d %s", code, out)
	}
	if code, out, _ := tutorRun(t, state, nil, "exercise", "solution", "s3-object-keys"); code != 0 || !strings.Contains(out, "QueryUnescape") {
		t.Fatalf("solution once passed: %d %s", code, out)
	}
	code, out, _ = tutorRun(t, state, nil, "exercise", "list", "--json")
	if code != 0 || !strings.Contains(out, `"status": "passed"`) || !strings.Contains(out, `"status": "not-started"`) {
		t.Fatalf("list: %s", out)
	}
	if code, _, _ := tutorRun(t, state, nil, "check", "no-such"); code != 2 {
		t.Fatalf("unknown exercise: exit %d, want 2", code)
	}
	os.RemoveAll(filepath.Join(ws, "vendor", "github.com", "aws", "aws-lambda-go", "events"))
	if code, _, errOut := tutorRun(t, state, nil, "check", "s3-object-keys"); code != 1 || !strings.Contains(errOut, "tutor exercise init") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("half-deleted workspace: %d %q", code, errOut)
	}
	if code, _, _ := tutorRun(t, state, nil, "exercise", "init", ws); code != 0 {
		t.Fatal("init to restore")
	}
	if b, _ := os.ReadFile(filepath.Join(ws, "s3-object-keys", "handler.go")); !strings.Contains(string(b), "QueryUnescape") {
		t.Fatal("init overwrote the learner's handler while restoring")
	}
	os.Rename(ws, ws+"-moved")
	if code, _, errOut := tutorRun(t, state, nil, "check", "s3-object-keys"); code != 1 || !strings.Contains(errOut, "tutor exercise init") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("moved workspace: %d %q", code, errOut)
	}
}

// TestWatch: watch checks at once, again after a save, and quits on q.
func TestWatch(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go")
	}
	state, ws := t.TempDir(), filepath.Join(t.TempDir(), "ws")
	if code, _, errOut := tutorRun(t, state, nil, "exercise", "init", ws); code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	in, keys := io.Pipe()
	out := &lockedBuffer{}
	done := make(chan int)
	go func() {
		done <- run(&globals{stdin: in, stdout: out, stderr: out}, []string{"--state-dir", state, "watch", "s3-object-keys"})
	}()
	waitFor(t, out, "of 5 checks passed")
	sol, _ := assets.Exercises.ReadFile("_exercises/s3-object-keys/solution.go")
	writeFile(t, ws, "s3-object-keys/handler.go", string(sol))
	waitFor(t, out, "All 5 checks passed")
	waitFor(t, out, "Next: sqs-partial-batch")
	keys.Write([]byte("h"))
	waitFor(t, out, "Hint 1 of 3")
	keys.Write([]byte("q"))
	if code := <-done; code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func waitFor(t *testing.T, out *lockedBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if strings.Contains(out.String(), want) {
			return
		}
	}
	t.Fatalf("no %q in:\n%s", want, out.String())
}
