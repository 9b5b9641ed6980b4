package course

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// Experiment is experiments/<name>.yaml: the experiment panel of the lessons
// on one event source (or of one lesson): the question it asks before the
// first run, the knobs it offers, by name, and the preset scenario, written
// in the format of `tutor sandbox simulate`.
type Experiment struct {
	File   string
	Lesson string // only for this lesson; "" for every lesson whose first source is Source
	// LessonLine is the line of Lesson in File, for errors.
	LessonLine int
	Source     source.Source // the scenario's source
	Question   string
	Knobs      []string
	// KnobLines are the lines of Knobs in File, for errors.
	KnobLines []int
	// Scenario is the preset as sim.Load reads it: File's text with every
	// line outside the scenario blanked, so that positions in errors are
	// positions in File.
	Scenario []byte
}

// Preset returns a fresh copy of the preset scenario, which the caller may
// change (knobs edit it in place). The scenario was checked at load.
func (e *Experiment) Preset() sim.Scenario {
	sc, err := sim.Load(e.File, e.Scenario)
	if err != nil {
		return sim.Default(e.Source)
	}
	return *sc
}

// Experiment returns the experiment panel of a lesson: the one naming the
// lesson, else the one for the lesson's first source; nil if there is none.
func (c *Course) Experiment(lessonID string) *Experiment {
	for _, e := range c.Experiments {
		if e.Lesson == lessonID {
			return e
		}
	}
	l, ok := c.Lessons.Get(lessonID)
	if !ok || len(l.Sources) == 0 {
		return nil
	}
	return c.ExperimentFor(l.Sources[0])
}

// ExperimentFor returns the experiment of a source, or nil.
func (c *Course) ExperimentFor(src source.Source) *Experiment {
	for _, e := range c.Experiments {
		if e.Lesson == "" && e.Source == src {
			return e
		}
	}
	return nil
}

func init() { checks = append(checks, checkExperimentLessons) }

// checkExperimentLessons reports experiments for a lesson that does not exist.
func checkExperimentLessons(c *Course) error {
	if c.Lessons == nil {
		return nil
	}
	var errs []error
	for _, e := range c.Experiments {
		if _, ok := c.Lessons.Get(e.Lesson); e.Lesson != "" && !ok {
			errs = append(errs, fmt.Errorf("%s:%d: lesson %q does not exist (lessons: %s)", e.File, e.LessonLine, e.Lesson, strings.Join(c.Lessons.IDs(), ", ")))
		}
	}
	return errors.Join(errs...)
}

// loadExperiments reads experiments/*.yaml from fsys.
func loadExperiments(fsys fs.FS, dir string) ([]*Experiment, error) {
	names, _ := fs.Glob(fsys, "experiments/*.yaml")
	var out []*Experiment
	var errs []error
	seen := map[string]string{}
	for _, name := range names {
		file := path.Join(dir, name)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		e, eerrs := parseExperiment(file, data)
		errs = append(errs, eerrs...)
		if e == nil {
			continue
		}
		k := string(e.Source) + "\x00" + e.Lesson
		if prev, dup := seen[k]; dup {
			errs = append(errs, fmt.Errorf("%s:1: an experiment for %s is also in %s: one per source (or per lesson)", file, e.Source, prev))
			continue
		}
		seen[k] = file
		out = append(out, e)
	}
	return out, errors.Join(errs...)
}

// parseExperiment reads one experiment; it is nil when it has errors.
func parseExperiment(file string, data []byte) (*Experiment, []error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	top, errs := topMapping(file, data)
	if top == nil {
		return nil, errs
	}
	e := &Experiment{File: file}
	bad := func(n ast.Node, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s:%s", file, posErr(n, format, a...)))
	}
	var scenario *ast.MappingValueNode
	for _, mv := range top.Values {
		switch key := mv.Key.GetToken().Value; key {
		case "lesson":
			e.Lesson = scalar(mv.Value)
			e.LessonLine = mv.Key.GetToken().Position.Line
		case "question":
			e.Question = strings.TrimSpace(scalar(mv.Value))
		case "knobs":
			seq, ok := mv.Value.(*ast.SequenceNode)
			if !ok {
				bad(mv.Value, "knobs: want a list of setting names")
				continue
			}
			for _, k := range seq.Values {
				name := scalar(k)
				if name == "" {
					bad(k, "knobs: want a setting name")
					continue
				}
				e.Knobs = append(e.Knobs, name)
				e.KnobLines = append(e.KnobLines, k.GetToken().Position.Line)
			}
		case "scenario":
			scenario = mv
		default:
			bad(mv.Key, "unknown field %q (an experiment has lesson, question, knobs and scenario)", key)
		}
	}
	if e.Question == "" {
		bad(top, "missing question: what the panel asks the learner to predict")
	}
	if scenario == nil {
		bad(top, "missing scenario: the preset, in the format of 'tutor sandbox simulate'")
		return nil, errs
	}
	m, ok := scenario.Value.(*ast.MappingNode)
	if !ok || len(m.Values) == 0 {
		bad(scenario.Value, "scenario: want the scenario's fields (source: ..., records: ...) indented under it")
		return nil, errs
	}
	pos := m.Values[0].Key.GetToken().Position // a block mapping starts at its first key
	if m.IsFlowStyle {
		pos = m.Start.Position // a flow mapping at its '{'
	}
	e.Scenario = yamlsafe.Region(data, pos.Line, pos.Column, endLine(top, scenario))
	sc, err := sim.Load(file, e.Scenario)
	if err != nil {
		if msg, whole := strings.CutPrefix(err.Error(), file+": "); whole {
			// A problem with the scenario as a whole: name where it starts.
			err = fmt.Errorf("%s:%d: scenario: %s", file, scenario.Key.GetToken().Position.Line, msg)
		}
		errs = append(errs, err)
		return nil, errs
	}
	e.Source = sc.Source
	if len(errs) > 0 {
		return nil, errs
	}
	return e, nil
}

// endLine is the last line of the scenario field: the line before the next
// top-level field, or the end of the file.
func endLine(top *ast.MappingNode, field *ast.MappingValueNode) int {
	for i, mv := range top.Values {
		if mv == field && i+1 < len(top.Values) {
			return top.Values[i+1].Key.GetToken().Position.Line - 1
		}
	}
	return 1 << 30
}
