package main

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/creack/pty"
)

// bare is the smallest Bubble Tea v2 program, run in this test process.
// BenchmarkFirstFrame leaves out exec and package init, and the course
// cache is warm after its first iteration: the budgets are checked by the
// whole-process BenchmarkProcessStart (process_bench_test.go) instead.
type bare struct{}

func (bare) Init() tea.Cmd { return nil }
func (b bare) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+c" {
		return b, tea.Quit
	}
	return b, nil
}
func (bare) View() tea.View {
	v := tea.NewView("AWS Lambda triggers and event sources")
	v.AltScreen = true
	return v
}

// firstFrame starts a program on a pty that answers no queries, waits for
// marker on screen and returns how long that took; then quits it.
func firstFrame(b *testing.B, run func(in, out *os.File) error, marker string) time.Duration {
	b.Helper()
	master, slave, err := pty.Open()
	if err != nil {
		b.Fatal(err)
	}
	defer master.Close()
	defer slave.Close()
	pty.Setsize(master, &pty.Winsize{Cols: 100, Rows: 30})
	seen := make(chan time.Duration, 1)
	start := time.Now()
	go func() {
		var all strings.Builder
		buf := make([]byte, 32<<10)
		for {
			n, err := master.Read(buf)
			all.Write(buf[:n])
			if strings.Contains(all.String(), marker) {
				seen <- time.Since(start)
				io.Copy(io.Discard, master)
				return
			}
			if err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- run(slave, slave) }()
	var d time.Duration
	select {
	case d = <-seen:
	case err := <-done:
		b.Fatalf("program ended before its first frame: %v", err)
	case <-time.After(10 * time.Second):
		b.Fatal("no first frame")
	}
	master.Write([]byte{3}) // ctrl+c
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkFirstFrame compares the time to the first frame of a bare
// Bubble Tea v2 program with tutor's whole start-up (loading the course and
// progress, then the outline), both under a pty that answers nothing:
//
//	go test -run '^$' -bench FirstFrame -count 10 ./cmd/tutor/ | benchstat -
func BenchmarkFirstFrame(b *testing.B) {
	b.Run("bare", func(b *testing.B) {
		var total time.Duration
		for i := 0; i < b.N; i++ {
			total += firstFrame(b, func(in, out *os.File) error {
				_, err := tea.NewProgram(bare{}, tea.WithInput(in), tea.WithOutput(out)).Run()
				return err
			}, "AWS Lambda triggers")
		}
		b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/first-frame")
	})
	b.Run("tutor", func(b *testing.B) {
		state := b.TempDir()
		var total time.Duration
		for i := 0; i < b.N; i++ {
			total += firstFrame(b, func(in, out *os.File) error {
				return runCourse(&globals{stateDir: state, stdin: in, stdout: out, stderr: io.Discard})
			}, "lessons done")
		}
		b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/first-frame")
	})
}
