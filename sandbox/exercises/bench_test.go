package exercises

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tutor-dev/tutor/sandbox/runtimeapi"
)

// The budget (DESIGN.md): the time from a one-line edit to the verdict of
// `tutor check` is at most 1.5x a `go build` of the same exercise plus one
// `sandbox run` of it, with a warm build cache. Run side by side:
//
//	go test -run '^$' -bench 'EditToVerdict|BuildAndRun' -count 6 ./sandbox/exercises/
//	go test -run '^$' -bench ColdCheck -benchtime 1x -count 3 ./sandbox/exercises/
//
// Each iteration makes a one-line edit (a new comment line, so the
// package really recompiles), then checks (every criterion) or builds and
// runs the first criterion's event once.

const benchExercise = "sqs-partial-batch"

func benchSetup(b *testing.B) (*Exercise, string) {
	b.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		b.Skip("no go")
	}
	var e *Exercise
	for _, x := range builtin(&testing.T{}) {
		if x.ID == benchExercise {
			e = x
		}
	}
	ws := b.TempDir()
	if _, err := Init(ws, []*Exercise{e}); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws, e.ID, HandlerFile), e.Solution, 0o644); err != nil {
		b.Fatal(err)
	}
	return e, ws
}

func edit(b *testing.B, ws string, e *Exercise, i int) {
	src := append([]byte{}, e.Solution...)
	src = fmt.Appendf(src, "\n// edit %d\nvar _ = %d\n", i, i)
	if err := os.WriteFile(filepath.Join(ws, e.ID, HandlerFile), src, 0o644); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkEditToVerdict(b *testing.B) {
	e, ws := benchSetup(b)
	edit(b, ws, e, -1)
	if _, err := Check(context.Background(), e, Options{Workspace: ws}); err != nil { // warm the cache
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		edit(b, ws, e, i)
		rep, err := Check(context.Background(), e, Options{Workspace: ws})
		if err != nil || !rep.Passed {
			b.Fatalf("check: %v %+v", err, rep)
		}
	}
}

func BenchmarkBuildAndRun(b *testing.B) {
	e, ws := benchSetup(b)
	tmp := b.TempDir()
	goBin, _ := FindGo()
	event := e.Criteria[0].Invoke.Event
	edit(b, ws, e, -1)
	if _, err := build(context.Background(), goBin, ws, e.ID, tmp, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		edit(b, ws, e, i)
		bd, err := build(context.Background(), goBin, ws, e.ID, tmp, nil)
		if err != nil || !bd.OK {
			b.Fatalf("build: %v %+v", err, bd)
		}
		res, err := runtimeapi.Run(context.Background(), runtimeapi.Config{Bin: bd.Bin}, event)
		if err != nil || res.Error != nil {
			b.Fatalf("run: %v %+v", err, res)
		}
	}
}

// BenchmarkColdCheck is the first check on an empty build cache (its own
// GOCACHE, given to go build only).
func BenchmarkColdCheck(b *testing.B) {
	e, ws := benchSetup(b)
	for range b.N {
		b.StopTimer()
		cache := b.TempDir()
		b.StartTimer()
		rep, err := Check(context.Background(), e, Options{Workspace: ws, BuildEnv: []string{"GOCACHE=" + cache}})
		if err != nil || !rep.Passed {
			b.Fatalf("check: %v %+v", err, rep)
		}
	}
}
