package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	"golang.org/x/crypto/ssh"
)

// Terminal size of every learner: wide enough for the quiz's header line
// with its item id (the longest lesson title and item id of the course).
const (
	termCols = 140
	termRows = 36
)

// errGone: the connection ended (the server went away or closed it).
var errGone = errors.New("connection closed")

// key is a learner's SSH identity.
type key struct {
	signer ssh.Signer
	id     string // SHA256 fingerprint: the learner's id in the store
}

func newKey() (key, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return key{}, err
	}
	s, err := ssh.NewSignerFromKey(priv)
	if err != nil {
		return key{}, err
	}
	return key{signer: s, id: ssh.FingerprintSHA256(s.PublicKey())}, nil
}

// term is one SSH session with a pty, its output fed to a terminal
// emulator so that the screen is read as the learner sees it (a
// cell-diffing renderer sends only what changed).
type term struct {
	client *ssh.Client
	sess   *ssh.Session
	stdin  io.Writer

	mu      sync.Mutex
	emu     *vt.Emulator
	changed chan struct{} // a write happened (capacity 1)
	done    chan struct{} // output ended
}

// dial connects from local address from (a 127.x address; "" for any) to
// addr with k, asks for an 80-column-ish pty and a shell.
func dial(ctx context.Context, addr, from string, k key) (*term, error) {
	d := net.Dialer{Timeout: 20 * time.Second}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	cfg := &ssh.ClientConfig{
		User: "learner",
		Auth: []ssh.AuthMethod{ssh.PublicKeys(k.signer)},
		// Loopback only, and the host key is fresh each run: nothing to pin.
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
		Timeout:         20 * time.Second,
	}
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	c, chans, reqs, err := ssh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, err
	}
	_ = conn.SetDeadline(time.Time{})
	client := ssh.NewClient(c, chans, reqs)
	t, err := start(client)
	if err != nil {
		client.Close()
		return nil, err
	}
	return t, nil
}

func start(client *ssh.Client) (*term, error) {
	sess, err := client.NewSession()
	if err != nil {
		return nil, err
	}
	modes := ssh.TerminalModes{ssh.ECHO: 0, ssh.TTY_OP_ISPEED: 38400, ssh.TTY_OP_OSPEED: 38400}
	if err := sess.RequestPty("xterm-256color", termRows, termCols, modes); err != nil {
		return nil, fmt.Errorf("pty: %w", err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	emu := vt.NewEmulator(termCols, termRows)
	emu.SetScrollbackSize(termRows) // the course runs in the alternate screen
	t := &term{client: client, sess: sess, stdin: stdin, emu: emu,
		changed: make(chan struct{}, 1), done: make(chan struct{})}
	// The emulator's answers to the program's terminal queries go back
	// over the session, as a real terminal's do.
	go func() { _, _ = io.Copy(stdin, t.emu) }()
	go t.pump(stdout)
	if err := sess.Shell(); err != nil {
		return nil, fmt.Errorf("shell: %w", err)
	}
	return t, nil
}

func (t *term) pump(r io.Reader) {
	defer close(t.done)
	buf := make([]byte, 32*1024)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			t.mu.Lock()
			_, _ = t.emu.Write(buf[:n])
			t.mu.Unlock()
			select {
			case t.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// screen is the text on the screen now.
func (t *term) screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// wait returns the screen once ok says so, or an error after limit or when
// the connection ends.
func (t *term) wait(ctx context.Context, limit time.Duration, ok func(string) bool) (string, error) {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	for {
		s := t.screen()
		if ok(s) {
			return s, nil
		}
		select {
		case <-t.changed:
		case <-t.done:
			if s := t.screen(); ok(s) {
				return s, nil
			}
			return s, errGone
		case <-timer.C:
			if strings.TrimSpace(s) == "" {
				return s, fmt.Errorf("timed out after %v on a blank screen", limit)
			}
			return s, fmt.Errorf("timed out after %v; the screen:\n%s", limit, s)
		case <-ctx.Done():
			return s, ctx.Err()
		}
	}
}

// waitText waits for any of texts; it returns the screen and which.
func (t *term) waitText(ctx context.Context, limit time.Duration, texts ...string) (string, int, error) {
	which := -1
	s, err := t.wait(ctx, limit, func(s string) bool {
		for i, x := range texts {
			if strings.Contains(s, x) {
				which = i
				return true
			}
		}
		return false
	})
	return s, which, err
}

// send types keys.
func (t *term) send(keys string) error {
	if _, err := io.WriteString(t.stdin, keys); err != nil {
		return errGone
	}
	return nil
}

func (t *term) close() {
	t.sess.Close()
	t.client.Close()
	t.emu.Close()
}
