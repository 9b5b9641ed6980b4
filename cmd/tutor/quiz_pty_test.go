package main

import (
	"io"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestBinaryQuizTUI answers sync-trigger on the quiz screen in a pty.
func TestBinaryQuizTUI(t *testing.T) {
	right, _ := syncTriggerAnswers(t)
	n, _ := strconv.Atoi(right)
	state := stateDir(t)
	cmd := exec.Command(tutorBin, "quiz", "--item", "sync-trigger", "--seed", "7")
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+state, "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 90, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scr := &screen{}
	go io.Copy(scr, f)

	scr.waitFor(t, "Question 1 of 1")
	f.Write([]byte(strings.Repeat("j", n-1) + "\r"))
	scr.waitFor(t, "You are right!")
	f.Write([]byte("\r"))
	scr.waitFor(t, "enter: close") // the summary (the renderer sends only changed cells)
	scr.reset()
	f.Write([]byte("\r"))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("tutor quiz exited with %v", err)
		}
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Fatal("tutor quiz did not quit after the summary")
	}
	scr.waitFor(t, "Score: 1/1 right on the first try") // printed after the alt screen closes
	if q := quizStats(t); q.Answers != 1 || q.FirstTryRight != 1 {
		t.Fatalf("review state after the TUI: %+v", q)
	}
}
