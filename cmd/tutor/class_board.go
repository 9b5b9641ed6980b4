package main

import (
	"context"
	"errors"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/screens/board"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

func newClassBoardCmd(g *globals) *cobra.Command {
	var db string
	cmd := &cobra.Command{
		Use:   "board",
		Short: "The live board: learners by lessons, accuracy, and who looks stuck",
		Long: `board shows, live, each learner (a row) by lesson (a column: . not started,
~ in progress, ✓ done), their current lesson, first-try accuracy, and who
looks stuck, stuck learners on top with the reasons. Stuck means: on an
unfinished lesson more than twice the class median and more than 10 minutes;
or 3 wrong answers in a row to one item; or an exercise failing its checks for
more than 15 minutes. It re-reads the database every half second.
Without --db it reads the database of the state directory. It needs a
terminal; for a printable report use 'tutor class report'.`,
		Example: `  tutor class board
  tutor class board --db /srv/class/tutor.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runClassBoard(g, db) },
	}
	cmd.Flags().StringVar(&db, "db", "", "the database to read: a tutor.db `PATH` or a PostgreSQL class store postgres://USER[:PASSWORD]@HOST[:PORT]/DB (default: the state directory's tutor.db)")
	return cmd
}

func runClassBoard(g *globals, db string) error {
	path, err := classDB(g, db)
	if err != nil {
		return err
	}
	ctx := context.Background()
	store, err := progress.OpenClass(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	in, inOK := g.stdin.(*os.File)
	out, outOK := g.stdout.(*os.File)
	if !inOK || !outOK || !term.IsTerminal(int(in.Fd())) || !term.IsTerminal(int(out.Fd())) {
		return errors.New("the class board needs a terminal; for a report to print or pipe, use 'tutor class report'")
	}
	c, err := loadCourse(g)
	if err != nil {
		return err
	}
	lessons := board.Lessons(c)
	src := func(ctx context.Context, now time.Time) (board.Data, error) {
		return board.Read(ctx, lessons, store, now)
	}
	dark, follow := theme.Initial(themeMode(g), os.Getenv("COLORFGBG"))
	root := board.NewRoot(src, dark)
	if follow { // --theme auto: the terminal's background answer decides
		root = root.FollowTerminal()
	}
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}
	if os.Getenv("NO_COLOR") != "" {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err = tea.NewProgram(root, opts...).Run()
	return err
}
