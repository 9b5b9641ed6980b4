package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestBinaryPositionSurvivesHangupAndTerm: closing the terminal (SIGHUP)
// or `kill` (SIGTERM) while reading keeps the reading position, which
// `tutor progress --json` shows as a position between 0 and 1.
func TestBinaryPositionSurvivesHangupAndTerm(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			state := stateDir(t)
			cmd := exec.Command(tutorBin)
			cmd.Env = tutorEnv("TUTOR_STATE_DIR="+state, "TERM=xterm-256color")
			f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			scr := &screen{}
			go io.Copy(scr, f)
			scr.waitFor(t, "lessons done")
			f.Write([]byte("\r"))
			scr.waitFor(t, "lesson you will") // the text is rendered
			scr.reset()
			f.Write([]byte("   ")) // three pages down
			for deadline := time.Now().Add(15 * time.Second); scr.raw() == "" && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond) // until the program redraws after the keys
			}
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("tutor did not end on %v", sig)
			}
			out, errOut, code := tutor(t, "", "progress", "--json")
			if code != 0 {
				t.Fatalf("progress: %s", errOut)
			}
			var p struct {
				Lessons []struct {
					ID       string
					Position float64
				}
			}
			if err := json.Unmarshal([]byte(out), &p); err != nil {
				t.Fatal(err)
			}
			if len(p.Lessons) == 0 || p.Lessons[0].Position <= 0 || p.Lessons[0].Position >= 1 {
				t.Fatalf("after %v: %+v, want the first lesson's position saved", sig, p.Lessons)
			}
		})
	}
}
