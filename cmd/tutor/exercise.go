package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/sandbox/exercises"
)

func init() { topCommands = append(topCommands, newExerciseCmd, newCheckCmd) }

// defaultWorkspace is where `tutor exercise init` creates the workspace.
const defaultWorkspace = "tutor-exercises"

func newExerciseCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "exercise", Short: "Exercises: you write the handler, tutor checks it", Args: cobra.NoArgs}
	var asJSON bool
	list := &cobra.Command{
		Use: "list", Short: "The exercises in course order, with your status", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, st, err := exerciseState(g)
			if err != nil {
				return err
			}
			return runExerciseList(c, st, asJSON, g.stdout)
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {id, lesson, title, source, status}")
	initCmd := &cobra.Command{
		Use: "init [DIR]", Short: "Create the exercise workspace (default ./" + defaultWorkspace + "); never overwrites a file", Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runExerciseInit(g, args) },
	}
	hint := &cobra.Command{
		Use: "hint ID", Short: "The next hint of an exercise (three levels)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runHint(g, args[0]) },
	}
	solution := &cobra.Command{
		Use: "solution ID", Short: "The reference solution and why it works, once passed (or after every hint and 3 failed checks)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runSolution(g, args[0]) },
	}
	cmd.AddCommand(list, initCmd, hint, solution)
	return cmd
}

// exerciseState loads the course and the learner's exercise state.
func exerciseState(g *globals) (*course.Course, *progress.Exercises, error) {
	c, err := loadCourse(g)
	if err != nil {
		return nil, nil, err
	}
	store, err := openStore(g)
	if err != nil {
		return nil, nil, err
	}
	defer store.Close()
	st, err := store.Exercises(context.Background(), progress.LocalLearner)
	return c, st, err
}

// record applies one change to the learner's store.
func record(g *globals, ch progress.Change) error {
	store, err := openStore(g)
	if err != nil {
		return err
	}
	defer store.Close()
	return store.Apply(context.Background(), progress.LocalLearner, ch)
}

type exerciseJSON struct {
	ID     string `json:"id"`
	Lesson string `json:"lesson"`
	Title  string `json:"title"`
	Source string `json:"source"`
	Status string `json:"status"`
}

func runExerciseList(c *course.Course, st *progress.Exercises, asJSON bool, w io.Writer) error {
	rows := []exerciseJSON{}
	for _, e := range c.ExercisesInOrder() {
		rows = append(rows, exerciseJSON{e.ID, e.Lesson, e.Title, string(e.Source), st.ByID[e.ID].Status()})
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tID\tLESSON\tTITLE\tSTATUS")
	for i, r := range rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", i+1, r.ID, r.Lesson, r.Title, r.Status)
	}
	return tw.Flush()
}

func runExerciseInit(g *globals, args []string) error {
	c, err := loadCourse(g)
	if err != nil {
		return err
	}
	dir := defaultWorkspace
	if len(args) == 1 {
		dir = args[0]
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	res, err := exercises.Init(abs, c.ExercisesInOrder())
	if err != nil {
		return err
	}
	if err := record(g, progress.WorkspaceSet{Dir: abs, At: time.Now()}); err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "Workspace %s: %d files created, %d kept as they were.\n", abs, len(res.Created), len(res.Kept))
	if _, err := exercises.FindGo(); err != nil {
		fmt.Fprintln(g.stdout, err)
	}
	if first := c.ExercisesInOrder(); len(first) > 0 {
		fmt.Fprintf(g.stdout, "Edit %s, then run: tutor check %s\n", filepath.Join(abs, first[0].ID, exercises.HandlerFile), first[0].ID)
	}
	return nil
}

// exerciseArg finds an exercise by ID, or says which exist (exit 2).
func exerciseArg(c *course.Course, id string) (*exercises.Exercise, error) {
	if e, ok := c.Exercise(id); ok {
		return e, nil
	}
	var ids []string
	for _, e := range c.ExercisesInOrder() {
		ids = append(ids, e.ID)
	}
	return nil, usageErrorf("unknown exercise %q (exercises: %s)", id, strings.Join(ids, ", "))
}

func runHint(g *globals, id string) error {
	c, st, err := exerciseState(g)
	if err != nil {
		return err
	}
	e, err := exerciseArg(c, id)
	if err != nil {
		return err
	}
	n := min(st.ByID[id].Hints+1, len(e.Hints))
	if err := record(g, progress.HintShown{Exercise: id, Level: n, At: time.Now()}); err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "Hint %d of %d: %s\n", n, len(e.Hints), e.Hints[n-1])
	if n == len(e.Hints) {
		fmt.Fprintf(g.stdout, "That was the last hint.\n")
	}
	return nil
}

