package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/tutor-dev/tutor/cmd/internal/app"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/quizzes"
)

// newQuizApp is the course app with the quiz as its only screen: the same
// layout, help line, `?` help and status line as `tutor`, titled
// "tutor quiz"; leaving the quiz quits.
func newQuizApp(items []*quizzes.Item, seed uint64, rv *quizzes.Review, store *progress.Store) app.Model {
	return app.New(app.Options{Quiz: &app.Quiz{Items: items, Seed: seed}, Review: rv, Store: store})
}

// runQuizTUI runs the quiz screen in the terminal, then prints the score.
func runQuizTUI(g *globals, _ *course.Course, items []*quizzes.Item, seed uint64, rv *quizzes.Review, store *progress.Store) error {
	in, out := g.stdin.(*os.File), g.stdout.(*os.File)
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}
	if os.Getenv("NO_COLOR") != "" {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	final, err := tea.NewProgram(newQuizApp(items, seed, rv, store), opts...).Run()
	if err != nil {
		return err
	}
	a := final.(app.Model)
	// A save still in flight when the program quit is repeated here.
	if err := a.SaveReview(); err != nil {
		return err
	}
	res := practice.Result{}
	q, _ := a.Quiz()
	for _, r := range q.Results() {
		res.Answered++
		if r.CorrectFirstTry {
			res.CorrectFirstTry++
		}
	}
	_, err = fmt.Fprintln(g.stdout, res.ScoreLine())
	return err
}
