package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/app"
	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/screens/board"
	"github.com/tutor-dev/tutor/cmd/internal/screens/namein"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

// stopWait bounds how long a stopping server waits for its learners'
// sessions to quit and save before it drops their connections.
const stopWait = 5 * time.Second

// classServer is the SSH server over the class store.
type classServer struct {
	srv   *serve.Server
	store progress.ClassStore
}

// serveDSN is the class store to open: --db, or the state directory's
// tutor.db.
func serveDSN(g *globals, db string) (string, error) {
	if db != "" {
		return db, nil
	}
	dir, err := progress.Dir(g.stateDir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, progress.DBFile), nil
}

func newClassServer(g *globals, o serveOpts) (*classServer, error) {
	cfg := serve.Config{JoinCode: o.joinCode, Open: o.open, MaxSessions: o.maxSessions, ConnRate: o.connRate, Log: g.stderr}
	if o.authorizedKeys != "" {
		keys, err := serve.ReadAuthorizedKeys(o.authorizedKeys)
		if err != nil {
			return nil, err
		}
		cfg.Keys = keys
	}
	if o.instructorKeys != "" {
		keys, err := serve.ReadKeysFile("--instructor-keys", o.instructorKeys)
		if err != nil {
			return nil, err
		}
		cfg.Instructors = keys
	}
	crs, err := loadCourse(g)
	if err != nil {
		return nil, err
	}
	dir, err := progress.Dir(g.stateDir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating the state directory %s: %w", dir, err)
	}
	cfg.Dir = dir // host key, enrolled keys
	dsn, err := serveDSN(g, o.db)
	if err != nil {
		return nil, err
	}
	store, err := progress.OpenClassStore(context.Background(), dsn)
	if err != nil {
		return nil, err
	}
	cfg.App = learnerApp(g, o, crs, store)
	cfg.Sync, _ = store.(classsync.Store) // tutor class join: learners' own machines send here too (SQLite and PostgreSQL stores take it)
	cfg.Board = instructorBoard(g, crs, store)
	srv, err := serve.New(cfg)
	if err != nil {
		store.Close()
		return nil, err
	}
	return &classServer{srv, store}, nil
}

// instructorBoard builds an instructor's session: the live board, in the
// theme of the instructor's terminal (its COLORFGBG, then its answer to the
// background colour query), not the server's.
func instructorBoard(g *globals, crs *course.Course, store progress.ClassStore) serve.AppFunc {
	lessons := board.Lessons(crs)
	return func(l serve.Learner) (tea.Model, func(tea.Model) string) {
		src := func(ctx context.Context, now time.Time) (board.Data, error) {
			return board.Read(ctx, lessons, store, now)
		}
		dark, follow := theme.Initial(themeMode(g), l.Getenv("COLORFGBG"))
		root := board.NewRoot(src, dark)
		if follow {
			root = root.FollowTerminal()
		}
		return root, func(tea.Model) string { return "" }
	}
}

// learnerApp builds a learner's session: the name prompt first when they
// have no name yet, then the course.
func learnerApp(g *globals, o serveOpts, crs *course.Course, store progress.ClassStore) serve.AppFunc {
	renders := app.NewSharedRenders(app.SharedRendersSize) // every learner reads the same course
	return func(l serve.Learner) (tea.Model, func(tea.Model) string) {
		ctx := context.Background()
		w := progress.NewWriter(store, l.ID)
		done := func(final tea.Model) string { return endSession(final, w, o.idleTimeout) }
		// One read at the start tells whether to ask for a name and is the
		// course's first load too (the name prompt changes no progress).
		snap, err := store.Load(ctx, l.ID)
		if err != nil {
			fmt.Fprintf(g.stderr, "tutor serve: %s: reading their progress: %v\n", l.ID, err)
		}
		first := &snap
		if err != nil {
			first = nil // the app loads again and reports what fails
		}
		courseApp := func() tea.Model {
			return app.New(app.Options{
				Load: func() (app.Loaded, error) {
					s := first
					first = nil // Load runs once per app; a later one reads afresh
					if s == nil {
						fresh, err := store.Load(ctx, l.ID)
						if err != nil {
							return app.Loaded{}, err
						}
						s = &fresh
					}
					return app.Loaded{Course: crs, State: s.Progress, Warning: strings.Join(s.Warnings, " · ")}, nil
				},
				Writer: w, Theme: themeMode(g), ColorFGBG: l.Getenv("COLORFGBG"), Remote: true, ClassAddr: l.Addr, IdleTimeout: o.idleTimeout,
				Renders: renders,
				QuizStats: func() (practice.Stats, error) {
					snap, err := store.Load(ctx, l.ID)
					if err != nil {
						return practice.Stats{}, err
					}
					return practice.Summary(crs.Quizzes, snap.Review, time.Now()), nil
				},
			})
		}
		if snap.Name != "" || err != nil {
			return courseApp(), done
		}
		save := func(name string) error {
			return store.Apply(ctx, l.ID, progress.SetName{Name: name, At: time.Now()})
		}
		return namein.New(save, courseApp, o.idleTimeout), done
	}
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
	prompt, _ := final.(namein.Model)
	switch {
	case ok && m.Err() != nil:
		return "tutor: " + m.Err().Error()
	case werr != nil:
		return "tutor: some progress was not saved: " + werr.Error()
	case ok && m.Idled(), prompt.Idled():
		return fmt.Sprintf("Disconnected: no key pressed for %v. Your progress is saved; connect again to go on.", idle)
	}
	return "Your progress is saved. See you next time."
}

// close stops the server: every learner is told, their progress saved
// (within stopWait), then the store is closed.
func (c *classServer) close() error {
	ctx, cancel := context.WithTimeout(context.Background(), stopWait)
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
		stop() // a second Ctrl+C ends the process at once
		fmt.Fprintln(g.stderr, "tutor serve: stopping: telling every learner, saving their progress")
	}
	return errors.Join(err, c.close())
}
