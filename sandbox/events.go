package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/tutor-dev/tutor/assets"
	"github.com/tutor-dev/tutor/assets/source"
)

// DecodeStrict decodes an event into its source's aws-lambda-go type,
// rejecting fields the type does not have: a sample event with a field the
// real type lacks would teach a field Lambda's Go runtime never delivers.
func DecodeStrict(s source.Source, payload []byte) error {
	t := s.EventType()
	if t == nil {
		_, err := source.Parse(string(s))
		return err
	}
	v := reflect.New(t)
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v.Interface()); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value")
	}
	return nil
}

// Event is one sample event: events/<source>/<name>.json.
type Event struct {
	Name   string        `json:"name"`
	Source source.Source `json:"source"`
}

// Events is a set of sample events read from a folder tree.
type Events struct {
	fsys   fs.FS
	prefix string
	list   []Event
	paths  map[string]string
}

// LoadEvents reads <source>/<name>.json files from fsys. Each file must be
// named after a known source ("sqs-ok.json" in "sqs/") and hold JSON that
// decodes strictly into the source's type. prefix names fsys in errors.
func LoadEvents(fsys fs.FS, prefix string) (*Events, error) {
	e := &Events{fsys: fsys, prefix: prefix, paths: map[string]string{}}
	files, err := fs.Glob(fsys, "*/*.json")
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, p := range files {
		dir, file := path.Split(p)
		srcName, name := strings.TrimSuffix(dir, "/"), strings.TrimSuffix(file, ".json")
		shown := path.Join(prefix, p)
		src := source.Source(srcName)
		switch {
		case !src.Valid():
			errs = append(errs, fmt.Errorf("%s: unknown event source folder %q (want one of %s)", shown, srcName, source.List()))
			continue
		case !strings.HasPrefix(name, srcName+"-"):
			errs = append(errs, fmt.Errorf("%s: event name %q must start with %q", shown, name, srcName+"-"))
			continue
		case e.paths[name] != "":
			errs = append(errs, fmt.Errorf("%s: event %q is also defined in %s", shown, name, e.paths[name]))
			continue
		}
		data, err := fs.ReadFile(fsys, p)
		if err == nil {
			err = DecodeStrict(src, data)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s%s: not a valid %s event: %w", shown, jsonLine(data, err), src.EventType(), err))
			continue
		}
		e.paths[name] = p
		e.list = append(e.list, Event{Name: name, Source: src})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(e.list, func(i, j int) bool {
		a, b := e.list[i], e.list[j]
		if a.Source != b.Source {
			return a.Source.Order() < b.Source.Order()
		}
		if ra, rb := eventRank(a), eventRank(b); ra != rb {
			return ra < rb
		}
		return a.Name < b.Name
	})
	return e, nil
}

var builtin = sync.OnceValues(func() (*Events, error) {
	sub, err := fs.Sub(assets.FS, "events")
	if err != nil {
		return nil, err
	}
	return LoadEvents(sub, "assets/events")
})

// BuiltinEvents returns the sample events embedded in the binary.
func BuiltinEvents() (*Events, error) { return builtin() }

// List returns every event, by source in course order; within a source
// <source>-ok, <source>-fail, then the others by name.
func (e *Events) List() []Event { return append([]Event(nil), e.list...) }

// ForSource returns the events of one source.
func (e *Events) ForSource(src source.Source) []Event {
	var out []Event
	for _, ev := range e.list {
		if ev.Source == src {
			out = append(out, ev)
		}
	}
	return out
}

// Load returns the payload of the named event.
func (e *Events) Load(name string) ([]byte, error) {
	p, ok := e.paths[name]
	if !ok {
		names := make([]string, len(e.list))
		for i, ev := range e.list {
			names[i] = ev.Name
		}
		return nil, fmt.Errorf("unknown event %q (known: %s)", name, strings.Join(names, ", "))
	}
	return fs.ReadFile(e.fsys, p)
}

// ReadEventFile reads an event from a file, or from stdin when path is "-".
// The content must be one JSON value; the error names the file.
func ReadEventFile(path string, stdin io.Reader) ([]byte, error) {
	var (
		data []byte
		err  error
	)
	name := path
	if path == "-" {
		name = "stdin"
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("event file %s: no such file", name)
		}
		return nil, fmt.Errorf("event file %s: %w", name, err)
	}
	if err := checkJSON(data); err != nil {
		return nil, fmt.Errorf("event file %s: not JSON: %w", name, err)
	}
	return data, nil
}

// jsonLine is ":N", the line of data a JSON decoding error is at, or "".
func jsonLine(data []byte, err error) string {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data)) // cut short: the end is where it breaks
	}
	if off < 0 || data == nil {
		return ""
	}
	return fmt.Sprintf(":%d", 1+bytes.Count(data[:min(int(off), len(data))], []byte("\n")))
}

// checkJSON reports where data stops being one JSON value.
func checkJSON(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("the file is empty")
	}
	if json.Valid(data) {
		return nil
	}
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Errorf("line %d: %v", line, se)
	}
	if err == nil {
		err = errors.New("invalid JSON")
	}
	return err
}

// eventRank puts a source's happy event first and its failing one second.
func eventRank(e Event) int {
	switch e.Name {
	case string(e.Source) + "-ok":
		return 0
	case string(e.Source) + "-fail":
		return 1
	}
	return 2
}