func runSolution(g *globals, id string) error {
	c, st, err := exerciseState(g)
	if err != nil {
		return err
	}
	e, err := exerciseArg(c, id)
	if err != nil {
		return err
	}
	s := st.ByID[id]
	if !s.SolutionOpen(len(e.Hints)) {
		return fmt.Errorf("the solution of %s opens once you pass it, or after all %d hints and %d failed checks (so far: %d hints, %d failed checks); try: tutor exercise hint %s",
			id, len(e.Hints), progress.FailedChecksForSolution, s.Hints, s.Failed, id)
	}
	fmt.Fprintf(g.stdout, "%s\n\n%s\nWhy it works:\n%s\n", e.Title, strings.TrimRight(string(e.Solution), "\n")+"\n", e.Why)
	return nil
}

func newCheckCmd(g *globals) *cobra.Command {
	var dir string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check [ID]",
		Short: "Build your handler for an exercise and check it (default: the first not yet passed)",
		Long:  "Builds the exercise with your go, runs it through the Lambda Runtime API and judges each criterion. Exit 0 when all pass, 1 when any fails or the build fails, 2 on usage errors.",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, st, err := exerciseState(g)
			if err != nil {
				return err
			}
			e, err := pickExercise(c, st, args)
			if err != nil {
				return err
			}
			ws, err := workspaceDir(dir, st)
			if err != nil {
				return err
			}
			rep, err := checkOnce(g, c, e, ws)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else {
				writeReport(g.stdout, e, rep)
			}
			if !rep.Passed {
				return errSilent
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "the exercise workspace `DIR` (default: the one tutor exercise init made)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print {exercise, passed, build, criteria, duration_ms}")
	return cmd
}

// pickExercise is the exercise named, else the first not yet passed.
func pickExercise(c *course.Course, st *progress.Exercises, args []string) (*exercises.Exercise, error) {
	if len(args) == 1 {
		return exerciseArg(c, args[0])
	}
	all := c.ExercisesInOrder()
	if len(all) == 0 {
		return nil, errors.New("this course has no exercises")
	}
	for _, e := range all {
		if !st.ByID[e.ID].Passed {
			return e, nil
		}
	}
	return nil, usageErrorf("every exercise is passed; name one to check it again (tutor exercise list)")
}

// workspaceDir is --dir, else the workspace the learner's state remembers.
func workspaceDir(flag string, st *progress.Exercises) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	if st.Workspace == "" {
		return "", errors.New("no exercise workspace yet: run `tutor exercise init` to create one")
	}
	return st.Workspace, nil
}

// checkOnce runs one check and records its verdict.
func checkOnce(g *globals, c *course.Course, e *exercises.Exercise, ws string) (*exercises.Report, error) {
	if _, err := os.Stat(ws); err != nil {
		return nil, exercises.CheckWorkspace(ws, e.ID)
	}
	rep, err := exercises.Check(context.Background(), e, exercises.Options{Workspace: ws, Event: c.Event})
	if err != nil {
		return nil, err
	}
	if err := record(g, progress.ExerciseChecked{Exercise: e.ID, Passed: rep.Passed, At: time.Now()}); err != nil {
		return nil, err
	}
	return rep, nil
}

// writeReport prints a check for people: one line per criterion, and what
// was expected and what happened under a failed one.
func writeReport(w io.Writer, e *exercises.Exercise, rep *exercises.Report) {
	fmt.Fprintf(w, "%s: %s\n", e.ID, e.Title)
	if !rep.Build.OK {
		fmt.Fprintf(w, "✗ build failed:\n%s\n", indent(rep.Build.Output))
		return
	}
	n := 0
	for _, c := range rep.Criteria {
		if c.Passed {
			n++
			fmt.Fprintf(w, "✓ %s\n", c.Title)
		} else {
			fmt.Fprintf(w, "✗ %s\n%s\n", c.Title, indent(c.Detail))
		}
	}
	if rep.Passed {
		fmt.Fprintf(w, "All %d checks passed (%.1fs)\n", n, rep.Duration.Seconds())
	} else {
		fmt.Fprintf(w, "%d of %d checks passed (%.1fs)\n", n, len(rep.Criteria), rep.Duration.Seconds())
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
