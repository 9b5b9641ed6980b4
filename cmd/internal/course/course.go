// Package course loads everything a course is made of (facts, lessons, and
// the parts other packages add) from the embedded copy or a course folder,
// and checks the references between them. It is where the domain packages,
// which never import each other, are joined.
package course

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/lessons"
	"github.com/tutor-dev/tutor/quizzes"
	"github.com/tutor-dev/tutor/sandbox"
)

// Course is a loaded course.
type Course struct {
	Facts   *facts.Registry
	Lessons *lessons.Course
	Quizzes *quizzes.Bank
	// Events are the sample events labs may use: the course folder's
	// (DIR/events/<source>/<name>.json) first, then the built-in ones.
	Events []*sandbox.Events
	// Dir is the course folder it came from, or "" for the built-in course.
	Dir string
}

// Load loads the built-in course when dir is "", else the course folder dir:
//
//	DIR/lessons/*.md     the lessons (required)
//	DIR/facts/*.yaml     extra or corrected facts (optional)
//	DIR/quizzes/*.yaml   the question bank (optional)
//	DIR/events/<source>/<name>.json   sample events for labs (optional)
//
// The error joins every problem found, each naming its file and line; the
// returned course holds whatever did load.
func Load(dir string) (*Course, error) {
	key, keyErr := cacheKey(dir)
	if keyErr == nil {
		if c, ok := readCache(key, dir); ok {
			return c, nil
		}
	}
	c, err := parse(dir)
	if err == nil && keyErr == nil {
		writeCache(key, c)
	}
	return c, err
}

// parse reads and checks every file of the course.
func parse(dir string) (*Course, error) {
	reg, err := facts.Builtin()
	if err != nil {
		return nil, fmt.Errorf("built-in facts: %w", err)
	}
	c := &Course{Facts: reg, Dir: dir}
	if dir == "" {
		c.Lessons, err = lessons.Builtin(reg)
		if err != nil {
			return c, fmt.Errorf("built-in lessons: %w", err)
		}
		c.Quizzes, err = quizzes.Builtin(reg)
		if err != nil {
			return c, fmt.Errorf("built-in quizzes: %w", err)
		}
		if err := c.loadEvents(nil); err != nil {
			return c, err
		}
		return c, c.check()
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s: not a course folder (want a directory with lessons/*.md)", dir)
	}
	fsys := os.DirFS(dir)
	var errs []error
	if sub, err := fs.Sub(fsys, "facts"); err == nil {
		if _, statErr := fs.Stat(fsys, "facts"); statErr == nil {
			extra, ferr := facts.Load(sub, filepath.Join(dir, "facts"))
			errs = append(errs, ferr)
			c.Facts = reg.Merge(extra)
		}
	}
	if _, err := fs.Stat(fsys, "lessons"); err != nil {
		return nil, fmt.Errorf("%s: no lessons folder (want %s)", dir, filepath.Join(dir, "lessons", "*.md"))
	}
	sub, _ := fs.Sub(fsys, "lessons")
	c.Lessons, err = lessons.Load(sub, filepath.Join(dir, "lessons"), c.Facts)
	errs = append(errs, err)
	c.Quizzes = quizzes.NewBank(nil)
	if _, statErr := fs.Stat(fsys, "quizzes"); statErr == nil {
		qsub, _ := fs.Sub(fsys, "quizzes")
		c.Quizzes, err = quizzes.Load(qsub, filepath.Join(dir, "quizzes"), c.Facts)
		errs = append(errs, err)
	}
	errs = append(errs, c.loadEvents(fsys), c.check())
	return c, errors.Join(errs...)
}

// check validates references between the parts of the course.
func (c *Course) check() error {
	var errs []error
	for _, check := range checks {
		errs = append(errs, check(c))
	}
	return errors.Join(errs...)
}

// checks are the cross-reference checks; each part of the course that
// refers to another (quizzes to lessons, labs to handlers) adds one.
var checks []func(*Course) error

// HasQuiz says whether a lesson has quiz items (and so needs its quiz
// passed to be done).
func (c *Course) HasQuiz(lessonID string) bool { return quizCount(c, lessonID) > 0 }

func quizCount(c *Course, lessonID string) int { return len(c.Quizzes.ForLesson(lessonID)) }

func init() { checks = append(checks, checkQuizLessons) }

// checkQuizLessons reports quiz items whose lesson does not exist.
func checkQuizLessons(c *Course) error {
	if c.Lessons == nil || c.Quizzes == nil {
		return nil
	}
	var errs []error
	for _, it := range c.Quizzes.Items {
		if it.Lesson == "" {
			continue // the loader reported it
		}
		if _, ok := c.Lessons.Get(it.Lesson); !ok {
			errs = append(errs, fmt.Errorf("%s:%d:%d: item %q: lesson %q does not exist (lessons: %s)",
				it.File, it.LessonLine, it.LessonCol, it.ID, it.Lesson, strings.Join(c.Lessons.IDs(), ", ")))
		}
	}
	return errors.Join(errs...)
}

// Summary describes the course's size in one phrase.
func (c *Course) Summary() string {
	n := 0
	if c.Lessons != nil {
		n = len(c.Lessons.Lessons)
	}
	return fmt.Sprintf("%d lessons, %d quiz items, %d facts", n, c.Quizzes.Len(), c.Facts.Len())
}
