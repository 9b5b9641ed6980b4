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
	"path"
	"slices"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/lessons"
	"github.com/tutor-dev/tutor/quizzes"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/exercises"
)

// Course is a loaded course.
type Course struct {
	Facts   *facts.Registry
	Lessons *lessons.Course
	Quizzes *quizzes.Bank
	// Events are the sample events labs may use: the course folder's
	// (DIR/events/<source>/<name>.json) first, then the built-in ones.
	Events []*sandbox.Events
	// Experiments and FilterLabs are the experiment panels and filter labs:
	// a course folder's first, then the built-in ones it does not replace.
	Experiments []*Experiment
	FilterLabs  []*FilterLab
	// Exercises are exercises/<id>/: the course folder's own only (see
	// exercises.go), else the built-in ones.
	Exercises []*exercises.Exercise
	// Settings are course.yaml's, defaults filled in.
	Settings Settings
	// Dir is the course folder it came from, or "" for the built-in course.
	Dir string
}

// Load loads the built-in course when dir is "", else the course folder dir.
// Both are a tree of the same layout (see Folders and the README), read by
// the same code:
//
//	lessons/*.md                 the lessons (required)
//	quizzes/*.yaml               the question bank
//	facts/*.yaml                 AWS facts (a folder's add to and correct the built-in ones)
//	events/<source>/<name>.json  sample events for labs (a folder's come first)
//	experiments/*.yaml           experiment panels (a folder's replace the built-in one of their source)
//	filterlabs/*.yaml            filter labs (likewise)
//	exercises/<id>/              exercises: exercise.yaml, handler.go, main.go, solution.go
//	course.yaml                  course settings (optional)
//
// The error joins every problem found, each naming its file and line; the
// returned course holds whatever did load.
func Load(dir string) (*Course, error) {
	fsys := Builtin()
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			return nil, fmt.Errorf("%s: not a course folder (want a directory with lessons/*.md)", dir)
		}
		fsys = os.DirFS(dir)
	}
	// A folder is keyed by the files read from it; the built-in course by
	// the binary that embeds it, so its files are read only to parse them.
	var files fstest.MapFS
	var rerr error
	if dir != "" {
		files, rerr = readCourse(fsys, dir)
	}
	key, keyErr := cacheKey(dir, files)
	if rerr == nil && keyErr == nil {
		if c, ok := readCache(key, dir, files); ok {
			return c, nil
		}
	}
	if dir == "" {
		files, rerr = readCourse(fsys, dir)
	}
	c, err := parse(files, dir)
	if err == nil && rerr == nil && keyErr == nil {
		writeCache(key, c)
	}
	return c, errors.Join(rerr, err)
}

// LoadFS loads the course in fsys, which has the layout of a course folder,
// without the cache; dir names it in errors ("" for the built-in course,
// which is then not merged with itself).
func LoadFS(fsys fs.FS, dir string) (*Course, error) {
	files, rerr := readCourse(fsys, dir)
	c, err := parse(files, dir)
	return c, errors.Join(rerr, err)
}

// parse reads and checks every file of the course. A course folder's facts,
// events, experiments and filter labs are merged with the built-in ones.
func parse(files fs.FS, dir string) (*Course, error) {
	c := &Course{Dir: dir}
	var base *Course
	var errs []error
	var err error
	c.Settings, err = loadSettings(files, dir)
	errs = append(errs, err)
	if dir != "" {
		if base, err = builtinExtras(); err != nil {
			return nil, fmt.Errorf("built-in course: %w", err)
		}
	}
	reg, err := facts.Load(sub(files, "facts"), path.Join(dir, "facts"))
	errs = append(errs, err)
	c.Facts = reg
	if base != nil {
		c.Facts = base.Facts.Merge(reg)
	}
	if _, err := fs.Stat(files, "lessons"); err != nil {
		return nil, errors.Join(append(errs, fmt.Errorf("%s: no lessons folder (want %s)", describe(dir), path.Join(dir, "lessons", "*.md")))...)
	}
	c.Lessons, err = lessons.Load(sub(files, "lessons"), path.Join(dir, "lessons"), c.Facts)
	errs = append(errs, err)
	c.Quizzes, err = quizzes.Load(sub(files, "quizzes"), path.Join(dir, "quizzes"), c.Facts)
	errs = append(errs, err)
	errs = append(errs, c.loadExtras(files, base), c.check())
	return c, errors.Join(errs...)
}

// loadExtras loads the events, experiments and filter labs, after base's.
func (c *Course) loadExtras(files fs.FS, base *Course) error {
	var errs []error
	exps, err := loadExperiments(files, c.Dir)
	errs = append(errs, err)
	labs, err := loadFilterLabs(files, c.Dir)
	errs = append(errs, err)
	c.Experiments, c.FilterLabs = exps, labs
	errs = append(errs, c.loadEvents(files), c.loadExercises(files))
	if base != nil {
		c.Events = append(c.Events, base.Events...)
		for _, e := range base.Experiments {
			// A built-in panel for one lesson has nothing to show in a
			// course without that lesson: leave it out (not an error).
			if e.Lesson != "" && !c.hasLesson(e.Lesson) {
				continue
			}
			if !slices.ContainsFunc(exps, func(x *Experiment) bool { return x.Source == e.Source && x.Lesson == e.Lesson }) {
				c.Experiments = append(c.Experiments, e)
			}
		}
		for _, l := range base.FilterLabs {
			if c.FilterLab(l.Source) == nil {
				c.FilterLabs = append(c.FilterLabs, l)
			}
		}
	}
	return errors.Join(errs...)
}

// builtinExtras are the parts of the built-in course a course folder adds
// to: facts, events, experiments and filter labs.
var builtinExtras = sync.OnceValues(func() (*Course, error) {
	files, err := readCourse(Builtin(), "")
	if err != nil {
		return nil, err
	}
	c := &Course{}
	if c.Facts, err = facts.Load(sub(files, "facts"), "facts"); err != nil {
		return nil, err
	}
	return c, c.loadExtras(files, nil)
})

// sub is the folder dir of fsys; an absent folder is an empty one.
func sub(fsys fs.FS, dir string) fs.FS {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return fstest.MapFS{}
	}
	return s
}

func describe(dir string) string {
	if dir == "" {
		return "the built-in course"
	}
	return dir
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
	return fmt.Sprintf("%d lessons, %d quiz items, %d facts, %d experiments, %d filter labs, %d exercises",
		n, c.Quizzes.Len(), c.Facts.Len(), len(c.Experiments), len(c.FilterLabs), len(c.Exercises))
}

// hasLesson says whether the course has a lesson with this ID.
func (c *Course) hasLesson(id string) bool {
	if c.Lessons == nil {
		return false
	}
	_, ok := c.Lessons.Get(id)
	return ok
}
