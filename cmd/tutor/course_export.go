package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/screens/experiment"
	"github.com/tutor-dev/tutor/cmd/internal/screens/filterlab"
)

func init() { topCommands = append(topCommands, newCourseCmd) }

func newCourseCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "course",
		Short: "Work with course folders",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "export DIR",
		Short: "Write the built-in course as a course folder, to edit and run with --content",
		Long: `export writes the built-in course to DIR as a course folder: lessons,
quizzes, facts, events, experiments and filter labs, in the layout the README
describes. 'tutor --content DIR' then runs the same course, and 'tutor validate
DIR' checks it after your edits. DIR must be new or empty: nothing is overwritten.`,
		Example: `  tutor course export ./my-course
  tutor validate ./my-course
  tutor --content ./my-course`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := course.Export(args[0]); err != nil {
				return err
			}
			_, err := fmt.Fprintf(g.stdout, "wrote the built-in course to %s; run it with: tutor --content %s\n", args[0], args[0])
			return err
		},
	})
	return cmd
}

// loadContent loads a course (course.Load) and adds the checks of the
// screens that show its experiments and filter labs: knobs the experiment
// panel has, samples the filter lab can read. checkAll also checks the
// built-in course's own, which its tests already do.
func loadContent(dir string, checkAll bool) (*course.Course, error) {
	c, err := course.Load(dir)
	if c == nil || (dir == "" && !checkAll) {
		return c, err
	}
	errs := []error{err}
	for _, e := range c.Experiments {
		errs = append(errs, experiment.Check(e))
	}
	for _, l := range c.FilterLabs {
		errs = append(errs, filterlab.Check(l))
	}
	return c, errors.Join(errs...)
}
