package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

func init() { topCommands = append(topCommands, newProgressCmd) }

// progressJSON is the shape of `tutor progress --json`.
type progressJSON struct {
	Done    int              `json:"done"`
	Total   int              `json:"total"`
	Last    string           `json:"last"`
	Lessons []progressLesson `json:"lessons"`
	Quiz    practice.Stats   `json:"quiz"`
	// Exercises: how many are passed, of how many, and each one's status.
	Exercises exercisesJSON `json:"exercises"`
}

type exercisesJSON struct {
	Passed int            `json:"passed"`
	Total  int            `json:"total"`
	Items  []exerciseJSON `json:"items"`
}

type progressOpts struct {
	asJSON bool
	reset  bool
	id     string
	yes    bool
}

func newProgressCmd(g *globals) *cobra.Command {
	var o progressOpts
	cmd := &cobra.Command{
		Use:   "progress [--reset [LESSON]]",
		Short: "Show what you have done, or reset it",
		Long: `progress shows each lesson's status (not-started, in-progress, done) and
where you will resume. --reset forgets your progress in every lesson, or in one
LESSON, and the quiz review state with it (of every item, or of that lesson's
items); it asks first unless --yes is given. The log of past answers is kept.`,
		Example: `  tutor progress
  tutor progress --json
  tutor progress --reset sqs --yes`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				if !o.reset {
					return usageErrorf("a LESSON argument only goes with --reset")
				}
				o.id = args[0]
			}
			c, err := loadCourse(g)
			if err != nil {
				return err
			}
			store, snap, err := openProgress(g)
			if err != nil {
				return err
			}
			defer store.Close()
			if o.reset {
				return runReset(c, store, o, g)
			}
			ex, err := store.Exercises(context.Background(), progress.LocalLearner)
			if err != nil {
				return err
			}
			return runProgress(c, snap.Progress, practice.Summary(c.Quizzes, snap.Review, time.Now()), ex, o.asJSON, g.stdout)
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print JSON: {done, total, last, lessons: [{id, title, order, sources, status, position}], quiz: {items, seen, first_try_accuracy, answers, first_try_right, due}}")
	cmd.Flags().BoolVar(&o.reset, "reset", false, "forget progress and quiz review state (all lessons, or the LESSON given)")
	cmd.Flags().BoolVar(&o.yes, "yes", false, "do not ask before resetting")
	return cmd
}

func runProgress(c *course.Course, st *progress.State, quiz practice.Stats, ex *progress.Exercises, asJSON bool, w io.Writer) error {
	out := progressJSON{Last: st.Last, Lessons: []progressLesson{}, Quiz: quiz, Exercises: exercisesJSON{Items: []exerciseJSON{}}}
	for _, e := range c.ExercisesInOrder() {
		s := ex.ByID[e.ID].Status()
		if s == "passed" {
			out.Exercises.Passed++
		}
		out.Exercises.Items = append(out.Exercises.Items, exerciseJSON{e.ID, e.Lesson, e.Title, string(e.Source), s})
	}
	out.Exercises.Total = len(out.Exercises.Items)
	for _, l := range c.Lessons.Lessons {
		s := st.StatusOf(l.ID, c.HasQuiz(l.ID), c.ExerciseIDs(l.ID)...)
		if s == progress.Done {
			out.Done++
		}
		src := l.Sources
		if src == nil {
			src = []source.Source{}
		}
		out.Lessons = append(out.Lessons, progressLesson{lessonRow{l.ID, l.Title, l.Order, src, s.String()}, position(st, l.ID)})
	}
	out.Total = len(out.Lessons)
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(w, "%d of %d lessons done\n", out.Done, out.Total)
	if l, ok := c.Lessons.Get(st.Last); ok {
		fmt.Fprintf(w, "You will resume at: %s (%s)\n", l.Title, l.ID)
	}
	fmt.Fprintf(w, "Quiz: %d of %d questions seen, %.0f%% right on the first try, %d due for review",
		quiz.Seen, quiz.Items, 100*quiz.FirstTryAccuracy, quiz.Due)
	if quiz.Due > 0 {
		fmt.Fprint(w, " (tutor quiz --review)")
	}
	fmt.Fprint(w, "\n")
	if out.Exercises.Total > 0 {
		fmt.Fprintf(w, "Exercises: %d of %d passed (tutor exercise list)\n", out.Exercises.Passed, out.Exercises.Total)
	}
	fmt.Fprint(w, "\n")
	for _, l := range out.Lessons {
		fmt.Fprintf(w, "  %-12s %-15s %s\n", l.Status, l.ID, l.Title)
	}
	return nil
}

func runReset(c *course.Course, store progress.Store, o progressOpts, g *globals) error {
	what := "all your progress"
	if o.id != "" {
		if _, ok := c.Lessons.Get(o.id); !ok {
			return unknownLesson(c.Lessons, o.id)
		}
		what = "your progress in " + o.id
	}
	if !o.yes {
		if !isTerminal(g.stdout) {
			return usageErrorf("not resetting %s without confirmation: add --yes", what)
		}
		fmt.Fprintf(g.stdout, "Reset %s? [y/N] ", what)
		line, _ := bufio.NewReader(g.stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
			fmt.Fprintln(g.stdout, "Nothing reset.")
			return nil
		}
	}
	var change progress.Change = progress.ResetAll{}
	if o.id != "" {
		var items []string
		for _, it := range c.Quizzes.ForLesson(o.id) {
			items = append(items, it.ID)
		}
		change = progress.Reset{Lesson: o.id, Items: items}
	}
	if err := store.Apply(context.Background(), progress.LocalLearner, change); err != nil {
		return err
	}
	_, err := fmt.Fprintf(g.stdout, "Reset %s.\n", what)
	return err
}

// progressLesson is one lesson of `tutor progress --json`: its row and the
// reading position, from 0 (the top, or never opened) to 1 (the end), a
// place in the lesson's text that does not depend on the window's width.
type progressLesson struct {
	lessonRow
	Position float64 `json:"position"`
}

// position is lesson id's reading position, rounded to 3 places.
func position(st *progress.State, id string) float64 {
	l, ok := st.Lessons[id]
	if !ok {
		return 0
	}
	return math.Round(l.Position*1000) / 1000
}
