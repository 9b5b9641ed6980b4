package experiment

import (
	"errors"
	"fmt"
	"strings"

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
func KnobNames(source string) []string {
	sc := sim.Default(source)
	var out []string
	for _, k := range knobsFor(source, &sc) {
		out = append(out, k.name)
	}
	return out
}

// Check reports, with file and line, the knobs an experiment names that its
// panel does not have, and those that cannot work with its preset (the
// handler knobs change the first behaviour rule, which needs a scripted
// handler with at least one rule).
func Check(e *course.Experiment) error {
	sc := e.Preset()
	all := knobsFor(sc.Source, &sc)
	var errs []error
	for i, name := range e.Knobs {
		line := 1
		if i < len(e.KnobLines) {
			line = e.KnobLines[i]
		}
		ks := pick(all, []string{name})
		if len(ks) == 0 {
			errs = append(errs, fmt.Errorf("%s:%d: knob %q: the %s panel has no such setting (it has: %s)",
				e.File, line, name, sc.Source, strings.Join(KnobNames(sc.Source), ", ")))
			continue
		}
		if err := tryKnob(&sc, ks[0]); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: knob %q: %v", e.File, line, name, err))
		}
	}
	return errors.Join(errs...)
}

// tryKnob applies every value of k to sc (a copy of the preset: what the
// values set does not matter here, only that they can be set).
func tryKnob(sc *sim.Scenario, k knob) (err error) {
	defer func() {
		if recover() != nil {
			err = errors.New("it changes the scenario's first behaviour rule, and the scenario has none: add behaviour.rules")
		}
	}()
	for _, o := range k.opts {
		o.apply(sc)
	}
	return nil
}
