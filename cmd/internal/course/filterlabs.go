package course

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

// FilterLabSources are the sources a filter lab can be about: those whose
// events can be filtered before the function (source.Filtered).
var FilterLabSources = source.Filtered()

// FilterLab is filterlabs/<name>.yaml: the filter lab of the lessons on one
// source, a starting policy and the samples it is tried on.
type FilterLab struct {
	File    string
	Source  source.Source
	Hint    string
	Policy  []byte // JSON, keys in the order written
	Samples []FilterSample
}

// FilterSample is one SNS message or one event-source-mapping record. The
// JSON values keep the order written.
type FilterSample struct {
	Name       string
	Note       string          // what the sample teaches
	Attributes json.RawMessage // sns: MessageAttributes as a notification carries them
	Message    json.RawMessage // sns: the message, a JSON value or a plain-text string
	Record     json.RawMessage // sqs, kinesis, dynamodb: the record as Lambda receives it; eventbridge: the event
	Line       int             // where the sample starts in File
}

// FilterLab returns the filter lab for source, or nil.
func (c *Course) FilterLab(src source.Source) *FilterLab {
	for _, l := range c.FilterLabs {
		if l.Source == src {
			return l
		}
	}
	return nil
}

// loadFilterLabs reads filterlabs/*.yaml from fsys; each file's errors are
// all reported, each with its line.
func loadFilterLabs(fsys fs.FS, dir string) ([]*FilterLab, error) {
	names, _ := fs.Glob(fsys, "filterlabs/*.yaml")
	var out []*FilterLab
	var errs []error
	seen := map[source.Source]string{}
	for _, name := range names {
		file := path.Join(dir, name)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		lab, lerrs := parseFilterLab(file, data)
		errs = append(errs, lerrs...)
		if lab == nil {
			continue
		}
		if prev, dup := seen[lab.Source]; dup {
			errs = append(errs, fmt.Errorf("%s:1: a filter lab for %s is also in %s: one per source", file, lab.Source, prev))
			continue
		}
		seen[lab.Source] = file
		out = append(out, lab)
	}
	return out, errors.Join(errs...)
}

// parseFilterLab reads one filter lab; the lab is nil when it has errors.
func parseFilterLab(file string, data []byte) (*FilterLab, []error) {
	top, errs := topMapping(file, data)
	if top == nil {
		return nil, errs
	}
	lab := &FilterLab{File: file}
	bad := func(n ast.Node, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s:%s", file, posErr(n, format, a...)))
	}
	var policy, samples ast.Node
	for _, mv := range top.Values {
		switch key := mv.Key.GetToken().Value; key {
		case "source":
			lab.Source = source.Source(scalar(mv.Value))
			if !slices.Contains(FilterLabSources, lab.Source) {
				bad(mv.Value, "source: %q has no filter lab (want one of %s)", lab.Source, strings.Join(source.Strings(FilterLabSources), ", "))
			}
		case "hint":
			lab.Hint = strings.TrimSpace(scalar(mv.Value))
		case "policy":
			policy = mv.Value
		case "samples":
			samples = mv.Value
		default:
			bad(mv.Key, "unknown field %q (a filter lab has source, hint, policy and samples)", key)
		}
	}
	if lab.Source == "" {
		bad(top, "missing source: the event source the lab is about (%s)", strings.Join(source.Strings(FilterLabSources), ", "))
	}
	if policy == nil {
		bad(top, "missing policy: the filter policy or pattern the lab starts with")
	} else if p, err := nodeJSON(policy); err != nil {
		errs = append(errs, fmt.Errorf("%s:%v", file, err))
	} else {
		lab.Policy = p
		if err := compilePolicy(lab.Source, p); err != nil {
			bad(policy, "policy: %v", err)
		}
	}
	seq, ok := samples.(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		n := ast.Node(top)
		if samples != nil {
			n = samples
		}
		bad(n, "samples: want a list of samples (- name: ...), at least one")
	} else {
		for _, sn := range seq.Values {
			s, serrs := parseSample(file, lab.Source, sn)
			errs = append(errs, serrs...)
			lab.Samples = append(lab.Samples, s)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return lab, nil
}

func parseSample(file string, src source.Source, n ast.Node) (FilterSample, []error) {
	s := FilterSample{Line: n.GetToken().Position.Line}
	var errs []error
	bad := func(n ast.Node, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s:%s", file, posErr(n, format, a...)))
	}
	m, ok := n.(*ast.MappingNode)
	if !ok {
		if mv, single := n.(*ast.MappingValueNode); single {
			m = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
		} else {
			bad(n, "a sample is a mapping with name, note and its message or record")
			return s, errs
		}
	}
	if len(m.Values) > 0 {
		s.Line = m.Values[0].Key.GetToken().Position.Line
	}
	value := func(v ast.Node) json.RawMessage {
		j, err := nodeJSON(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%v", file, err))
		}
		return j
	}
	for _, mv := range m.Values {
		switch key := mv.Key.GetToken().Value; key {
		case "name":
			s.Name = scalar(mv.Value)
		case "note":
			s.Note = strings.TrimSpace(scalar(mv.Value))
		case "attributes":
			s.Attributes = value(mv.Value)
		case "message":
			s.Message = value(mv.Value)
		case "record":
			s.Record = value(mv.Value)
		default:
			bad(mv.Key, "unknown field %q (a sample has name, note, and attributes and message (sns) or record)", key)
		}
	}
	if s.Name == "" {
		bad(n, "sample without a name")
	}
	policy := src.Filter() == source.SubscriptionPolicy
	if policy && s.Record != nil {
		bad(n, "sample %q: an %s sample has attributes and a message, not a record", s.Name, src.Short())
	}
	if !policy && src != "" && s.Record == nil {
		bad(n, "sample %q: missing record: the %s record as Lambda receives it", s.Name, src)
	}
	return s, errs
}

// compilePolicy checks a lab's starting policy as the lab compiles it.
func compilePolicy(src source.Source, policy []byte) error {
	var err error
	if src.Filter() == source.SubscriptionPolicy {
		_, err = filter.CompileSNS(policy, filter.ScopeAttributes)
	} else {
		_, err = filter.CompilePattern(policy)
	}
	return err
}

// topMapping parses a content file refusing YAML aliases and returns its
// top-level mapping.
func topMapping(file string, data []byte) (*ast.MappingNode, []error) {
	f, err := yamlsafe.Parse(bytes.TrimPrefix(data, []byte("\ufeff")))
	if err != nil {
		return nil, []error{facts.PosError(file, 0, err)}
	}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		return nil, []error{fmt.Errorf("%s:1:1: want one YAML document, a mapping of fields", file)}
	}
	switch b := f.Docs[0].Body.(type) {
	case *ast.MappingNode:
		return b, nil
	case *ast.MappingValueNode:
		return &ast.MappingNode{BaseNode: &ast.BaseNode{}, Start: b.GetToken(), Values: []*ast.MappingValueNode{b}}, nil
	}
	return nil, []error{fmt.Errorf("%s:%s", file, posErr(f.Docs[0].Body, "want a mapping of fields (name: value)"))}
}

// scalar is a scalar node's value as text ("" for anything else).
func scalar(n ast.Node) string {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value
	case *ast.LiteralNode:
		return v.Value.Value
	case ast.ScalarNode:
		return fmt.Sprint(v.GetValue())
	}
	return ""
}
