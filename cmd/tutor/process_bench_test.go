package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// BenchmarkProcessStart times tutor as a learner meets it: a whole process
// (exec, runtime and package init, opening the store, loading the course,
// the first frame) on a pty that answers no terminal queries, against the
// bare Bubble Tea v2 program in testdata/bare built the same way. Each
// iteration runs both, alternating which goes first, so the machine's
// noise falls on both; it reports the median of the per-run ratios
// (x-bare, the budget: outline ≤ 1.5, reopened lesson ≤ 2) and the median
// times. "outline" is a learner with no lesson open; "lesson" reopens the
// SQS lesson and waits for its first paragraph.
//
//	go test -run '^$' -bench ProcessStart -benchtime 40x -count 3 ./cmd/tutor/
//
// TUTOR_BENCH_TUTOR=/path/to/tutor times that binary instead of this tree's (the
// reopened lesson's state is written by this tree's store: an older binary
// fails there once the schema has moved on).
func BenchmarkProcessStart(b *testing.B) {
	dir := b.TempDir()
	tutor, bare := filepath.Join(dir, "tutor"), filepath.Join(dir, "bare")
	for bin, pkg := range map[string]string{tutor: ".", bare: "./testdata/bare"} {
		if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
			b.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	if bin := os.Getenv("TUTOR_BENCH_TUTOR"); bin != "" {
		tutor = bin // another build of tutor, to compare before and after a change
	}
	cache := filepath.Join(dir, "cache") // the child's, warmed by the first run
	env := append(os.Environ(), "TERM=xterm-256color", "XDG_CACHE_HOME="+cache)

	fresh := filepath.Join(dir, "fresh")
	reopen := filepath.Join(dir, "reopen")
	store, _, err := progress.OpenSQLite(context.Background(), reopen)
	if err != nil {
		b.Fatal(err)
	}
	if err := store.Apply(context.Background(), progress.LocalLearner, progress.Open{Lesson: "sqs", At: time.Now()}); err != nil {
		b.Fatal(err)
	}
	store.Close()

	const bareMarker = "AWS Lambda triggers"
	cases := []struct {
		name, state, marker string
	}{
		{"outline", fresh, "lessons done"},
		{"lesson", reopen, "Simple Queue Service"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			tutorEnv := append(slices.Clone(env), "TUTOR_STATE_DIR="+c.state)
			startUp(b, tutor, tutorEnv, c.marker) // warm the course cache and the page cache
			startUp(b, bare, env, bareMarker)
			var ratios, tms, bms []float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var t, r time.Duration
				if i%2 == 0 {
					r = startUp(b, bare, env, bareMarker)
					t = startUp(b, tutor, tutorEnv, c.marker)
				} else {
					t = startUp(b, tutor, tutorEnv, c.marker)
					r = startUp(b, bare, env, bareMarker)
				}
				ratios = append(ratios, float64(t)/float64(r))
				tms = append(tms, float64(t.Microseconds())/1000)
				bms = append(bms, float64(r.Microseconds())/1000)
			}
			b.ReportMetric(median(ratios), "x-bare")
			b.ReportMetric(median(tms), "ms-tutor")
			b.ReportMetric(median(bms), "ms-bare")
		})
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// startUp runs bin on a 100x30 pty that answers nothing, returns the time
// from exec to marker on screen, then quits it with ctrl+c.
func startUp(b *testing.B, bin string, env []string, marker string) time.Duration {
	b.Helper()
	cmd := exec.Command(bin)
	cmd.Env = env
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	seen := make(chan time.Duration, 1)
	go func() {
		var all strings.Builder
		buf := make([]byte, 32<<10)
		for {
			n, err := f.Read(buf)
			all.Write(buf[:n])
			if strings.Contains(all.String(), marker) {
				seen <- time.Since(start)
				_, _ = f.Write([]byte{3}) // ctrl+c
				for err == nil {
					_, err = f.Read(buf)
				}
				return
			}
			if err != nil {
				close(seen)
				return
			}
		}
	}()
	var d time.Duration
	var ok bool
	select {
	case d, ok = <-seen:
	case <-time.After(10 * time.Second):
	}
	if !ok {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		b.Fatalf("%s: %q never appeared", filepath.Base(bin), marker)
	}
	if err := cmd.Wait(); err != nil {
		b.Fatalf("%s: %v", filepath.Base(bin), err)
	}
	return d
}
