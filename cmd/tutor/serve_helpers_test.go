package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// keysFile writes the signers' public keys as an authorized_keys file.
func keysFile(t *testing.T, dir, name string, signers ...gossh.Signer) string {
	var b []byte
	for _, s := range signers {
		b = append(b, gossh.MarshalAuthorizedKey(s.PublicKey())...)
	}
	return writeFile(t, dir, name, string(b))
}

// startClass runs a class server on a loopback port for the test; its log
// goes to the returned buffer.
func startClass(t testing.TB, stateDir string, o serveOpts) (*classServer, string, *lockedBuf) {
	t.Helper()
	if o.maxSessions == 0 {
		o.maxSessions = 10
	}
	if o.idleTimeout == 0 {
		o.idleTimeout = time.Hour
	}
	log := &lockedBuf{}
	g := &globals{stdin: strings.NewReader(""), stdout: log, stderr: log, stateDir: stateDir}
	c, err := newClassServer(g, o)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go c.srv.Serve(l)
	t.Cleanup(func() { c.close() })
	return c, l.Addr().String(), log
}

// sshTerm is one SSH session with a terminal, as a learner's client.
type sshTerm struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	out    *lockedBuf
}

func connectTerm(t testing.TB, addr string, key gossh.Signer, cols, rows int) *sshTerm {
	t.Helper()
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "learner",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(key)}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	s, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := s.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out := &lockedBuf{}
	s.Stdout, s.Stderr = out, out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	return &sshTerm{client, s, in, out}
}

func (s *sshTerm) text() string { return ansi.Strip(s.out.String()) }

// waitFor polls until the screen shows any of want (a bound for a hung
// server, not a timing budget).
func (s *sshTerm) waitFor(t testing.TB, want ...string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		txt := s.text()
		for _, w := range want {
			if strings.Contains(txt, w) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; it shows:\n%s", want, txt)
		}
	}
}

// waitSince is waitFor on what came after the first from bytes.
func (s *sshTerm) waitSince(t testing.TB, from int, want string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(ansi.Strip(s.out.String()[from:]), want); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; it shows:\n%s", want, s.text())
		}
	}
}

func (s *sshTerm) send(keys string) { s.in.Write([]byte(keys)) }

// enterName answers the first-login prompt.
func (s *sshTerm) enterName(t testing.TB, name string) {
	t.Helper()
	s.waitFor(t, "Your name")
	s.send(name + "\r")
}

// answerFirstQuizItem opens the first lesson's quiz and answers its first
// question (space picks the choice under the cursor, enter submits), then
// waits for the feedback.
func (s *sshTerm) answerFirstQuizItem(t *testing.T, firstWord string) {
	t.Helper()
	s.waitFor(t, firstWord)
	from := len(s.out.String())
	s.send("\r") // open the first lesson
	s.waitSince(t, from, "lesson 1 of")
	s.send("t") // its quiz
	s.waitFor(t, "Question 1 of")
	s.send(" \r")
	s.waitFor(t, "You are right!", "You missed!")
}

func stateIn(t *testing.T) string { return filepath.Join(t.TempDir(), "state") }

// waitRedrawn polls until a full redraw shows want: the renderer sends only
// the cells that change, so each round resizes the window (which repaints
// it all) and watches what comes after; a round whose repaint does not show
// want (yet) is followed by another. The times are poll intervals and a
// bound for a hung server, not budgets.
func (s *sshTerm) waitRedrawn(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for i := 0; ; i++ {
		from := len(s.out.String())
		if err := s.sess.WindowChange(30, 100+i%2); err != nil {
			t.Fatal(err)
		}
		for round := time.Now().Add(time.Second); time.Now().Before(round); time.Sleep(20 * time.Millisecond) {
			if strings.Contains(ansi.Strip(s.out.String()[from:]), want) {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; it shows:\n%s", want, s.text())
		}
	}
}
