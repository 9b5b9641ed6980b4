// Package serve serves the course over SSH (tutor serve): who gets in (an
// authorized_keys file, a class join code, or anyone), one course app per
// interactive session, nothing else (no exec, no subsystems, no forwarding).
// Each learner is their public key's SHA256 fingerprint.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"sync"
	"sync/atomic"

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
// callbacks to the session.
const learnerExt = "tutor-learner"

// Config is what a server starts from. Exactly one of Keys, JoinCode and
// Open admits learners.
type Config struct {
	Dir         string          // state directory: host key, enrolled keys
	Keys        map[string]bool // --authorized-keys: fingerprints let in
	JoinCode    string          // --join-code: any key whose owner types it, then enrolled
	Open        bool            // --open: anyone with a key
	MaxSessions int             // concurrent sessions; 0: no limit
	Log         io.Writer       // one line per connection event; nil: none

	// Sync is the class store that tutor class join writes to; nil: the
	// sync channel is refused.
	Sync classsync.Store

	// App builds one learner's course app. done runs once the program has
	// ended (with its final model) and returns a line for the learner, if any.
	App func(learner string) (m tea.Model, done func(final tea.Model) string)
}

// Server is a running tutor serve.
type Server struct {
	srv      *ssh.Server
	cfg      Config
	enrolled *Enrolled
	active   atomic.Int64
	sessions sync.WaitGroup
}

// New builds the server; the host key is created in cfg.Dir if missing.
func New(cfg Config) (*Server, error) {
	if cfg.Keys == nil && cfg.JoinCode == "" && !cfg.Open {
		return nil, errors.New("no access rule: use --authorized-keys FILE, --join-code CODE or --open")
	}
	s := &Server{cfg: cfg}
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

// Serve accepts connections on l until Close.
func (s *Server) Serve(l net.Listener) error {
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Close disconnects everyone (each session's progress is saved as its app
// quits) and waits for the sessions to end or ctx to be done.
func (s *Server) Close(ctx context.Context) error {
	err := s.srv.Close()
	done := make(chan struct{})
	go func() { s.sessions.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
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

var errDenied = errors.New("permission denied")

// publicKey admits a key the rules let in; with a join code, an unknown key
// goes on to keyboard-interactive, once its owner has signed with it.
func (s *Server) publicKey(conn gossh.ConnMetadata, k gossh.PublicKey) (*gossh.Permissions, error) {
	switch {
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
