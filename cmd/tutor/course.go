package main

import (
	"errors"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/cmd/internal/app"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// openProgress resolves the state directory and loads progress, printing a
// one-line warning if a damaged file had to be moved aside.
func openProgress(g *globals) (*progress.Store, *progress.State, string, error) {
	dir, err := progress.Dir(g.stateDir)
	if err != nil {
		return nil, nil, "", err
	}
	store := progress.NewStore(dir)
	st, warning, err := progress.LoadState(store)
	return store, st, warning, err
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
	store := progress.NewStore(dir)
	load := func() (app.Loaded, error) {
		c, err := loadCourse(g)
		if err != nil {
			return app.Loaded{}, err
		}
		st, warning, err := progress.LoadState(store)
		if err != nil {
			return app.Loaded{}, err
		}
		rv, rwarning, err := practice.LoadReview(store)
		if warning == "" {
			warning = rwarning
		}
		return app.Loaded{Course: c, State: st, Review: rv, Warning: warning}, err
	}
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}
	if os.Getenv("NO_COLOR") != "" {
		// no-color.org: any non-empty value; colorprofile alone only honours "true"-ish values.
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	// The course loads while the terminal is set up: see app.Options.Load.
	final, err := tea.NewProgram(app.New(app.Options{Load: load, Store: store}), opts...).Run()
	m, ok := final.(app.Model)
	if !ok {
		return err
	}
	if m.Err() != nil {
		return m.Err()
	}
	if st := m.State(); st != nil {
		if rerr := m.SaveReview(); rerr != nil && err == nil {
			err = rerr
		}
		if serr := progress.SaveState(store, st); serr != nil && err == nil {
			err = serr
		}
	}
	return err
}
