// Package lessons is the course's text: one markdown file per lesson with
// YAML front matter, embedded in the binary, plus the loader that validates
// a course folder and fills in AWS facts from the registry.
//
// It knows nothing of terminals, quizzes or the sandbox: a lesson names its
// labs by ID and the application joins them.
package lessons

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
)

//go:embed course/*.md
var builtin embed.FS

// Lesson is one lesson, ready to show.
type Lesson struct {
	ID         string          `yaml:"id"`
	Title      string          `yaml:"title"`
	Order      int             `yaml:"order"`
	Sources    []source.Source `yaml:"sources"`
	Objectives []string        `yaml:"objectives"`
	Summary    string          `yaml:"summary"`
	Labs       []Lab           `yaml:"labs"`

	// Body is the markdown after the front matter, facts filled in and a
	// closing "Sources" section listing every fact the lesson used.
	Body string `yaml:"-"`
	// Facts are the IDs of the facts the lesson refers to, in order of first use.
	Facts []string `yaml:"-"`
	// File is the lesson's path as errors should name it.
	File string `yaml:"-"`
}

// Lab is a sandbox run a lesson offers: a sample handler and the sample
// events to try it on, by name.
type Lab struct {
	Handler string   `yaml:"handler"`
	Events  []string `yaml:"events"`
	Line    int      `yaml:"-"` // where the lab is in the lesson's file
}

// Course is every lesson, in course order.
type Course struct {
	Lessons []*Lesson
	byID    map[string]*Lesson
}

// Get returns the lesson with the given ID.
func (c *Course) Get(id string) (*Lesson, bool) {
	l, ok := c.byID[id]
	return l, ok
}

// IDs returns the lesson IDs in course order.
func (c *Course) IDs() []string {
	out := make([]string, len(c.Lessons))
	for i, l := range c.Lessons {
		out[i] = l.ID
	}
	return out
}

// Index returns the position of a lesson in course order, or -1.
func (c *Course) Index(id string) int {
	for i, l := range c.Lessons {
		if l.ID == id {
			return i
		}
	}
	return -1
}

// Files are the built-in lesson files, *.md at the top: the lessons folder
// of the built-in course.
func Files() fs.FS {
	sub, err := fs.Sub(builtin, "course")
	if err != nil {
		panic(err) // "course" is a valid path: fs.Sub cannot fail
	}
	return sub
}

// Builtin loads the course embedded in the binary.
func Builtin(reg *facts.Registry) (*Course, error) {
	return Load(Files(), "lessons", reg)
}

// Load reads every *.md file at the top of fsys as a lesson. prefix names
// the folder in error messages. Every problem found is reported, each naming
// its file and line, joined into one error; the lessons that loaded cleanly
// are returned alongside so a caller can still show them.
func Load(fsys fs.FS, prefix string, reg *facts.Registry) (*Course, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, err
	}
	c := &Course{byID: map[string]*Lesson{}}
	var errs []error
	if len(names) == 0 {
		errs = append(errs, fmt.Errorf("%s: no lessons (*.md files) found", prefix))
	}
	for _, name := range names {
		file := path.Join(prefix, name)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		l, lerrs := parse(file, string(data), reg)
		errs = append(errs, lerrs...)
		if l == nil {
			continue
		}
		if prev, dup := c.byID[l.ID]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: duplicate lesson id %q (also in %s)", file, l.idLine(data), l.ID, prev.File))
			continue
		}
		c.byID[l.ID] = l
		c.Lessons = append(c.Lessons, l)
	}
	sort.SliceStable(c.Lessons, func(i, j int) bool {
		a, b := c.Lessons[i], c.Lessons[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.ID < b.ID
	})
	return c, errors.Join(errs...)
}

// idLine is the line of the "id:" key in the file, for duplicate reports.
func (l *Lesson) idLine(data []byte) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "id:") {
			return i + 1
		}
	}
	return 1
}

// NewCourse builds a course from lessons already loaded and validated (a
// cached copy), keeping their order.
func NewCourse(list []*Lesson) *Course {
	c := &Course{Lessons: list, byID: make(map[string]*Lesson, len(list))}
	for _, l := range list {
		c.byID[l.ID] = l
	}
	return c
}
