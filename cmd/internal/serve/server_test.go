package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// hello is a tiny app: it shows the learner and quits on q.
type hello struct{ learner string }

func (h hello) Init() tea.Cmd { return nil }
func (h hello) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "q" {
		return h, tea.Quit
	}
	return h, nil
}
func (h hello) View() tea.View { return tea.NewView("hello " + h.learner) }

func helloApp(l Learner) (tea.Model, func(tea.Model) string) {
	return hello{l.ID}, func(tea.Model) string { return "bye" }
}

// start runs a server on a loopback port; it is closed at the end of the test.
func start(t *testing.T, cfg Config) string {
	t.Helper()
	if cfg.Dir == "" {
		cfg.Dir = t.TempDir()
	}
	if cfg.App == nil {
		cfg.App = helloApp
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Close(ctx)
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return l.Addr().String()
}

func newKey(t *testing.T) gossh.Signer {
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

// dial connects with key, answering a join-code prompt with code (when not "").
func dial(t *testing.T, addr string, key gossh.Signer, code string) (*gossh.Client, error) {
	t.Helper()
	auth := []gossh.AuthMethod{gossh.PublicKeys(key)}
	if code != "" {
		auth = append(auth, gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
			answers := make([]string, len(qs))
			for i := range answers {
				answers[i] = code
			}
			return answers, nil
		}))
	}
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "learner", Auth: auth, Timeout: 10 * time.Second,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a fresh test server
	})
	if err == nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, err
}

// syncBuf is a buffer a session writes to while the test reads it.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// shell opens an interactive session with a terminal and waits (bounded)
// until its output contains want.
func shell(t *testing.T, c *gossh.Client, want string) (*gossh.Session, io.WriteCloser, *syncBuf) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := s.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuf{}
	s.Stdout, s.Stderr = out, out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, out, want)
	return s, in, out
}

