package course

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/handlers"
)

func init() { checks = append(checks, checkLabs) }

// loadEvents loads the course's sample events (events/<source>/<name>.json).
func (c *Course) loadEvents(files fs.FS) error {
	if _, err := fs.Stat(files, "events"); err != nil {
		return nil
	}
	ev, err := sandbox.LoadEvents(sub(files, "events"), path.Join(c.Dir, "events"))
	if ev != nil {
		c.Events = append(c.Events, ev)
	}
	return err
}

// Event returns the payload of a sample event by name.
func (c *Course) Event(name string) ([]byte, error) {
	for _, set := range c.Events {
		for _, e := range set.List() {
			if e.Name == name {
				return set.Load(name)
			}
		}
	}
	return nil, fmt.Errorf("unknown event %q", name)
}

// eventSource returns the source of a named event, if it exists.
func (c *Course) eventSource(name string) (string, bool) {
	for _, set := range c.Events {
		for _, e := range set.List() {
			if e.Name == name {
				return string(e.Source), true
			}
		}
	}
	return "", false
}

// checkLabs reports labs that name an unknown handler or event, or an event
// of another source than the handler's.
func checkLabs(c *Course) error {
	if c.Lessons == nil {
		return nil
	}
	var errs []error
	for _, l := range c.Lessons.Lessons {
		for i, lab := range l.Labs {
			h, ok := handlers.Get(lab.Handler)
			if !ok {
				errs = append(errs, fmt.Errorf("%s:%d: labs[%d]: unknown handler %q (known: %v)", l.File, lab.Line, i, lab.Handler, handlers.Names()))
				continue
			}
			if len(lab.Events) == 0 {
				errs = append(errs, fmt.Errorf("%s:%d: labs[%d]: handler %s has no events to run on", l.File, lab.Line, i, lab.Handler))
			}
			for _, name := range lab.Events {
				src, ok := c.eventSource(name)
				switch {
				case !ok:
					errs = append(errs, fmt.Errorf("%s:%d: labs[%d]: unknown event %q (see 'tutor sandbox list')", l.File, lab.Line, i, name))
				case src != string(h.Source):
					errs = append(errs, fmt.Errorf("%s:%d: labs[%d]: event %q is a %s event, but %s handles %s events", l.File, lab.Line, i, name, src, h.Name, h.Source))
				}
			}
			if !slices.Contains(l.Sources, h.Source) && len(l.Sources) > 0 {
				errs = append(errs, fmt.Errorf("%s:%d: labs[%d]: handler %s is for %s, which the lesson's sources do not list", l.File, lab.Line, i, h.Name, h.Source))
			}
		}
	}
	return errors.Join(errs...)
}

// Lab is one runnable pairing of a handler and an event for a lesson.
type Lab struct {
	Handler handlers.Handler
	Event   string
	Payload []byte
}

// Labs returns every handler-and-event run a lesson offers.
func (c *Course) Labs(lessonID string) []Lab {
	l, ok := c.Lessons.Get(lessonID)
	if !ok {
		return nil
	}
	var out []Lab
	for _, lab := range l.Labs {
		h, ok := handlers.Get(lab.Handler)
		if !ok {
			continue
		}
		for _, name := range lab.Events {
			if p, err := c.Event(name); err == nil {
				out = append(out, Lab{Handler: h, Event: name, Payload: p})
			}
		}
	}
	return out
}
