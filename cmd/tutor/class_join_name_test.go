package main

import (
	"context"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// TestBinaryClassJoinName: with no terminal and no --name, join says in one
// line how to give a name and sends everything; on a terminal it asks the
// name (again after one CleanName refuses) and the class stores it; a later
// --name does not rename; a bad --name is a usage error.
func TestBinaryClassJoinName(t *testing.T) {
	home, _, fp := joinKey(t)
	class, _, l := joinServer(t, fp)
	url := "ssh://" + l.Addr().String()
	state := stateDir(t)
	mine, _, err := progress.OpenSQLite(context.Background(), state)
	if err != nil {
		t.Fatal(err)
	}
	mine.Apply(context.Background(), progress.LocalLearner, progress.Answer{Item: "sqs-visibility", Right: true, At: time.Now(), Picked: []string{"y"}})
	mine.Close()
	name := func() string {
		n, err := class.Name(context.Background(), fp)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	_, errOut, code := joinRun(t, home, state, "class", "join", "--once", "--name", "   ", url)
	if code != exitUsage || !strings.Contains(errOut, "--name") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("blank --name: exit %d, stderr %q", code, errOut)
	}

	out, errOut, code := joinRun(t, home, state, "class", "join", "--once", url)
	hint := `run tutor class join --name "Your Name" ` + url
	if code != 0 || strings.Count(out, hint) != 1 || !strings.Contains(out, "sent 1 answer") || name() != "" {
		t.Fatalf("no terminal: exit %d, name %q\nstdout:\n%s\nstderr:\n%s", code, name(), out, errOut)
	}

	// A terminal: the name is asked; a name of 41 characters is refused
	// with the reason and the question comes again.
	cmd := exec.Command(tutorBin, "class", "join", "--once", url)
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+state, "HOME="+home, "SSH_AUTH_SOCK=", "NO_COLOR=")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	scr := &screen{}
	go io.Copy(scr, f)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	scr.waitFor(t, "Your name: ")
	f.Write([]byte(strings.Repeat("x", 41) + "\r"))
	scr.waitFor(t, "too long")
	f.Write([]byte("  Pat Doe \r"))
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("join on a terminal: %v\n%s", err, scr.text())
		}
	case <-time.After(30 * time.Second): // a bound for a hang, not a budget
		cmd.Process.Kill()
		t.Fatalf("join on a terminal did not end:\n%s", scr.text())
	}
	scr.waitFor(t, `the class knows you as "Pat Doe"`) // the pty may still hold the last lines
	if got := name(); got != "Pat Doe" || strings.Contains(scr.text(), hint) {
		t.Fatalf("class name %q; terminal:\n%s", got, scr.text())
	}

	out, _, code = joinRun(t, home, state, "class", "join", "--once", "--name", "Someone", url)
	if code != 0 || !strings.Contains(out, `already knows you as "Pat Doe"`) || name() != "Pat Doe" {
		t.Fatalf("--name once named: exit %d, name %q\n%s", code, name(), out)
	}
}
