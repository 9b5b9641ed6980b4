package main

import (
	"context"
	"database/sql"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/creack/pty"
	_ "modernc.org/sqlite"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// Issue 15: "every answer is committed before the learner sees its
// feedback; killing the process (SIGKILL) loses nothing a learner was
// shown". Another connection holds the database's write lock, so the
// answer cannot be committed: the quiz must not show its feedback (it says
// it is saving). Once the lock goes the feedback shows; the process is
// killed the moment it does, and the answer is in the store.
func TestBinaryQuizFeedbackOnlyAfterCommit(t *testing.T) {
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
	exited := make(chan error, 1)
	defer func() {
		cmd.Process.Kill()
		<-exited
	}()
	scr := &screen{}
	go func() {
		io.Copy(scr, f)
	}()
	go func() { exited <- cmd.Wait() }()
	scr.waitFor(t, "Question 1 of 1")

	// Take the write lock, as another process in the middle of a write.
	db, err := sql.Open("sqlite", filepath.Join(state, progress.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(strings.Repeat("j", n-1) + "\r"))
	scr.waitFor(t, "Saving your answer")
	if strings.Contains(scr.text(), "You are right!") {
		t.Fatalf("feedback shown while the answer could not be committed:\n%s", scr.text())
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	scr.waitFor(t, "You are right!")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	exited <- nil // for the deferred wait
	if q := quizStats(t); q.Answers != 1 || q.FirstTryRight != 1 {
		t.Fatalf("the answer shown as right is not in the store after SIGKILL: %+v", q)
	}
}
