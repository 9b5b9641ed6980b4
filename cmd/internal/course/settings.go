package course

import (
	"bytes"
	_ "embed"
	"fmt"
	"io/fs"
	"path"

	"github.com/goccy/go-yaml"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
	"github.com/tutor-dev/tutor/quizzes"
)

// SettingsFile is the optional file of course settings at the root of a
// course folder.
const SettingsFile = "course.yaml"

// builtinSettings is the built-in course's course.yaml, which `tutor course
// export` writes out with the rest.
//
//go:embed course.yaml
var builtinSettings []byte

// Settings are the course's settings (course.yaml); a setting left out
// keeps its default.
type Settings struct {
	Quiz QuizSettings `yaml:"quiz"`
}

// QuizSettings are the settings of the lessons' quizzes.
type QuizSettings struct {
	// PassMark is the share of a lesson's quiz items that must be right on
	// the first try, in one sitting, for the quiz to pass (0 < PassMark <= 1).
	PassMark float64 `yaml:"pass_mark"`
}

// DefaultSettings are the settings of a course without course.yaml.
func DefaultSettings() Settings {
	return Settings{Quiz: QuizSettings{PassMark: quizzes.DefaultPassMark}}
}

// PassMark is the share of first-try right answers that passes a quiz.
func (c *Course) PassMark() float64 {
	if c == nil || c.Settings.Quiz.PassMark <= 0 {
		return quizzes.DefaultPassMark
	}
	return c.Settings.Quiz.PassMark
}

// loadSettings reads course.yaml from files, if there is one.
func loadSettings(files fs.FS, dir string) (Settings, error) {
	s := DefaultSettings()
	data, err := fs.ReadFile(files, SettingsFile)
	if err != nil {
		return s, nil // optional; readCourse reported a file it could not read
	}
	return parseSettings(path.Join(dir, SettingsFile), data)
}

// parseSettings reads and checks a course.yaml.
func parseSettings(file string, data []byte) (Settings, error) {
	s := DefaultSettings()
	f, err := yamlsafe.Parse(bytes.TrimPrefix(data, []byte("\ufeff")))
	if err != nil {
		return s, facts.PosError(file, 0, err)
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return s, nil // empty: every default
	}
	body := f.Docs[0].Body
	if err := yaml.NodeToValue(body, &s, yaml.DisallowUnknownField()); err != nil {
		return DefaultSettings(), fmt.Errorf("%s (course.yaml holds quiz: {pass_mark: 0.8})", facts.PosError(file, 0, err))
	}
	if pm := s.Quiz.PassMark; pm <= 0 || pm > 1 {
		line, col := 1, 1
		if p, err := yaml.PathString("$.quiz.pass_mark"); err == nil {
			if n, err := p.FilterNode(body); err == nil && n != nil {
				line, col = n.GetToken().Position.Line, n.GetToken().Position.Column
			}
		}
		hint := "a share of the quiz's items, above 0 and at most 1, such as 0.8 for 80%"
		if pm > 1 && pm <= 100 {
			hint = fmt.Sprintf("a share, not a percentage: write %g for %g%%", pm/100, pm)
		}
		return DefaultSettings(), fmt.Errorf("%s:%d:%d: quiz.pass_mark %g: want %s", file, line, col, pm, hint)
	}
	return s, nil
}
