package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

// startServeBinary runs the built tutor serve on a free loopback port and
// returns the process and the address it printed.
func startServeBinary(t testing.TB, state string, args ...string) (*exec.Cmd, string, *lockedBuf) {
	t.Helper()
	cmd := exec.Command(tutorBin, append([]string{"serve", "--listen", "127.0.0.1:0"}, args...)...)
	cmd.Env = tutorEnv("TUTOR_STATE_DIR=" + state)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	log := &lockedBuf{}
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`serving the course on (\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			log.Write([]byte(sc.Text() + "\n"))
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case a := <-addr:
		return cmd, a, log
	case <-time.After(30 * time.Second):
		t.Fatalf("tutor serve did not start: %s", log.String())
	}
	return nil, "", nil
}

// TestBinaryServeSIGTERM: SIGTERM tells the connected learner the server
// stops and their progress is saved, the process exits 0, and the store
// has the learner's last change.
func TestBinaryServeSIGTERM(t *testing.T) {
	state := stateIn(t)
	cmd, addr, log := startServeBinary(t, state, "--open")
	learner := newSigner(t)
	term := connectTerm(t, addr, learner, 80, 24)
	term.enterName(t, "Sig")
	term.waitFor(t, "Event")
	term.send("\r") // opens the first lesson
	term.waitFor(t, "lesson 1 of")
	// The keys below scroll only once the text is rendered, which a full
	// repaint shows by its footer: "  0%" (not "100%", nor "…" while rendering).
	term.waitRedrawn(t, "  0%")
	term.send("jjjjj")
	// The reading position is saved once scrolling settles: the store having
	// it says the keys were read, whatever the machine's load (no sleep).
	crs, err := loadCourse(&globals{stateDir: state})
	if err != nil {
		t.Fatal(err)
	}
	s, err := progress.OpenExisting(context.Background(), filepath.Join(state, progress.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fp, first := serve.Fingerprint(learner.PublicKey()), crs.Lessons.Lessons[0].ID
	waitUntil(t, func() bool {
		snap, err := s.Load(context.Background(), fp)
		return err == nil && snap.Progress.Lesson(first).Offset > 0
	}, "the scrolled position never reached the store")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("tutor serve exited with %v; log:\n%s", err, log.String())
		}
	case <-time.After(30 * time.Second): // a bound for a hung server, not a budget
		t.Fatalf("tutor serve did not exit after SIGTERM; log:\n%s", log.String())
	}
	term.waitFor(t, serve.MsgStopping)
	term.waitFor(t, "Your progress is saved")
	snap, err := s.Load(context.Background(), fp)
	if err != nil || snap.Name != "Sig" || snap.Progress.Last != first || snap.Progress.Lesson(first).Offset == 0 {
		t.Fatalf("after the stop: name %q, last %q, offset %d (%v)", snap.Name, snap.Progress.Last, snap.Progress.Lesson(first).Offset, err)
	}
}

// TestBinaryServeOpenSSH: the OpenSSH client gets the name prompt, then the
// course, in a real terminal.
func TestBinaryServeOpenSSH(t *testing.T) {
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client (ssh) on this machine")
	}
	dir := t.TempDir()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	keyPath := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, _ := gossh.NewSignerFromKey(priv)
	_, addr, _ := startServeBinary(t, stateIn(t), "--authorized-keys", keysFile(t, dir, "class", signer))
	host, port, _ := strings.Cut(addr, ":")
	cmd := exec.Command(sshBin, "-tt", "-p", port, "-i", keyPath, "-F", "/dev/null",
		"-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "BatchMode=yes", "learner@"+host)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	defer f.Close()
	scr := &screen{}
	go io.Copy(scr, f)
	scr.waitFor(t, "Your name")
	f.Write([]byte("Open Ssh\r"))
	scr.waitFor(t, "Event")
}
