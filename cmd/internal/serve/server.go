// Package serve serves the course over SSH (tutor serve): who gets in (an
// authorized_keys file, a class join code, or anyone), one course app per
// interactive session, nothing else (no exec, no subsystems, no forwarding).
// Each learner is their public key's SHA256 fingerprint.
package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
)

// HostKeyFile is the server's host key in the state directory, created on
// first start (mode 0600) and reused.
const HostKeyFile = "ssh_host_ed25519"

// learnerExt carries the authenticated key's fingerprint from the auth
// callbacks to the session; roleExt says an instructor's key (the board).
const (
	learnerExt     = "tutor-learner"
	roleExt        = "tutor-role"
	roleInstructor = "instructor"
)

// Learner is who a session is for and where they connected.
type Learner struct {
	ID   string // the key's SHA256 fingerprint
	Addr string // the server address the client connected to (host:port)
	// Env is the environment the client sent (NAME=value), such as
	// COLORFGBG for the theme; the server's own environment is no guide to
	// the learner's terminal.
	Env []string
}

// Getenv is the value of name in the client's environment, "" if unset.
func (l Learner) Getenv(name string) string {
	v := ""
	for _, e := range l.Env {
		if k, val, ok := strings.Cut(e, "="); ok && k == name {
			v = val // the last one wins, as in os/exec
		}
	}
	return v
}

// AppFunc builds one session's program. done runs once the program has
// ended (with its final model) and returns a line for the client, if any.
type AppFunc func(l Learner) (m tea.Model, done func(final tea.Model) string)

// Config is what a server starts from. Exactly one of Keys, JoinCode and
// Open admits learners.
type Config struct {
	Dir         string          // state directory: host key, enrolled keys
	Keys        map[string]bool // --authorized-keys: fingerprints let in
	JoinCode    string          // --join-code: any key whose owner types it, then enrolled
	Open        bool            // --open: anyone with a key
	MaxSessions int             // concurrent sessions; 0: no limit
	Log         io.Writer       // one line per connection event; nil: none
	// ConnRate: at most this many new connections a minute from one IP
	// address, this many of them at once (a token bucket); 0: no limit.
	ConnRate int

	// App builds one learner's course app.
	App AppFunc
	// Instructors (--instructor-keys) get Board instead of the course,
	// whatever the learners' rule; learners never get it.
	Instructors map[string]bool
	Board       AppFunc

	// Sync is the class store that tutor class join writes to; nil: the
	// sync channel is refused.
	Sync classsync.Store
}

// Server is a running tutor serve.
type Server struct {
	srv      *ssh.Server
	cfg      Config
	enrolled *Enrolled
	active   atomic.Int64
	sessions sync.WaitGroup
	limit    *connLimiter

	mu       sync.Mutex    // guards stopping against sessions.Add and listeners
	stopping chan struct{} // closed by Close
	stopped  bool
	// listeners are those Serve was given; Close closes them itself, for
	// the SSH server forgets a Shutdown when Serve starts after it.
	listeners map[net.Listener]bool
}

// New builds the server; the host key is created in cfg.Dir if missing.
func New(cfg Config) (*Server, error) {
	if cfg.Keys == nil && cfg.JoinCode == "" && !cfg.Open {
		return nil, errors.New("no access rule: use --authorized-keys FILE, --join-code CODE or --open")
	}
	if len(cfg.Instructors) > 0 && cfg.Board == nil {
		return nil, errors.New("instructor keys without a board")
	}
	s := &Server{cfg: cfg, stopping: make(chan struct{})}
	if cfg.ConnRate > 0 {
		s.limit = newConnLimiter(cfg.ConnRate, time.Now)
	}
	if cfg.JoinCode != "" {
		e, err := OpenEnrolled(cfg.Dir)
		if err != nil {
			return nil, err
		}
		s.enrolled = e
	}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(filepath.Join(cfg.Dir, HostKeyFile)),
		wish.WithMiddleware(s.course),
	)
	if err != nil {
		return nil, fmt.Errorf("ssh server: %w", err)
	}
	// Authentication is ours, on the raw config, so a join code is asked only
	// after the client has proved it holds its key (partial success).
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{PublicKeyCallback: s.publicKey}
	}
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": ssh.DefaultSessionHandler, classsync.ChannelType: s.syncChannel}
	s.srv = srv
	return s, nil
}

// Serve accepts connections on l until Close; with ConnRate, an address
// past its rate is refused at once (see connLimiter). After Close (even a
// Close that came first) it closes l and returns nil.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		l.Close()
		return nil
	}
	if s.listeners == nil {
		s.listeners = map[net.Listener]bool{}
	}
	s.listeners[l] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.listeners, l)
		s.mu.Unlock()
	}()
	if s.limit != nil {
		l = &limitedListener{Listener: l, limit: s.limit, logf: s.logf}
	}
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) || s.isStopping() {
		return nil
	}
	return err
}

func (s *Server) logf(format string, a ...any) {
	if s.cfg.Log != nil {
		fmt.Fprintf(s.cfg.Log, "tutor serve: "+format+"\n", a...)
	}
}

func learnerPerms(k gossh.PublicKey) *gossh.Permissions {
	return &gossh.Permissions{Extensions: map[string]string{learnerExt: Fingerprint(k)}}
}

func instructorPerms(k gossh.PublicKey) *gossh.Permissions {
	p := learnerPerms(k)
	p.Extensions[roleExt] = roleInstructor
	return p
}

var errDenied = errors.New("permission denied")

// publicKey admits a key the rules let in; with a join code, an unknown key
// goes on to keyboard-interactive, once its owner has signed with it.
func (s *Server) publicKey(conn gossh.ConnMetadata, k gossh.PublicKey) (*gossh.Permissions, error) {
	switch {
	case s.cfg.Instructors[Fingerprint(k)]:
		return instructorPerms(k), nil
	case s.cfg.Open, s.cfg.Keys[Fingerprint(k)], s.enrolled != nil && s.enrolled.Has(k):
		return learnerPerms(k), nil
	case s.cfg.JoinCode != "":
		return nil, &gossh.PartialSuccessError{Next: gossh.ServerAuthCallbacks{
			KeyboardInteractiveCallback: func(conn gossh.ConnMetadata, ch gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
				return s.join(conn, k, ch)
			},
		}}
	}
	return nil, errDenied
}

// join asks the class code once; the right one enrolls the key.
func (s *Server) join(conn gossh.ConnMetadata, k gossh.PublicKey, ch gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
	answers, err := ch(conn.User(), "This key is new to the class: type the join code your instructor gave.", []string{"Join code: "}, []bool{false})
	if err != nil {
		return nil, err
	}
	if len(answers) != 1 || !codeMatches(answers[0], s.cfg.JoinCode) {
		s.logf("wrong join code from %s", conn.RemoteAddr())
		return nil, errDenied
	}
	if err := s.enrolled.Add(k); err != nil {
		s.logf("enrolling %s: %v", Fingerprint(k), err)
		return nil, errDenied
	}
	s.logf("enrolled %s", Fingerprint(k))
	return learnerPerms(k), nil
}
