package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// screen collects what a program writes to a pty that never answers the
// program's terminal queries, like a terminal that ignores them.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.buf.String())
}

// waitFor polls until the screen shows want; the limit is a safety net for
// a hung program, not a performance budget.
func (s *screen) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.text(), want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("screen never showed %q; it shows:\n%s", want, s.text())
}

func (s *screen) raw() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func (s *screen) reset() {
	s.mu.Lock()
	s.buf.Reset()
	s.mu.Unlock()
}

func TestBinaryTUIInSilentPty(t *testing.T) {
	state := stateDir(t)
	cmd := exec.Command(tutorBin)
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+state, "TERM=xterm-256color")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scr := &screen{}
	go io.Copy(scr, f)

	scr.waitFor(t, "lessons done")
	t.Logf("outline shown after %v", time.Since(start))
	scr.reset()
	f.Write([]byte("\r")) // enter: open the first lesson
	scr.waitFor(t, "lesson 1 of")
	scr.reset()
	f.Write([]byte("q")) // back to the outline
	scr.waitFor(t, "enter open")
	f.Write([]byte("q")) // quit
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("tutor exited with %v", err)
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Fatal("tutor did not quit on q")
	}

	out, _, _ := tutor(t, "", "lessons", "--json")
	var rows []lessonJSON
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("lessons --json: %v", err)
	}
	if rows[0].Status != "in-progress" {
		t.Fatalf("first lesson is %q after opening it, want in-progress", rows[0].Status)
	}
}

// TestBinaryNoColor: NO_COLOR with any non-empty value (no-color.org), even
// one strconv.ParseBool rejects, gives a screen without colour.
func TestBinaryNoColor(t *testing.T) {
	for _, value := range []string{"", "yes"} {
		cmd := exec.Command(tutorBin)
		cmd.Env = tutorEnv("TUTOR_STATE_DIR="+t.TempDir(), "TERM=xterm-256color", "COLORTERM=truecolor", "NO_COLOR="+value)
		f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
		if err != nil {
			t.Fatal(err)
		}
		scr := &screen{}
		go io.Copy(scr, f)
		scr.waitFor(t, "lessons done")
		f.Write([]byte{3}) // ctrl+c
		cmd.Wait()
		f.Close()
		coloured := strings.Contains(scr.raw(), "38;2;") || strings.Contains(scr.raw(), "38;5;")
		if value == "" && !coloured {
			t.Errorf("without NO_COLOR the outline should be coloured")
		}
		if value != "" && coloured {
			t.Errorf("NO_COLOR=%s: colour escape codes in the output", value)
		}
	}
}
