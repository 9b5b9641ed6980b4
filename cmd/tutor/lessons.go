package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/lessons"
)

func init() { topCommands = append(topCommands, newLessonsCmd, newReadCmd) }

// lessonJSON is one element of `tutor lessons --json`.
type lessonJSON struct {
	ID      string          `json:"id"`
	Title   string          `json:"title"`
	Order   int             `json:"order"`
	Sources []source.Source `json:"sources"`
	Status  string          `json:"status"`
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
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {id, title, order, sources, status}")
	return cmd
}

func runLessons(c *course.Course, st *progress.State, asJSON bool, w io.Writer) error {
	rows := make([]lessonJSON, 0, len(c.Lessons.Lessons))
	for _, l := range c.Lessons.Lessons {
		src := l.Sources
		if src == nil {
			src = []source.Source{}
		}
		rows = append(rows, lessonJSON{l.ID, l.Title, l.Order, src, st.StatusOf(l.ID, c.HasQuiz(l.ID)).String()})
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
		RunE: func(cmd *cobra.Command, args []string) error {
			if width < 20 || width > 500 {
				return usageErrorf("--width %d: want a width between 20 and 500 columns", width)
			}
			c, err := loadCourse(g)
			if err != nil {
				return err
			}
			return runRead(c, args[0], width, isTerminal(g.stdout), g.stdout)
		},
	}
	cmd.Flags().IntVar(&width, "width", 80, "wrap the text at `N` columns")
	return cmd
}

func runRead(c *course.Course, id string, width int, tty bool, w io.Writer) error {
	l, ok := c.Lessons.Get(id)
	if !ok {
		return unknownLesson(c.Lessons, id)
	}
	md := l.Body
	var out string
	var err error
	if tty && os.Getenv("NO_COLOR") == "" {
		out, err = render.Markdown(md, width, true)
		out = render.StripMarks(out) // nothing clips code on a bare terminal
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
	return fmt.Errorf("no lesson %q; the lessons are: %s", id, strings.Join(c.IDs(), ", "))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
