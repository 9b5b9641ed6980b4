package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/cmd/internal/app"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

// openStore resolves the state directory and opens the learner's store,
// printing each warning (a damaged file moved aside, an impossible review
// record set aside) as one line on stderr.
func openStore(g *globals) (*progress.SQLite, error) {
	dir, err := progress.Dir(g.stateDir)
	if err != nil {
		return nil, err
	}
	store, warnings, err := progress.OpenSQLite(context.Background(), dir)
	warn(g, warnings)
	return store, err
}

// openProgress opens the store and reads the learner's state.
func openProgress(g *globals) (*progress.SQLite, progress.Snapshot, error) {
	store, err := openStore(g)
	if err != nil {
		return nil, progress.Snapshot{}, err
	}
	snap, err := store.Load(context.Background(), progress.LocalLearner)
	if err != nil {
		store.Close()
		return nil, progress.Snapshot{}, err
	}
	warn(g, snap.Warnings)
	return store, snap, nil
}

func warn(g *globals, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(g.stderr, "tutor: warning: "+w)
	}
}

// runCourse opens the TUI where the learner left off.
func runCourse(g *globals) error {
	in, inOK := g.stdin.(*os.File)
	out, outOK := g.stdout.(*os.File)
	if !inOK || !outOK || !term.IsTerminal(int(in.Fd())) || !term.IsTerminal(int(out.Fd())) {
		return errors.New("the course needs a terminal; to script it, use 'tutor lessons', 'tutor read ID' or 'tutor quiz --plain'")
	}
	dir, err := progress.Dir(g.stateDir)
	if err != nil {
		return err
	}
	// Opening the database takes milliseconds: it runs while the program
	// starts and the course loads. Its warnings go to the status line with
	// those of loading; failing to open it stops the app like a bad course.
	store := openDeferred(dir)
	defer store.Close()
	var crs *course.Course // once loaded, for the quiz record at the end
	load := func() (app.Loaded, error) {
		c, err := loadCourse(g)
		if err != nil {
			return app.Loaded{}, err
		}
		crs = c
		warnings, err := store.opened()
		if err != nil {
			return app.Loaded{}, err
		}
		snap, err := store.Load(context.Background(), progress.LocalLearner)
		if err != nil {
			return app.Loaded{}, err
		}
		return app.Loaded{Course: c, State: snap.Progress, Warning: strings.Join(append(warnings, snap.Warnings...), " · ")}, nil
	}
	w := progress.NewWriter(store, progress.LocalLearner)
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}
	if os.Getenv("NO_COLOR") != "" {
		// no-color.org: any non-empty value; colorprofile alone only honours "true"-ish values.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	// The course loads while the terminal is set up: see app.Options.Load.
	p := tea.NewProgram(app.New(app.Options{Load: load, Writer: w, Theme: themeMode(g), ColorFGBG: os.Getenv("COLORFGBG"),
		Exercises: exerciseStore{store},
		QuizStats: func() (practice.Stats, error) {
			snap, err := store.Load(context.Background(), progress.LocalLearner)
			if err != nil {
				return practice.Stats{}, err
			}
			if crs == nil {
				return practice.Stats{}, errors.New("the course is not loaded yet")
			}
			return practice.Summary(crs.Quizzes, snap.Review, time.Now()), nil
		}}), opts...)
	// Closing the terminal (SIGHUP) ends the program as SIGTERM does (Bubble
	// Tea handles that one), so the reading position is saved below
	// instead of the process dying with it.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		if _, ok := <-hup; ok {
			p.Quit()
		}
	}()
	final, err := p.Run()
	m, ok := final.(app.Model)
	if ok {
		for _, c := range m.FinalChanges() {
			w.Submit(c)
		}
	}
	// Every change was shown on the status line as it failed; the first
	// failure is repeated here for the exit status.
	if werr := w.Close(); werr != nil && err == nil {
		err = werr
	}
	if ok && m.Err() != nil {
		return m.Err()
	}
	return err
}

// themeMode is the --theme the root command checked.
func themeMode(g *globals) theme.Mode {
	m, _ := theme.ParseMode(g.theme)
	return m
}
