package sim

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// What goccy/go-yaml accepts but a scenario must not: a second document
// (silently ignored), a quoted string where a number or a boolean belongs
// (batch_size: "10" decodes as 10), and numbers in filters that JSON cannot
// hold (1e400 decodes as the string "1e400", which `tutor sandbox filter`
// rejects as out of range).

// oneDocument reports a second YAML document, which decoding would ignore.
func oneDocument(file string, f *ast.File) error {
	for i, doc := range f.Docs {
		if i == 0 || doc == nil || doc.Body == nil {
			continue
		}
		p := doc.Body.GetToken().Position
		if doc.Start != nil {
			p = doc.Start.Position
		}
		return fmt.Errorf("%s:%d:%d: a scenario file holds one YAML document; this second one (after ---) would be ignored: put it in its own file", file, p.Line, p.Column)
	}
	return nil
}

// checkScalars walks the document along the Go type it decodes into and
// reports the first int or bool field given a string.
func checkScalars(file string, n ast.Node, t reflect.Type, key string) error {
	if n == nil {
		return nil
	}
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
			continue
		case *ast.TagNode:
			n = v.Value
			continue
		}
		break
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeFor[Duration]() {
		return nil // checkDurations
	}
	switch t.Kind() {
	case reflect.Struct:
		fields := yamlFields(t)
		var values []*ast.MappingValueNode
		switch m := n.(type) {
		case *ast.MappingNode:
			values = m.Values
		case *ast.MappingValueNode:
			values = []*ast.MappingValueNode{m}
		}
		for _, mv := range values {
			k := mv.Key.GetToken().Value
			if ft, ok := fields[k]; ok {
				if err := checkScalars(file, mv.Value, ft, k); err != nil {
					return err
				}
			}
		}
	case reflect.Slice:
		if seq, ok := n.(*ast.SequenceNode); ok {
			for _, e := range seq.Values {
				if err := checkScalars(file, e, t.Elem(), key); err != nil {
					return err
				}
			}
		}
	case reflect.Map:
		if t.Elem().Kind() == reflect.Interface {
			return nil
		}
		if m, ok := n.(*ast.MappingNode); ok {
			for _, mv := range m.Values {
				if err := checkScalars(file, mv.Value, t.Elem(), mv.Key.GetToken().Value); err != nil {
					return err
				}
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if _, ok := n.(*ast.IntegerNode); !ok && n.Type() != ast.NullType {
			return scalarError(file, n, key, "a whole number")
		}
	case reflect.Bool:
		if _, ok := n.(*ast.BoolNode); !ok && n.Type() != ast.NullType {
			return scalarError(file, n, key, "true or false")
		}
	}
	return nil
}

func scalarError(file string, n ast.Node, key, want string) error {
	tk := n.GetToken()
	got := fmt.Sprintf("%q", tk.Value)
	if isQuoted(tk) {
		got += " (a quoted string: drop the quotes)"
	}
	return fmt.Errorf("%s:%d:%d: %s: want %s, got %s", file, tk.Position.Line, tk.Position.Column, key, want, got)
}

func isQuoted(tk *token.Token) bool {
	return tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType
}

// yamlFields maps a struct's YAML keys to their field types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		out[name] = f.Type
	}
	return out
}

// number is a number in a filter, kept as written so that the filter
// engine judges it as it judges the same number in a JSON file.
type number string

// MarshalJSON writes the number as written.
func (n number) MarshalJSON() ([]byte, error) { return []byte(n), nil }

// MarshalYAML writes the number as written.
func (n number) MarshalYAML() ([]byte, error) { return []byte(n), nil }

// literalFilters replaces the decoded filters and filter policies with
// values built from the YAML nodes, numbers kept as written.
func literalFilters(sc *Scenario, f *ast.File) error {
	body := f.Docs[0].Body
	for i := range sc.Mapping.Filters {
		n, err := nodeAt(body, fmt.Sprintf("$.mapping.filters[%d]", i))
		if err != nil || n == nil {
			continue
		}
		v, err := nodeValue(n)
		if err != nil {
			return fmt.Errorf("mapping.filters[%d]: %w", i, err)
		}
		sc.Mapping.Filters[i] = v
	}
	if sc.Rule.EventPattern != nil {
		if n, err := nodeAt(body, "$.rule.event_pattern"); err == nil && n != nil {
			v, err := nodeValue(n)
			if err != nil {
				return fmt.Errorf("rule.event_pattern: %w", err)
			}
			sc.Rule.EventPattern = v
		}
	}
	for i := range sc.Subscriptions {
		if sc.Subscriptions[i].FilterPolicy == nil {
			continue
		}
		n, err := nodeAt(body, fmt.Sprintf("$.subscriptions[%d].filter_policy", i))
		if err != nil || n == nil {
			continue
		}
		v, err := nodeValue(n)
		if err != nil {
			return fmt.Errorf("subscriptions[%d].filter_policy: %w", i, err)
		}
		sc.Subscriptions[i].FilterPolicy = v
	}
	return nil
}

// nodeValue is the value of a YAML node as JSON would see it: plain
// scalars that read as JSON numbers stay numbers exactly as written.
func nodeValue(n ast.Node) (any, error) {
	switch v := n.(type) {
	case *ast.AnchorNode:
		return nodeValue(v.Value)
	case *ast.TagNode:
		return nodeValue(v.Value)
	case *ast.MappingNode:
		out := make(map[string]any, len(v.Values))
		for _, mv := range v.Values {
			e, err := nodeValue(mv.Value)
			if err != nil {
				return nil, err
			}
			out[fmt.Sprint(mv.Key.GetToken().Value)] = e
		}
		return out, nil
	case *ast.MappingValueNode:
		e, err := nodeValue(v.Value)
		if err != nil {
			return nil, err
		}
		return map[string]any{v.Key.GetToken().Value: e}, nil
	case *ast.SequenceNode:
		out := make([]any, len(v.Values))
		for i, x := range v.Values {
			e, err := nodeValue(x)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	}
	sv, ok := n.(ast.ScalarNode)
	if !ok {
		return nil, fmt.Errorf("unexpected YAML %s", n.Type())
	}
	tk := n.GetToken()
	switch n.(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.StringNode:
		if !isQuoted(tk) && isJSONNumber(tk.Value) {
			return number(tk.Value), nil
		}
	}
	return sv.GetValue(), nil
}

// isJSONNumber reports whether s is a number in JSON's grammar.
func isJSONNumber(s string) bool {
	if s == "" || (s[0] != '-' && (s[0] < '0' || s[0] > '9')) {
		return false
	}
	var n json.Number
	return json.Unmarshal([]byte(s), &n) == nil
}

// nodeAt is the node at a YAML path such as $.mapping.filters[0].
func nodeAt(body ast.Node, path string) (ast.Node, error) {
	p, err := yaml.PathString(path)
	if err != nil {
		return nil, err
	}
	return p.FilterNode(body)
}
