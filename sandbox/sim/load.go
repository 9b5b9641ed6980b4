package sim

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
)

// LoadFile reads and checks a scenario file.
func LoadFile(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("scenario %s: no such file (tutor sandbox examples lists the shipped ones; run one with --example NAME)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", path, err)
	}
	return Load(path, data)
}

// Load parses a scenario, fills every field it does not set with its
// default, and checks it. Errors read "file:line:col: field: problem".
func Load(file string, data []byte) (*Scenario, error) {
	f, err := yamlsafe.Parse(data) // refuses aliases: a 600-byte alias bomb decodes to gigabytes
	if err != nil {
		var ae *yamlsafe.AliasError
		if errors.As(err, &ae) {
			return nil, fmt.Errorf("%s:%w", file, err)
		}
		return nil, facts.PosError(file, 0, err)
	}
	if err := oneDocument(file, f); err != nil {
		return nil, err
	}
	var head struct {
		Source source.Source `yaml:"source"`
	}
	if err := yaml.Unmarshal(data, &head); err != nil {
		return nil, facts.PosError(file, 0, err)
	}
	if head.Source == "" {
		return nil, fmt.Errorf("%s: missing source (one of %s)", file, modelledList())
	}
	if err := checkDurations(file, f); err != nil {
		return nil, err
	}
	if err := checkScalars(file, f.Docs[0].Body, reflect.TypeFor[Scenario](), ""); err != nil {
		return nil, err
	}
	sc := Default(head.Source)
	if err := yaml.UnmarshalWithOptions(data, &sc, yaml.DisallowUnknownField()); err != nil {
		return nil, decodeError(file, err)
	}
	if err := literalFilters(&sc, f); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if errs := sc.validate(); len(errs) > 0 {
		return nil, locate(file, f, errs[0])
	}
	return &sc, nil
}

// decodeError names the key whose value could not be decoded, which
// goccy/go-yaml's type errors leave out ("cannot unmarshal string into Go
// struct field Scenario.Mapping of type int").
func decodeError(file string, err error) error {
	var ye yaml.Error
	if !errors.As(err, &ye) || ye.GetToken() == nil {
		return facts.PosError(file, 0, err)
	}
	tk := ye.GetToken()
	msg := ye.GetMessage()
	if strings.HasPrefix(msg, "cannot unmarshal") {
		if i := strings.LastIndex(msg, " of type "); i >= 0 {
			msg = fmt.Sprintf("want a value of type %s, got %q", msg[i+len(" of type "):], tk.Value)
		}
		if p := tk.Prev; p != nil && p.Type == token.MappingValueType && p.Prev != nil {
			msg = p.Prev.Value + ": " + msg
		}
	}
	return fmt.Errorf("%s:%d:%d: %s", file, tk.Position.Line, tk.Position.Column, msg)
}

// durationKeys are the fields holding a Duration.
var durationKeys = map[string]bool{
	"timeout": true, "maximum_event_age": true, "visibility_timeout": true, "retention": true,
	"maximum_batching_window": true, "maximum_record_age": true, "integration_timeout": true,
	"duration": true, "at": true, "every": true,
}

// checkDurations reports a malformed duration with its position, which
// goccy/go-yaml loses for errors from custom unmarshalers.
func checkDurations(file string, f *ast.File) error {
	var found error
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		ast.Walk(visitFunc(func(n ast.Node) bool {
			if found != nil {
				return false
			}
			mv, ok := n.(*ast.MappingValueNode)
			if !ok || mv.Key == nil || !durationKeys[mv.Key.GetToken().Value] {
				return true
			}
			sv, ok := mv.Value.(ast.ScalarNode)
			if !ok {
				p := mv.Value.GetToken().Position
				found = fmt.Errorf("%s:%d:%d: %s: must be a duration such as 30s", file, p.Line, p.Column, mv.Key.GetToken().Value)
				return false
			}
			key := mv.Key.GetToken().Value
			d, err := parseDuration(fmt.Sprint(sv.GetValue()))
			if err == nil && d == 0 && key == "duration" {
				err = fmt.Errorf("0s is not a time an invocation can take: give at least 1ms, or leave the field out for the default (a rule takes behaviour.duration, which is %s unless set)", fmtDur(defInvocationTime.Milliseconds()))
			}
			if err != nil {
				p := mv.Value.GetToken().Position
				found = fmt.Errorf("%s:%d:%d: %s: %v", file, p.Line, p.Column, key, err)
			}
			return true
		}), doc.Body)
	}
	return found
}

type visitFunc func(ast.Node) bool

func (v visitFunc) Visit(n ast.Node) ast.Visitor {
	if n == nil || !v(n) {
		return nil
	}
	return v
}

// locate finds the line of the field an error names; when the field is
// absent (a default that another setting makes invalid) it names the
// nearest parent that is present.
func locate(file string, f *ast.File, e fieldError) error {
	path := e.path
	if e.alt != "" {
		if p, err := yaml.PathString(e.path); err == nil {
			if n, err := p.FilterFile(f); err != nil || n == nil {
				path = e.alt
			}
		}
	}
	for path != "$" && path != "" {
		p, err := yaml.PathString(path)
		if err == nil {
			if n, err := p.FilterFile(f); err == nil && n != nil {
				pos := n.GetToken().Position
				return fmt.Errorf("%s:%d:%d: %s", file, pos.Line, pos.Column, e)
			}
		}
		i := strings.LastIndexAny(path, ".[")
		if i <= 0 {
			break
		}
		path = path[:i]
	}
	return fmt.Errorf("%s: %s", file, e)
}
