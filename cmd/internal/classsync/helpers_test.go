package classsync_test

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

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

var ctx = context.Background()

// class is an in-process tutor serve on a SQLite class store.
type class struct {
	t     testing.TB
	dir   string // state directory: host key, enrolled keys, tutor.db
	cfg   serve.Config
	store *progress.SQLite
	addr  string
	stop  func()
	// noSync: serve without a class store for sync (an older server)
	noSync bool
	// noNames: the sync store keeps no names (a server before names)
	noNames bool
}

// newClass opens the class store in a fresh state directory and starts a
// server with cfg's access rule on a loopback port.
func newClass(t testing.TB, cfg serve.Config) *class {
	t.Helper()
	c := openClass(t, cfg)
	c.start("127.0.0.1:0")
	return c
}

// openClass opens the class store; start serves it.
func openClass(t testing.TB, cfg serve.Config) *class {
	t.Helper()
	c := &class{t: t, dir: t.TempDir(), cfg: cfg}
	store, _, err := progress.OpenSQLite(ctx, c.dir)
	if err != nil {
		t.Fatal(err)
	}
	c.store = store
	t.Cleanup(func() { store.Close() })
	t.Cleanup(func() { c.down() })
	return c
}

// start serves on addr (the same address again after down).
func (c *class) start(addr string) {
	c.t.Helper()
	cfg := c.cfg
	cfg.Dir = c.dir
	switch {
	case c.noNames:
		cfg.Sync = struct{ progress.SyncStore }{c.store}
	case !c.noSync:
		cfg.Sync = c.store
	}
	srv, err := serve.New(cfg)
	if err != nil {
		c.t.Fatal(err)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		c.t.Fatal(err)
	}
	c.addr = l.Addr().String()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	c.stop = func() {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		srv.Close(cctx)
		if cctx.Err() != nil {
			c.t.Errorf("Close waited until its deadline: a sync link held the server open")
		}
		if err := <-done; err != nil {
			c.t.Errorf("serve: %v", err)
		}
	}
}

func (c *class) down() {
	if c.stop != nil {
		c.stop()
		c.stop = nil
	}
}

// count is the number of rows of table for learner in the class store.
func (c *class) count(table, learner string) int {
	c.t.Helper()
	var n int
	if err := c.store.DB().QueryRow(`SELECT count(*) FROM `+table+` WHERE learner = ?`, learner).Scan(&n); err != nil {
		c.t.Fatal(err)
	}
	return n
}

func newKey(t testing.TB) gossh.Signer {
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

// learner is a learner's own machine: a key and a local store.
type learner struct {
	t     testing.TB
	key   gossh.Signer
	dir   string
	store *progress.SQLite
	out   syncBuf
	at    time.Time
}

func newLearner(t testing.TB) *learner {
	t.Helper()
	l := &learner{t: t, key: newKey(t), dir: t.TempDir(), at: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	store, _, err := progress.OpenSQLite(ctx, l.dir)
	if err != nil {
		t.Fatal(err)
	}
	l.store = store
	t.Cleanup(func() { store.Close() })
	return l
}

func (l *learner) id() string { return gossh.FingerprintSHA256(l.key.PublicKey()) }

// do records changes on the learner's machine, each a minute after the last.
func (l *learner) do(changes ...progress.Change) {
	l.t.Helper()
	for _, c := range changes {
		l.at = l.at.Add(time.Minute)
		switch c := c.(type) {
		case progress.Answer:
			c.At = l.at
			if err := l.store.Apply(ctx, progress.LocalLearner, c); err != nil {
				l.t.Fatal(err)
			}
			continue
		case progress.ExerciseChecked:
			c.At = l.at
			if err := l.store.Apply(ctx, progress.LocalLearner, c); err != nil {
				l.t.Fatal(err)
			}
			continue
		}
		if err := l.store.Apply(ctx, progress.LocalLearner, c); err != nil {
			l.t.Fatal(err)
		}
	}
}

func answer(item string, right bool, picked ...string) progress.Answer {
	return progress.Answer{Item: item, Right: right, Picked: append([]string{}, picked...)}
}

// options links the learner to c; code answers a join-code prompt.
func (l *learner) options(c *class, code string) classsync.Options {
	o := classsync.Options{
		Addr: c.addr, User: "learner",
		Identity:   classsync.Identity{Signers: []gossh.Signer{l.key}, From: "the test key"},
		KnownHosts: filepath.Join(l.dir, classsync.KnownHostsFile),
		Local:      l.store, Out: &l.out, Once: true, Timeout: 10 * time.Second,
	}
	if code != "" {
		o.Prompt = func(_, _ string) (string, error) { return code, nil }
	}
	return o
}

// syncBuf is output written by Run while the test reads it.
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

// waitFor polls cond until it holds; the bound only stops a broken test
// from hanging, it is no measure of speed.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func keysOf(signers ...gossh.Signer) map[string]bool {
	m := map[string]bool{}
	for _, s := range signers {
		m[gossh.FingerprintSHA256(s.PublicKey())] = true
	}
	return m
}

func oneLine(t testing.TB, err error, want string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error %v, want one line containing %q", err, want)
	}
}
