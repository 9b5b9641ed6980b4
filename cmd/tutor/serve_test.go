package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

func TestServeNeedsAnAccessRule(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run(&globals{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}, []string{"--state-dir", t.TempDir(), "serve"})
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if code != exitUsage || len(lines) != 1 || !strings.Contains(lines[0], "--authorized-keys") || !strings.Contains(lines[0], "--join-code") || !strings.Contains(lines[0], "--open") {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
}

func TestServeBadAuthorizedKeysLine(t *testing.T) {
	dir := t.TempDir()
	keys := writeFile(t, dir, "keys", "ssh-ed25519 AAAA-not-a-key\n")
	var errOut bytes.Buffer
	code := run(&globals{stdin: strings.NewReader(""), stdout: &errOut, stderr: &errOut}, []string{"--state-dir", dir, "serve", "--authorized-keys", keys, "--listen", "127.0.0.1:0"})
	if code != exitError || !strings.Contains(errOut.String(), keys+":1:") || strings.Count(strings.TrimSpace(errOut.String()), "\n") != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
}

// lockedBuf collects a session's output while the test reads it.
type lockedBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}
func (l *lockedBuf) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// TestServeLearnersApart: two learners on one server each give their name
// on first login, then open different lessons; each one's progress and name
// are under their own key's fingerprint, and the name is asked only once.
func TestServeLearnersApart(t *testing.T) {
	dir := t.TempDir()
	signers := []gossh.Signer{newSigner(t), newSigner(t)}
	keys := keysFile(t, dir, "class_keys", signers...)
	c, addr, _ := startClass(t, filepath.Join(dir, "state"), serveOpts{authorizedKeys: keys})
	crs, err := loadCourse(&globals{stateDir: filepath.Join(dir, "state")})
	if err != nil {
		t.Fatal(err)
	}
	first, second := crs.Lessons.Lessons[0], crs.Lessons.Lessons[1]
	word := strings.Fields(second.Title)[0]
	names := []string{"Ann", "Bo"}
	// Learner 0 opens the first lesson (enter), learner 1 the second (down, enter).
	for i, keysTyped := range []string{"\r", "j\r"} {
		term := connectTerm(t, addr, signers[i], 80, 24)
		term.enterName(t, "  "+names[i]+" ")
		term.waitFor(t, word)
		term.send(keysTyped)
	}
	for i, want := range []string{first.ID, second.ID} {
		fp := serve.Fingerprint(signers[i].PublicKey())
		waitUntil(t, func() bool {
			snap, err := c.store.Load(context.Background(), fp)
			return err == nil && snap.Progress.Last == want && snap.Name == names[i]
		}, "learner "+fp+" never opened "+want+" as "+names[i])
	}
	again := connectTerm(t, addr, signers[0], 80, 24) // reopens the lesson it left
	again.waitFor(t, "lesson 1 of")
	if strings.Contains(again.text(), "Your name") {
		t.Fatal("the name was asked again")
	}
}

// waitUntil polls cond, failing after a generous bound (not a timing test).
func waitUntil(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal(what)
		}
	}
}

// TestServeIdleLearnerIsDisconnected: with no key pressed for
// --idle-timeout the session ends with a message (the course animates, so
// this is the app's timer, not wish's).
func TestServeIdleLearnerIsDisconnected(t *testing.T) {
	dir := t.TempDir()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	var log lockedBuf
	g := &globals{stdin: strings.NewReader(""), stdout: &log, stderr: &log, stateDir: dir}
	c, err := newClassServer(g, serveOpts{open: true, maxSessions: 5, idleTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go c.srv.Serve(l)
	defer c.close()
	client, err := gossh.Dial("tcp", l.Addr().String(), &gossh.ClientConfig{User: "learner",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	s, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &lockedBuf{}
	s.Stdout, s.Stderr = out, out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, func() bool { return strings.Contains(out.String(), "Disconnected: no key pressed") }, "no idle message: "+out.String())
	if err := s.Wait(); err != nil {
		t.Fatalf("session after idle: %v", err)
	}
}
