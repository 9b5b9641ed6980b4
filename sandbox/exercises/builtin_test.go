package exercises

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/assets"
	"github.com/tutor-dev/tutor/sandbox"
)

func builtin(t *testing.T) []*Exercise {
	t.Helper()
	fsys, err := fs.Sub(assets.Exercises, "_exercises")
	if err != nil {
		t.Fatal(err)
	}
	exs, err := Load(fsys, "exercises")
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) < 2 {
		t.Fatalf("%d built-in exercises", len(exs))
	}
	return exs
}

func needGo(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go on PATH")
	}
}

// checkWith checks e with handler.go replaced by src in a fresh workspace.
func checkWith(t *testing.T, e *Exercise, src []byte) *Report {
	t.Helper()
	ws := t.TempDir()
	if _, err := Init(ws, []*Exercise{e}); err != nil {
		t.Fatal(err)
	}
	if src != nil {
		if err := os.WriteFile(filepath.Join(ws, e.ID, HandlerFile), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := sandbox.BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Check(context.Background(), e, Options{Workspace: ws, Event: evs.Load})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Build.OK {
		t.Fatalf("%s: build failed:\n%s", e.ID, rep.Build.Output)
	}
	return rep
}

// TestHonestChecks: the reference solution passes every criterion, the stub
// as shipped compiles and fails at least one, and every wrong solution in
// testdata fails the criterion it names, with a detail.
func TestHonestChecks(t *testing.T) {
	needGo(t)
	for _, e := range builtin(t) {
		t.Run(e.ID, func(t *testing.T) {
			// Checks wait on processes and time limits as much as they
			// build, so they overlap; the one whose criteria are about the
			// deadline runs alone, first, so load cannot make it miss one.
			if e.ID != "deadline-aware" {
				t.Parallel()
			}
			rep := checkWith(t, e, e.Solution)
			for _, c := range rep.Criteria {
				if !c.Passed {
					t.Errorf("solution fails %s: %s", c.ID, c.Detail)
				}
			}
			if !rep.Passed {
				t.Errorf("solution: report not passed")
			}
			rep = checkWith(t, e, nil)
			if rep.Passed {
				t.Errorf("the stub passes every criterion")
			}
			wrongs, _ := fs.Glob(assets.Exercises, path.Join("_exercises", e.ID, "testdata", "*.go"))
			if len(wrongs) < 2 {
				t.Errorf("%d wrong solutions in testdata, want at least 2", len(wrongs))
			}
			for _, w := range wrongs {
				src, _ := fs.ReadFile(assets.Exercises, w)
				first, _, _ := strings.Cut(string(src), "\n")
				want, ok := strings.CutPrefix(first, "// fails: ")
				if !ok {
					t.Errorf("%s: first line must be // fails: CRITERION", w)
					continue
				}
				rep := checkWith(t, e, src)
				found := false
				for _, c := range rep.Criteria {
					if c.ID == want {
						found = true
						if c.Passed {
							t.Errorf("%s passes %s", path.Base(w), want)
						} else if c.Detail == "" {
							t.Errorf("%s fails %s without a detail", path.Base(w), want)
						} else {
							t.Logf("%s fails %s: %s", path.Base(w), want, c.Detail)
						}
					}
				}
				if !found {
					t.Errorf("%s names criterion %s, which the exercise lacks", path.Base(w), want)
				}
			}
		})
	}
}
