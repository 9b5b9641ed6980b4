package serve

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// TestConnLimiter: a burst of the rate gets in at once, the next is
// refused (logged once), and tokens come back with time.
func TestConnLimiter(t *testing.T) {
	now := time.Unix(0, 0)
	c := newConnLimiter(60, func() time.Time { return now })
	for i := range 60 {
		if ok, _ := c.allow("10.0.0.1"); !ok {
			t.Fatalf("connection %d of a classroom behind one address refused", i+1)
		}
	}
	if ok, first := c.allow("10.0.0.1"); ok || !first {
		t.Fatalf("61st: ok %v first %v", ok, first)
	}
	if ok, first := c.allow("10.0.0.1"); ok || first {
		t.Fatalf("62nd: ok %v first %v (logged twice?)", ok, first)
	}
	if ok, _ := c.allow("10.0.0.2"); !ok {
		t.Fatal("another address was refused")
	}
	now = now.Add(2 * time.Second)
	for i := range 2 {
		if ok, _ := c.allow("10.0.0.1"); !ok {
			t.Fatalf("after 2s, connection %d refused", i+1)
		}
	}
	if ok, first := c.allow("10.0.0.1"); ok || !first {
		t.Fatalf("after the refill: ok %v first %v", ok, first)
	}
}

// TestConnRateRefusesEarly: past --conn-rate, an address's connection is
// closed before the SSH handshake, with one log line.
func TestConnRateRefusesEarly(t *testing.T) {
	key := newKey(t)
	log := &syncBuf{}
	addr := start(t, Config{Open: true, ConnRate: 2, Log: log})
	for range 2 {
		if _, err := dial(t, addr, key, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := dial(t, addr, key, ""); err == nil {
		t.Fatal("a third connection within the minute got in")
	}
	if _, err := dial(t, addr, key, ""); err == nil {
		t.Fatal("a fourth connection within the minute got in")
	}
	if n := strings.Count(log.String(), "refusing connections from 127.0.0.1"); n != 1 {
		t.Fatalf("%d refusal lines:\n%s", n, log)
	}
}

// board is the instructor's app in these tests.
func boardApp(l Learner) (tea.Model, func(tea.Model) string) {
	return hello{"board for " + l.ID}, func(tea.Model) string { return "" }
}

// TestInstructorGetsTheBoard: an instructor key gets the board even though
// the learners' rule (here an authorized-keys list) does not name it; a
// learner gets the course, never the board.
func TestInstructorGetsTheBoard(t *testing.T) {
	teacher, learner := newKey(t), newKey(t)
	addr := start(t, Config{
		Keys:        map[string]bool{Fingerprint(learner.PublicKey()): true},
		Instructors: map[string]bool{Fingerprint(teacher.PublicKey()): true},
		Board:       boardApp,
	})
	c, err := dial(t, addr, teacher, "")
	if err != nil {
		t.Fatalf("instructor refused: %v", err)
	}
	shell(t, c, "hello board for "+Fingerprint(teacher.PublicKey()))
	c, err = dial(t, addr, learner, "")
	if err != nil {
		t.Fatal(err)
	}
	_, _, out := shell(t, c, "hello "+Fingerprint(learner.PublicKey()))
	if strings.Contains(out.String(), "board") {
		t.Fatalf("a learner got the board: %q", out)
	}
}

// TestCloseTellsEveryone: Close makes each session's app quit, its done
// runs (the app saves there), the client reads that the server stops, and
// new connections are refused.
func TestCloseTellsEveryone(t *testing.T) {
	key := newKey(t)
	saved := make(chan string, 1)
	srv, err := New(Config{Dir: t.TempDir(), Open: true, App: func(l Learner) (tea.Model, func(tea.Model) string) {
		return hello{l.ID}, func(tea.Model) string { saved <- l.ID; return "Your progress is saved." }
	}})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	c, err := dial(t, l.Addr().String(), key, "")
	if err != nil {
		t.Fatal(err)
	}
	sess, _, out := shell(t, c, "hello")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Close(ctx); err != nil {
		t.Fatalf("close: %v", err)
	}
	if ctx.Err() != nil {
		t.Fatal("the session did not end before the deadline")
	}
	if got := <-saved; got != Fingerprint(key.PublicKey()) {
		t.Fatalf("saved %q", got)
	}
	sess.Wait()
	waitFor(t, out, MsgStopping)
	waitFor(t, out, "Your progress is saved.")
	if err := <-served; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if _, err := dial(t, l.Addr().String(), key, ""); err == nil {
		t.Fatal("a connection after Close got in")
	}
}

// TestAppGetsTheAddress: the app is told the address the learner connected
// to (the exercise activity names it for 'tutor class join').
func TestAppGetsTheAddress(t *testing.T) {
	key := newKey(t)
	addr := start(t, Config{Open: true, App: func(l Learner) (tea.Model, func(tea.Model) string) {
		return hello{"at " + l.Addr}, func(tea.Model) string { return "" }
	}})
	c, err := dial(t, addr, key, "")
	if err != nil {
		t.Fatal(err)
	}
	shell(t, c, "hello at "+addr)
}

// TestCloseBeforeServe: a Close that comes before Serve has begun makes
// Serve return nil at once (it used to accept forever), and the listener
// is closed; so does a Close racing a Serve that has just begun.
func TestCloseBeforeServe(t *testing.T) {
	for _, first := range []string{"close", "serve"} {
		srv, err := New(Config{Dir: t.TempDir(), Open: true, App: helloApp})
		if err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		served := make(chan error, 1)
		closeNow := func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Close(ctx); err != nil {
				t.Errorf("%s first: close: %v", first, err)
			}
		}
		if first == "close" {
			closeNow()
			go func() { served <- srv.Serve(l) }()
		} else {
			go func() { served <- srv.Serve(l) }()
			closeNow()
		}
		select {
		case err := <-served:
			if err != nil {
				t.Fatalf("%s first: serve: %v", first, err)
			}
		case <-time.After(20 * time.Second): // a bound for a hang, not a budget
			l.Close()
			t.Fatalf("%s first: Serve still running after Close", first)
		}
		if c, err := net.Dial("tcp", l.Addr().String()); err == nil {
			c.Close()
			t.Fatalf("%s first: the listener still takes connections", first)
		}
	}
}

// TestAppGetsTheClientEnv: the app is given the environment the client sent
// (its COLORFGBG sets the theme of the learner's or instructor's screen).
func TestAppGetsTheClientEnv(t *testing.T) {
	key := newKey(t)
	addr := start(t, Config{Open: true, App: func(l Learner) (tea.Model, func(tea.Model) string) {
		return hello{"colorfgbg " + l.Getenv("COLORFGBG") + "."}, func(tea.Model) string { return "" }
	}})
	c, err := dial(t, addr, key, "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Setenv("COLORFGBG", "0;15"); err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &syncBuf{}
	s.Stdout = out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, out, "colorfgbg 0;15.")
}
