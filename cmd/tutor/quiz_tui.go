package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/tutor-dev/tutor/cmd/internal/app"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
	"github.com/tutor-dev/tutor/quizzes"
)

// newQuizApp is the course app with the quiz as its only screen: the same
// layout, help line, `?` help and status line as `tutor`, titled
// "tutor quiz"; leaving the quiz quits.
func newQuizApp(items []*quizzes.Item, seed uint64, review bool, w *progress.Writer, mode theme.Mode) app.Model {
	title := "Practice"
	if review {
		title = "Review"
	}
	return app.New(app.Options{Quiz: &app.Quiz{Items: items, Seed: seed, Title: title}, Writer: w, Theme: mode, ColorFGBG: os.Getenv("COLORFGBG")})
}

// runQuizTUI runs the quiz screen in the terminal, then prints the score.
func runQuizTUI(g *globals, _ *course.Course, items []*quizzes.Item, seed uint64, review bool, store progress.Store) error {
	in, out := g.stdin.(*os.File), g.stdout.(*os.File)
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}
	if os.Getenv("NO_COLOR") != "" {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	w := progress.NewWriter(store, progress.LocalLearner)
	final, err := tea.NewProgram(newQuizApp(items, seed, review, w, themeMode(g)), opts...).Run()
	// Answers still being written when the program quit are finished here;
	// a failure was shown on the status line as it happened.
	if werr := w.Close(); werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	a := final.(app.Model)
	q, _ := a.Quiz()
	_, err = fmt.Fprintln(g.stdout, q.Result().ScoreLine())
	return err
}
