package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/sandbox/exercises"
)

func init() { topCommands = append(topCommands, newWatchCmd) }

func newWatchCmd(g *globals) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "watch [ID]",
		Short: "Check an exercise on every save (h: next hint, n: next exercise once passed, q: quit)",
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
			if err := exercises.CheckWorkspace(ws, e.ID); err != nil {
				return err
			}
			if _, err := exercises.FindGo(); err != nil {
				return err
			}
			return runWatch(g, c, e, ws)
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "the exercise workspace `DIR` (default: the one tutor exercise init made)")
	return cmd
}

// runWatch checks e now and after every change to its folder, until q,
// end of a terminal's input, or ctrl+c.
func runWatch(g *globals, c *course.Course, e *exercises.Exercise, ws string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	out := g.stdout
	if in, ok := g.stdin.(*os.File); ok && term.IsTerminal(int(in.Fd())) {
		if old, err := term.MakeRaw(int(in.Fd())); err == nil {
			defer term.Restore(int(in.Fd()), old)
			out = crlf{g.stdout}
		}
	}
	keys := make(chan byte)
	go readKeys(g.stdin, keys)
	var w *exercises.Watcher
	defer func() {
		if w != nil {
			w.Close()
		}
	}()
	var next *exercises.Exercise
	watch := func(e *exercises.Exercise) error {
		if w != nil {
			w.Close()
		}
		var err error
		w, err = exercises.Watch(ctx, filepath.Join(ws, e.ID), exercises.SettleDelay)
		if err != nil {
			return fmt.Errorf("watching %s: %w", ws, err)
		}
		return nil
	}
	check := func() {
		fmt.Fprintf(out, "\n— checking %s at %s —\n", e.ID, time.Now().Format("15:04:05"))
		rep, err := checkOnce(g, c, e, ws)
		if err != nil {
			fmt.Fprintln(out, "tutor: "+err.Error())
			return
		}
		writeReport(out, e, rep)
		next = nil
		if rep.Passed {
			next = nextExercise(g, c, e)
			if next != nil {
				fmt.Fprintf(out, "Next: %s (%s). Press n to move on, q to quit.\n", next.ID, next.Title)
			} else {
				fmt.Fprintln(out, "That was the last exercise not yet passed. Press q to quit.")
			}
		} else {
			fmt.Fprintf(out, "Edit %s and save; h: next hint, q: quit.\n", filepath.Join(ws, e.ID, exercises.HandlerFile))
		}
	}
	if err := watch(e); err != nil {
		return err
	}
	check()
	for {
		select {
		case <-ctx.Done():
			return nil
		case _, ok := <-w.Changes:
			if !ok {
				return nil
			}
			check()
		case err := <-w.Errors:
			fmt.Fprintln(out, "tutor: watching: "+err.Error())
		case k, ok := <-keys:
			switch {
			case !ok || k == 'q' || k == 3 || k == 4:
				return nil
			case k == 'h':
				showHint(g, out, e)
			case k == 'n' && next != nil:
				e, next = next, nil
				if err := watch(e); err != nil {
					return err
				}
				check()
			}
		}
	}
}

// nextExercise is the first exercise after e (in course order, wrapping)
// not yet passed.
func nextExercise(g *globals, c *course.Course, e *exercises.Exercise) *exercises.Exercise {
	_, st, err := exerciseState(g)
	if err != nil {
		return nil
	}
	all := c.ExercisesInOrder()
	for i, x := range all {
		if x.ID != e.ID {
			continue
		}
		for k := 1; k < len(all); k++ {
			if y := all[(i+k)%len(all)]; !st.ByID[y.ID].Passed {
				return y
			}
		}
	}
	return nil
}

func showHint(g *globals, out io.Writer, e *exercises.Exercise) {
	_, st, err := exerciseState(g)
	if err != nil {
		fmt.Fprintln(out, "tutor: "+err.Error())
		return
	}
	n := min(st.ByID[e.ID].Hints+1, len(e.Hints))
	if err := record(g, progress.HintShown{Exercise: e.ID, Level: n, At: time.Now()}); err != nil {
		fmt.Fprintln(out, "tutor: "+err.Error())
		return
	}
	fmt.Fprintf(out, "Hint %d of %d: %s\n", n, len(e.Hints), e.Hints[n-1])
}

// readKeys sends each byte read; it closes keys at the end of input.
func readKeys(r io.Reader, keys chan<- byte) {
	defer close(keys)
	buf := make([]byte, 64)
	for {
		n, err := r.Read(buf)
		for _, b := range buf[:n] {
			keys <- b
		}
		if err != nil {
			return
		}
	}
}

// crlf writes "\r\n" for "\n", for a terminal in raw mode.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	_, err := c.w.Write([]byte(strings.ReplaceAll(string(p), "\n", "\r\n")))
	return len(p), err
}
