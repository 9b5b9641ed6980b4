package course

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"io/fs"

	"github.com/tutor-dev/tutor/sandbox/exercises"
)

func init() { checks = append(checks, checkExercises) }

// loadExercises reads exercises/<id>/ (exercise.yaml and its Go files).
func (c *Course) loadExercises(files fs.FS) error {
	exs, err := exercises.Load(sub(files, "exercises"), path.Join(c.Dir, "exercises"))
	c.Exercises = exs
	return err
}

// checkExercises reports exercises whose lesson or course event does not
// exist.
func checkExercises(c *Course) error {
	if c.Lessons == nil {
		return nil
	}
	var errs []error
	for _, e := range c.Exercises {
		if _, ok := c.Lessons.Get(e.Lesson); !ok {
			errs = append(errs, fmt.Errorf("%s:%d: lesson %q does not exist (lessons: %s)", e.File, e.LessonLine, e.Lesson, strings.Join(c.Lessons.IDs(), ", ")))
		}
		for _, cr := range e.Criteria {
			if cr.Invoke != nil && cr.Invoke.EventName != "" {
				if _, err := c.Event(cr.Invoke.EventName); err != nil {
					errs = append(errs, fmt.Errorf("%s:%d: criterion %s: unknown event %q (see tutor sandbox list)", e.File, cr.Line, cr.ID, cr.Invoke.EventName))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// Exercise returns an exercise by ID.
func (c *Course) Exercise(id string) (*exercises.Exercise, bool) {
	for _, e := range c.Exercises {
		if e.ID == id {
			return e, true
		}
	}
	return nil, false
}

// ExercisesInOrder lists the exercises in course order: by their lesson's
// place in the course, then by ID.
func (c *Course) ExercisesInOrder() []*exercises.Exercise {
	var out []*exercises.Exercise
	if c.Lessons != nil {
		for _, l := range c.Lessons.Lessons {
			for _, e := range c.Exercises {
				if e.Lesson == l.ID {
					out = append(out, e)
				}
			}
		}
	}
	for _, e := range c.Exercises {
		if c.Lessons == nil {
			out = append(out, e)
		} else if _, ok := c.Lessons.Get(e.Lesson); !ok {
			out = append(out, e)
		}
	}
	return out
}

// ExercisesFor lists the exercises of one lesson.
func (c *Course) ExercisesFor(lessonID string) []*exercises.Exercise {
	var out []*exercises.Exercise
	for _, e := range c.Exercises {
		if e.Lesson == lessonID {
			out = append(out, e)
		}
	}
	return out
}

// HasExercise says whether the lesson has an exercise.
func (c *Course) HasExercise(lessonID string) bool { return len(c.ExercisesFor(lessonID)) > 0 }

// ExerciseIDs are the IDs of the lesson's exercises, which the lesson needs
// passed to be done (progress.State.StatusOf).
func (c *Course) ExerciseIDs(lessonID string) []string {
	var ids []string
	for _, e := range c.ExercisesFor(lessonID) {
		ids = append(ids, e.ID)
	}
	return ids
}
