package experiment

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// pick returns the knobs named, in the order named; a name the panel does
// not have is left out (Check reports it).
func pick(all []knob, names []string) []knob {
	var out []knob
	for _, name := range names {
		for _, k := range all {
			if k.name == name {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// KnobNames are the settings the panel can offer for a source.
func KnobNames(src string) []string {
	sc := sim.Default(source.Source(src))
	sc.Behaviour = &sim.Behaviour{Rules: []sim.Rule{{}}}
	var out []string
	for _, k := range knobsFor(src, &sc) {
		out = append(out, k.name)
	}
	return out
}

// Check reports, with file and line, the knobs an experiment names that its
// panel does not have, and those its preset cannot use (the handler knobs
// change the first behaviour rule, which needs a scripted handler).
func Check(e *course.Experiment) error {
	sc := e.Preset()
	have := pick(knobsFor(string(sc.Source), &sc), e.Knobs)
	known := KnobNames(string(sc.Source))
	var errs []error
	for i, name := range e.Knobs {
		line := 1
		if i < len(e.KnobLines) {
			line = e.KnobLines[i]
		}
		switch {
		case slices.ContainsFunc(have, func(k knob) bool { return k.name == name }):
		case slices.Contains(known, name):
			errs = append(errs, fmt.Errorf("%s:%d: knob %q changes the scenario's first behaviour rule, and the scenario has none: add behaviour.rules",
				e.File, line, name))
		default:
			errs = append(errs, fmt.Errorf("%s:%d: knob %q: the %s panel has no such setting (it has: %s)",
				e.File, line, name, sc.Source, strings.Join(known, ", ")))
		}
	}
	return errors.Join(errs...)
}
