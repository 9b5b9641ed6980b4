package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/cmd/internal/app"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

func init() { topCommands = append(topCommands, newServeCmd) }

type serveOpts struct {
	listen         string
	authorizedKeys string
	joinCode       string
	open           bool
	maxSessions    int
	idleTimeout    time.Duration
}

// msgNoAccessRule: serve never starts open by default.
const msgNoAccessRule = "serve needs an access rule: use --authorized-keys FILE, --join-code CODE or --open"

func newServeCmd(g *globals) *cobra.Command {
	var o serveOpts
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "For instructors: serve the course to a class over SSH",
		Long: `serve runs an SSH server: each learner who connects gets the whole course in
their terminal, with their own progress, kept under their SSH key's SHA256
fingerprint in the state directory's tutor.db. Only the interactive course is
served: no commands, no file transfer, no forwarding, and exercises (which run
code) are done on the learner's own machine. Say who gets in with exactly one
of --authorized-keys, --join-code or --open.`,
		Example: `  tutor serve --authorized-keys class_keys
  tutor serve --listen 0.0.0.0:2222 --join-code lambda-42
  # each learner: ssh -p 2222 HOST`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			n := 0
			for _, set := range []bool{o.authorizedKeys != "", o.joinCode != "", o.open} {
				if set {
					n++
				}
			}
			switch {
			case n == 0:
				return usageErrorf("%s", msgNoAccessRule)
			case n > 1:
				return usageErrorf("use only one of --authorized-keys, --join-code and --open")
			case o.maxSessions < 1:
				return usageErrorf("--max-sessions %d: use 1 or more", o.maxSessions)
			case o.idleTimeout <= 0:
				return usageErrorf("--idle-timeout %v: use a duration above 0, e.g. 30m", o.idleTimeout)
			}
			return runServe(g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", "127.0.0.1:2222", "listen on `ADDR` (host:port; 0.0.0.0:2222 for the whole network)")
	f.StringVar(&o.authorizedKeys, "authorized-keys", "", "admit only the keys in `FILE` (authorized_keys format)")
	f.StringVar(&o.joinCode, "join-code", "", "admit any key whose owner types `CODE` once; the key is then enrolled for the class")
	f.BoolVar(&o.open, "open", false, "admit anyone who can reach the server (any SSH key)")
	f.IntVar(&o.maxSessions, "max-sessions", 50, "at most `N` learners at once")
	f.DurationVar(&o.idleTimeout, "idle-timeout", 30*time.Minute, "disconnect a learner after `D` without a key press (progress is saved)")
	return cmd
}

// classServer is the SSH server over the state directory's store.
type classServer struct {
	srv   *serve.Server
	store *progress.SQLite
}

func newClassServer(g *globals, o serveOpts) (*classServer, error) {
	cfg := serve.Config{JoinCode: o.joinCode, Open: o.open, MaxSessions: o.maxSessions, Log: g.stderr}
	if o.authorizedKeys != "" {
		keys, err := serve.ReadAuthorizedKeys(o.authorizedKeys)
		if err != nil {
			return nil, err
		}
		cfg.Keys = keys
	}
	crs, err := loadCourse(g)
	if err != nil {
		return nil, err
	}
	store, err := openStore(g)
	if err != nil {
		return nil, err
	}
	dir, _ := progress.Dir(g.stateDir) // openStore resolved it
	cfg.Dir = dir
	cfg.Sync = store // tutor class join: learners' own machines send here too
	cfg.App = func(learner string) (tea.Model, func(tea.Model) string) {
		w := progress.NewWriter(store, learner)
		m := app.New(app.Options{
			Load: func() (app.Loaded, error) {
				snap, err := store.Load(context.Background(), learner)
				if err != nil {
					return app.Loaded{}, err
				}
				return app.Loaded{Course: crs, State: snap.Progress, Warning: strings.Join(snap.Warnings, " · ")}, nil
			},
			Writer: w, Theme: themeMode(g), Remote: true, IdleTimeout: o.idleTimeout,
			QuizStats: func() (practice.Stats, error) {
				snap, err := store.Load(context.Background(), learner)
				if err != nil {
					return practice.Stats{}, err
				}
				return practice.Summary(crs.Quizzes, snap.Review, time.Now()), nil
			},
		})
		return m, func(final tea.Model) string { return endSession(final, w, o.idleTimeout) }
	}
	srv, err := serve.New(cfg)
	if err != nil {
		store.Close()
		return nil, err
	}
	return &classServer{srv, store}, nil
}

// endSession saves what the app still holds and says goodbye.
func endSession(final tea.Model, w *progress.Writer, idle time.Duration) string {
	m, ok := final.(app.Model)
	if ok {
		for _, c := range m.FinalChanges() {
			w.Submit(c)
		}
	}
	werr := w.Close()
	switch {
	case ok && m.Err() != nil:
		return "tutor: " + m.Err().Error()
	case werr != nil:
		return "tutor: some progress was not saved: " + werr.Error()
	case ok && m.Idled():
		return fmt.Sprintf("Disconnected: no key pressed for %v. Your progress is saved; connect again to go on.", idle)
	}
	return "Your progress is saved. See you next time."
}

// close disconnects every learner, saving their progress, then the store.
func (c *classServer) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := c.srv.Close(ctx)
	return errors.Join(err, c.store.Close())
}

func runServe(g *globals, o serveOpts) error {
	c, err := newClassServer(g, o)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", o.listen)
	if err != nil {
		c.close()
		return fmt.Errorf("--listen %s: %w", o.listen, err)
	}
	host, port, _ := net.SplitHostPort(l.Addr().String())
	if o.open {
		fmt.Fprintf(g.stderr, "tutor serve: WARNING: --open: ANYONE who can reach %s gets in, with any SSH key.\n", l.Addr())
	}
	fmt.Fprintf(g.stderr, "tutor serve: serving the course on %s (progress in %s); learners type: ssh -p %s %s\n", l.Addr(), c.store.Where(), port, host)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- c.srv.Serve(l) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		fmt.Fprintln(g.stderr, "tutor serve: stopping; saving every learner's progress")
	}
	return errors.Join(err, c.close())
}
