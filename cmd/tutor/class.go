package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/cmd/internal/classreport"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

func init() { topCommands = append(topCommands, newClassCmd) }

type classReportOpts struct {
	db     string
	format string
}

func newClassCmd(g *globals) *cobra.Command {
	class := &cobra.Command{
		Use:   "class",
		Short: "A class: the report and live board for instructors, join for learners",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return usageErrorf("unknown command %q for tutor class.%s Run 'tutor class --help' for its commands.", args[0], didYouMean(args[0], commandNames(cmd)))
		},
	}
	var o classReportOpts
	report := &cobra.Command{
		Use:   "report",
		Short: "Per learner progress and per item analysis (p-value, discrimination, first picks)",
		Long: `report reads a progress database and prints, per learner, lessons done, the
current lesson, first-try accuracy, exercises passed and when they were last
seen; and per quiz item, how often it was answered, its p-value (the share of
learners right on their first try), its discrimination (the point-biserial
correlation of that first try with the learner's first-try total over the other
items; empty when undefined) and how often each choice was picked first.
Without --db it reads the database of the state directory.`,
		Example: `  tutor class report
  tutor class report --db /srv/class/tutor.db --format csv > items.csv
  tutor class report --db postgres://teacher@db.example/class
  tutor class report --format json | jq '.items[] | select(.p_value < 0.5)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(classreport.Formats, o.format) {
				return usageErrorf("--format %q: use %s", o.format, strings.Join(classreport.Formats, ", "))
			}
			return runClassReport(g, o)
		},
	}
	report.Flags().StringVar(&o.db, "db", "", "the database to read: a tutor.db `PATH` or a PostgreSQL class store postgres://USER[:PASSWORD]@HOST[:PORT]/DB (default: the state directory's tutor.db)")
	report.Flags().StringVar(&o.format, "format", "table", "output `table|csv|json`; json is {learners: [...], items: [...]}")
	class.AddCommand(report, newClassBoardCmd(g), newClassJoinCmd(g))
	return class
}

// classDB is the database a class command reads: --db, or the state
// directory's; one clear error when there is none.
func classDB(g *globals, db string) (string, error) {
	path := db
	if path == "" {
		dir, err := progress.Dir(g.stateDir)
		if err != nil {
			return "", err
		}
		path = filepath.Join(dir, progress.DBFile)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("no progress in the state directory yet (%s): take a quiz first, or name a class's database with --db PATH", path)
		}
	}
	return path, nil
}

func runClassReport(g *globals, o classReportOpts) error {
	path, err := classDB(g, o.db)
	if err != nil {
		return err
	}
	c, err := loadCourse(g)
	if err != nil {
		return err
	}
	ctx := context.Background()
	store, err := progress.OpenClass(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	in, err := classInput(ctx, c, store)
	if err != nil {
		return err
	}
	return classreport.Write(g.stdout, classreport.Analyze(in), o.format)
}

// classInput reads what the analysis needs from a store that reads across
// learners; a lesson's status is the course's (StatusOf), as in 'tutor
// progress'.
func classInput(ctx context.Context, c *course.Course, store progress.ClassReader) (classreport.Input, error) {
	var in classreport.Input
	learners, err := store.Learners(ctx)
	if err != nil {
		return in, err
	}
	for _, l := range learners {
		snap, err := store.Load(ctx, l.ID)
		if err != nil {
			return in, err
		}
		st := snap.Progress
		row := classreport.Learner{ID: l.ID, Name: l.Name, CurrentLesson: st.Last, ExercisesPassed: len(st.ExercisesPassed), LastSeen: l.LastSeen}
		for _, lesson := range c.Lessons.Lessons {
			if st.StatusOf(lesson.ID, c.HasQuiz(lesson.ID), c.ExerciseIDs(lesson.ID)...) == progress.Done {
				row.LessonsDone++
			}
		}
		in.Learners = append(in.Learners, row)
	}
	log, err := store.AnswerLog(ctx)
	if err != nil {
		return in, err
	}
	for _, a := range log {
		in.Answers = append(in.Answers, classreport.Answer{Learner: a.Learner, Item: a.Item, Right: a.Right, Picked: a.Picked, At: a.At})
	}
	for _, it := range c.Quizzes.Items {
		texts := make([]string, len(it.Choices))
		for i, ch := range it.Choices {
			texts[i] = ch.Text
		}
		in.Items = append(in.Items, classreport.Item{ID: it.ID, Choices: texts})
	}
	return in, nil
}
