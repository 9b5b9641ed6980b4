package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
	"github.com/tutor-dev/tutor/lessons"
)

func init() { topCommands = append(topCommands, newLessonsCmd, newReadCmd) }

// lessonRow is a lesson and the learner's status in it, as both
// `tutor lessons --json` and `tutor progress --json` show it.
type lessonRow struct {
	ID      string          `json:"id"`
	Title   string          `json:"title"`
	Order   int             `json:"order"`
	Sources []source.Source `json:"sources"`
	Status  string          `json:"status"`
}

// lessonJSON is one element of `tutor lessons --json`.
type lessonJSON struct {
	lessonRow
	// Objectives and Summary are the lesson's front matter; Activities
	// are what it offers besides its text (quiz, lab, filter, experiment).
	Objectives []string `json:"objectives"`
	Summary    string   `json:"summary"`
	Activities []string `json:"activities"`
}

func newLessonsCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lessons",
		Short: "List the lessons in course order, with your status in each",
		Example: `  tutor lessons
  tutor lessons --json | jq -r '.[] | select(.status != "done") | .id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loadCourse(g)
			if err != nil {
				return err
			}
			store, snap, err := openProgress(g)
			if err != nil {
				return err
			}
			store.Close()
			return runLessons(c, snap.Progress, asJSON, g.stdout)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {id, title, order, sources, status, objectives, summary, activities}")
	return cmd
}

func runLessons(c *course.Course, st *progress.State, asJSON bool, w io.Writer) error {
	rows := make([]lessonJSON, 0, len(c.Lessons.Lessons))
	for _, l := range c.Lessons.Lessons {
		src := l.Sources
		if src == nil {
			src = []source.Source{}
		}
		obj := l.Objectives
		if obj == nil {
			obj = []string{}
		}
		rows = append(rows, lessonJSON{lessonRow{l.ID, l.Title, l.Order, src, st.StatusOf(l.ID, c.HasQuiz(l.ID), c.ExerciseIDs(l.ID)...).String()},
			obj, l.Summary, c.Activities(l.ID)})
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tID\tTITLE\tSOURCES\tSTATUS")
	for i, r := range rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", i+1, r.ID, r.Title, strings.Join(source.Strings(r.Sources), ","), r.Status)
	}
	return tw.Flush()
}

func newReadCmd(g *globals) *cobra.Command {
	var width int
	cmd := &cobra.Command{
		Use:   "read LESSON",
		Short: "Print a lesson (plain text when the output is not a terminal)",
		Example: `  tutor read sqs
  tutor read sqs --width 72 | less`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			c, err := loadCourse(g)
			if err != nil || len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return c.Lessons.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if width < 20 || width > 500 {
				return usageErrorf("--width %d: want a width between 20 and 500 columns", width)
			}
			c, err := loadCourse(g)
			if err != nil {
				return err
			}
			dark, _ := theme.Initial(themeMode(g), os.Getenv("COLORFGBG"))
			return runRead(c, args[0], width, isTerminal(g.stdout), dark, g.stdout)
		},
	}
	cmd.Flags().IntVar(&width, "width", 80, "wrap the text at `N` columns")
	return cmd
}

func runRead(c *course.Course, id string, width int, tty, dark bool, w io.Writer) error {
	l, ok := c.Lessons.Get(id)
	if !ok {
		return unknownLesson(c.Lessons, id)
	}
	md := course.Page(l)
	var out string
	var err error
	if tty && os.Getenv("NO_COLOR") == "" {
		out, err = render.Markdown(md, width, dark)
		out = render.StripMarks(out) // nothing clips code on a bare terminal
		// The renderer writes full colour; bring it down to what the
		// terminal says it shows (TERM, COLORTERM), as the TUI does.
		w = colorprofile.NewWriter(w, os.Environ())
	} else {
		out, err = render.Plain(md, width)
	}
	if err != nil {
		return fmt.Errorf("rendering %s: %w", l.File, err)
	}
	_, err = io.WriteString(w, out)
	return err
}

func unknownLesson(c *lessons.Course, id string) error {
	if s := suggest(id, c.IDs()); s != "" {
		return fmt.Errorf("no lesson %q; did you mean %s? The lessons are: %s", id, s, strings.Join(c.IDs(), ", "))
	}
	return fmt.Errorf("no lesson %q; the lessons are: %s", id, strings.Join(c.IDs(), ", "))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