// waitFor waits until out contains want, failing after a generous bound.
func waitFor(t *testing.T, out *syncBuf, want string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(out.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the output:\n%q", want, out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestNoAccessRuleIsAnError(t *testing.T) {
	if _, err := New(Config{Dir: t.TempDir(), App: helloApp}); err == nil || !strings.Contains(err.Error(), "--authorized-keys") {
		t.Fatalf("err = %v", err)
	}
}

// TestAuthorizedKeys: a listed key gets the course as its fingerprint; an
// unknown key is refused.
func TestAuthorizedKeys(t *testing.T) {
	known, unknown := newKey(t), newKey(t)
	addr := start(t, Config{Keys: map[string]bool{Fingerprint(known.PublicKey()): true}})
	if _, err := dial(t, addr, unknown, ""); err == nil {
		t.Fatal("an unknown key got in")
	}
	c, err := dial(t, addr, known, "")
	if err != nil {
		t.Fatal(err)
	}
	shell(t, c, "hello "+Fingerprint(known.PublicKey()))
}

// TestJoinCode: a wrong code is refused and enrolls nothing; the right
// one enrolls the key, which then gets in without the code.
func TestJoinCode(t *testing.T) {
	dir := t.TempDir()
	addr := start(t, Config{Dir: dir, JoinCode: "lambda-42"})
	key := newKey(t)
	if _, err := dial(t, addr, key, "wrong"); err == nil {
		t.Fatal("a wrong join code got in")
	}
	if _, err := dial(t, addr, key, ""); err == nil {
		t.Fatal("no join code got in")
	}
	if _, err := os.Stat(filepath.Join(dir, EnrolledFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("enrolled after wrong codes: %v", err)
	}
	if _, err := dial(t, addr, key, "lambda-42"); err != nil {
		t.Fatalf("right code: %v", err)
	}
	c, err := dial(t, addr, key, "") // enrolled: no code asked
	if err != nil {
		t.Fatalf("enrolled key: %v", err)
	}
	shell(t, c, "hello "+Fingerprint(key.PublicKey()))
	e, err := OpenEnrolled(dir)
	if err != nil || !e.Has(key.PublicKey()) {
		t.Fatalf("enrolled file does not have the key: %v", err)
	}
}

// TestOnlyTheInteractiveSession: exec and subsystem requests are refused.
func TestOnlyTheInteractiveSession(t *testing.T) {
	key := newKey(t)
	addr := start(t, Config{Open: true})
	c, err := dial(t, addr, key, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.CombinedOutput("cat /etc/passwd")
	if err == nil || !strings.Contains(string(out), MsgOnlyInteractive) {
		t.Fatalf("exec: err %v, output %q", err, out)
	}
	s, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestSubsystem("sftp"); err == nil {
		t.Fatal("the sftp subsystem was accepted")
	}
	if _, err := c.Dial("tcp", addr); err == nil {
		t.Fatal("port forwarding (direct-tcpip) was accepted")
	}
	if _, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		t.Fatal("remote port forwarding (tcpip-forward) was accepted")
	}
}

// TestMaxSessions: past the limit a session is told the server is full.
func TestMaxSessions(t *testing.T) {
	key := newKey(t)
	addr := start(t, Config{Open: true, MaxSessions: 1})
	c, err := dial(t, addr, key, "")
	if err != nil {
		t.Fatal(err)
	}
	shell(t, c, "hello")
	c2, err := dial(t, addr, key, "")
	if err != nil {
		t.Fatal(err)
	}
	shell(t, c2, MsgBusy)
}

// TestHostKeyKept: the host key is created 0600 and reused on restart.
func TestHostKeyKept(t *testing.T) {
	dir := t.TempDir()
	key := newKey(t)
	var seen []string
	for range 2 {
		addr := start(t, Config{Dir: dir, Open: true})
		c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
			HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { seen = append(seen, Fingerprint(k)); return nil }})
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
	}
	if len(seen) != 2 || seen[0] != seen[1] {
		t.Fatalf("host keys %v", seen)
	}
	fi, err := os.Stat(filepath.Join(dir, HostKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key mode %v", fi.Mode().Perm())
	}
}

func TestBadAuthorizedKeysLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "keys")
	good := string(gossh.MarshalAuthorizedKey(newKey(t).PublicKey()))
	if err := os.WriteFile(p, []byte("# class\n"+good+"ssh-ed25519 nonsense\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadAuthorizedKeys(p)
	if err == nil || !strings.Contains(err.Error(), p+":3:") {
		t.Fatalf("err = %v", err)
	}
}

// TestBadKeyLineReason: a bad line gets one reason in plain words, not the
// SSH library's "no key found; last parsing error for ignored line".
func TestBadKeyLineReason(t *testing.T) {
	good := strings.Fields(string(gossh.MarshalAuthorizedKey(newKey(t).PublicKey())))
	for line, want := range map[string]string{
		"ssh-ed25519 nonsense":                    "the key after ssh-ed25519 is damaged or cut short",
		"ssh-ed25519 AAAA-not-a-key":              "the key after ssh-ed25519 is not base64",
		"ssh-ed25519":                             "no key after ssh-ed25519",
		"ssh-ed25519 " + good[1][:20]:             "the key after ssh-ed25519 is", // not base64 or cut short
		"ssh-ed25519 " + good[1][:len(good[1])-8]: "the key after ssh-ed25519 is",
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5":        "damaged or cut short",
		good[1]:                                   "no key type such as ssh-ed25519",
		"hello world":                             "no key type such as ssh-ed25519",
		"-----BEGIN OPENSSH PRIVATE KEY-----":     "this is a private key",
		`from="x ssh-ed25519 ` + good[1]:          "the options before ssh-ed25519 do not parse",
	} {
		p := filepath.Join(t.TempDir(), "keys")
		if err := os.WriteFile(p, []byte(line+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := ReadAuthorizedKeys(p)
		if err == nil || !strings.Contains(err.Error(), p+":1: not a public key ("+want) ||
			strings.Contains(err.Error(), "ssh:") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: %v, want %q", line, err, want)
		}
	}
}

func TestNoColor(t *testing.T) {
	for env, want := range map[string]bool{"NO_COLOR=yes": true, "NO_COLOR=1": true, "NO_COLOR=": false, "TERM=xterm": false} {
		if got := noColor([]string{env}); got != want {
			t.Errorf("%s: %v", env, got)
		}
	}
}
