// Package facts is the registry of AWS numbers and limits the course teaches.
//
// Every number a lesson states, a quiz grades or the simulator uses comes from
// one entry here, with the AWS documentation page it was read from and the
// date it was checked, so a wrong or stale fact has exactly one place to fix.
package facts

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/tutor-dev/tutor/assets"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
)

// Fact is one AWS number or limit and where it comes from.
type Fact struct {
	ID      string `yaml:"id" json:"id"`
	Value   string `yaml:"value" json:"value"`     // as a lesson prints it: "29 seconds"
	Text    string `yaml:"text" json:"text"`       // what the value is, in one sentence
	Source  string `yaml:"source" json:"source"`   // https://docs.aws.amazon.com/...
	Checked string `yaml:"checked" json:"checked"` // YYYY-MM-DD
	File    string `yaml:"-" json:"-"`
	Line    int    `yaml:"-" json:"-"`
}

// Registry maps fact IDs to facts.
type Registry struct {
	byID map[string]Fact
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9.\-]*$`)
var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Builtin loads the registry embedded in the binary.
func Builtin() (*Registry, error) {
	sub, err := fs.Sub(assets.FS, "facts")
	if err != nil {
		return nil, err
	}
	return Load(sub, "facts")
}

// Load reads every *.yaml file at the top of fsys. prefix is prepended to
// file names in error messages so they name the file as the user sees it.
func Load(fsys fs.FS, prefix string) (*Registry, error) {
	r := &Registry{byID: map[string]Fact{}}
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		errs = append(errs, r.add(path.Join(prefix, name), data)...)
	}
	return r, errors.Join(errs...)
}

// Merge returns a registry with the entries of extra added to r's, extra
// winning on a clash (a course folder may correct a built-in fact).
func (r *Registry) Merge(extra *Registry) *Registry {
	out := &Registry{byID: map[string]Fact{}}
	for id, f := range r.byID {
		out.byID[id] = f
	}
	if extra != nil {
		for id, f := range extra.byID {
			out.byID[id] = f
		}
	}
	return out
}

func (r *Registry) add(file string, data []byte) []error {
	f, err := yamlsafe.Parse(bytes.TrimPrefix(data, []byte("\ufeff")))
	if err != nil {
		return []error{PosError(file, 0, err)}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil // an empty file: no facts
	}
	seq, ok := f.Docs[0].Body.(*ast.SequenceNode)
	if !ok {
		p := f.Docs[0].Body.GetToken().Position
		return []error{fmt.Errorf("%s:%d:%d: a facts file is a YAML list of facts (- id: ...)", file, p.Line, p.Column)}
	}
	var errs []error
	// Each fact is decoded on its own, so that every malformed one is
	// reported, not only the first.
	for _, node := range seq.Values {
		var f Fact
		if err := yaml.NodeToValue(node, &f, yaml.DisallowUnknownField()); err != nil {
			errs = append(errs, PosError(file, 0, err))
			continue
		}
		f.File, f.Line = file, node.GetToken().Position.Line
		if m, ok := node.(*ast.MappingNode); ok && len(m.Values) > 0 {
			f.Line = m.Values[0].Key.GetToken().Position.Line
		}
		bad := func(format string, a ...any) {
			errs = append(errs, fmt.Errorf("%s:%d: fact %q: %s", file, f.Line, f.ID, fmt.Sprintf(format, a...)))
		}
		switch {
		case !idPattern.MatchString(f.ID):
			bad("id must be lowercase letters, digits, '.' and '-'")
			continue
		case f.Value == "":
			bad("missing value")
		case !strings.HasPrefix(f.Source, "https://docs.aws.amazon.com/"):
			bad("source must be an AWS documentation page (https://docs.aws.amazon.com/...)")
		case !datePattern.MatchString(f.Checked):
			bad("checked must be a date, YYYY-MM-DD")
		}
		if prev, dup := r.byID[f.ID]; dup {
			bad("duplicate id (first defined at %s:%d)", prev.File, prev.Line)
			continue
		}
		r.byID[f.ID] = f
	}
	return errs
}

// Get returns the fact with the given ID.
func (r *Registry) Get(id string) (Fact, bool) {
	f, ok := r.byID[id]
	return f, ok
}

// MustValue returns a fact's value and panics if it is missing; for package
// initialisation of simulator defaults, where a missing fact is a build bug
// that a test catches.
func (r *Registry) MustValue(id string) string {
	f, ok := r.byID[id]
	if !ok {
		panic("facts: no fact " + id)
	}
	return f.Value
}

// All returns every fact sorted by ID.
func (r *Registry) All() []Fact {
	out := make([]Fact, 0, len(r.byID))
	for _, f := range r.byID {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Len is the number of facts.
func (r *Registry) Len() int { return len(r.byID) }

// PosError formats a goccy/go-yaml error as "file:line:col: message",
// adding lineOffset to the line (for YAML embedded after other lines, such as
// a lesson's front matter).
func PosError(file string, lineOffset int, err error) error {
	var ae *yamlsafe.AliasError
	if errors.As(err, &ae) {
		return fmt.Errorf("%s:%d:%d: YAML aliases (*%s) are not allowed here: write the value out in full", file, ae.Line+lineOffset, ae.Column, ae.Name)
	}
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		return fmt.Errorf("%s:%d:%d: %s", file, p.Line+lineOffset, p.Column, ye.GetMessage())
	}
	return fmt.Errorf("%s: %w", file, err)
}

// FromList builds a registry from facts already validated, such as a cached
// copy of a course.
func FromList(list []Fact) *Registry {
	r := &Registry{byID: make(map[string]Fact, len(list))}
	for _, f := range list {
		r.byID[f.ID] = f
	}
	return r
}
