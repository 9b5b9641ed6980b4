package main

import (
	"context"
	"io"
	"os/exec"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// The board runs in a terminal, shows the learners of the state directory's
// database, picks up a second learner's answer written by another process
// while it runs, and quits on q.
func TestBinaryClassBoardLive(t *testing.T) {
	right, _ := syncTriggerAnswers(t)
	if _, errOut, code := tutor(t, right+"\n", "quiz", "--plain", "--item", "sync-trigger", "--seed", "7"); code != 0 {
		t.Fatalf("quiz: exit %d: %s", code, errOut)
	}
	cmd := exec.Command(tutorBin, "class", "board")
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+stateDir(t), "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scr := &screen{}
	go io.Copy(scr, f)
	scr.waitFor(t, "1 learner · 0 stuck")
	scr.waitFor(t, "local")

	// Another learner answers, through the store, while the board runs.
	ctx := context.Background()
	store, _, err := progress.OpenSQLite(ctx, stateDir(t))
	if err != nil {
		t.Fatal(err)
	}
	err = store.Apply(ctx, "SHA256:second", progress.Answer{Item: "sync-trigger", Right: false, At: time.Now(), Picked: []string{"Amazon S3"}})
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Only new text is sure to appear whole: the renderer sends only the
	// cells that changed, so "2 learners" may come in pieces.
	scr.waitFor(t, "SHA256:second")

	f.Write([]byte("q"))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("q: %v", err)
		}
	case <-time.After(15 * time.Second): // a safety net for a hung program
		cmd.Process.Kill()
		t.Fatal("q did not quit the board")
	}
}
