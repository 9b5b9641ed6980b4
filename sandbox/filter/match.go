package filter

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Result says whether an input matched and, if not, why: the first key (in
// policy order) whose condition failed, what it wanted and what it got.
type Result struct {
	Match   bool   `json:"match"`
	Key     string `json:"key,omitempty"`     // dotted key that failed
	Want    string `json:"want,omitempty"`    // e.g. `one of ["rugby", "tennis"]`, `numeric >= 100`
	Got     string `json:"got,omitempty"`     // the input's value(s) there, "" when missing
	Missing bool   `json:"missing,omitempty"` // the key is absent from the input
	InOr    bool   `json:"in_or,omitempty"`   // no $or branch matched; Key is from the first branch
	Reason  string `json:"reason"`            // one line for people; "" on a match
}

// noAttributes explains why a message without attributes never matches.
const noAttributes = "the message has no attributes, and an attribute filter policy matches no such message (not even \"exists\": false)"

// input is what a policy is matched against: SNS attributes (typed or
// decoded JSON) or a decoded JSON object.
type input struct {
	attrs map[string]Attribute
	raw   map[string]any // attributes decoded generically
	list  []attrEntry    // attributes read by scanAttributes
	obj   map[string]any // body, event or record
	body  bool           // obj is set (it may be a nil map)
}

// Match decodes input and matches it. For the attributes scope input is the
// attributes object; for the body scope the message (any text: one that is
// not a JSON object never matches); for a pattern the event or record.
// The error is only for input that cannot be what the policy takes.
func (p *Policy) Match(data []byte) (Result, error) {
	switch {
	case p.kind == KindSNS && p.scope == ScopeAttributes:
		var buf [maxFastAttrs]attrEntry
		if list, ok := scanAttributes(string(data), buf[:0]); ok {
			return p.eval(&input{list: list}), nil
		}
		var attrs map[string]Attribute
		if err := json.Unmarshal(data, &attrs); err != nil {
			return Result{}, fmt.Errorf("message attributes: %w", err)
		}
		return p.MatchAttributes(attrs), nil
	case p.kind == KindSNS:
		var v any
		if json.Unmarshal(data, &v) != nil {
			v = string(data) // a raw string message
		}
		return p.MatchValue(v), nil
	default:
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return Result{}, fmt.Errorf("event is not valid JSON: %w", err)
		}
		return p.MatchValue(v), nil
	}
}

// MatchAttributes matches SNS message attributes without any decoding: the
// hot path for many messages against one policy.
func (p *Policy) MatchAttributes(attrs map[string]Attribute) Result {
	switch {
	case p.kind == KindPattern:
		return Result{Reason: "an event pattern matches events, not SNS message attributes"}
	case p.scope != ScopeAttributes:
		return Result{Reason: "this policy filters on the message body, not its attributes"}
	}
	return p.eval(&input{attrs: attrs})
}

// MatchValue matches an already decoded JSON value (as encoding/json
// decodes into any). For the attributes scope v may also be a
// map[string]Attribute.
func (p *Policy) MatchValue(v any) Result {
	if p.kind == KindSNS && p.scope == ScopeAttributes {
		switch a := v.(type) {
		case map[string]Attribute:
			return p.eval(&input{attrs: a})
		case map[string]any:
			return p.eval(&input{raw: a})
		case nil:
			return p.eval(&input{})
		}
		return Result{Reason: "message attributes must be a JSON object of {\"Type\", \"Value\"} pairs"}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		if p.kind == KindSNS {
			return Result{Reason: "the message is not a JSON object, so no MessageBody filter policy matches it"}
		}
		return Result{Reason: "the event is not a JSON object, so no pattern matches it"}
	}
	return p.eval(&input{obj: obj, body: true})
}

func (p *Policy) eval(in *input) Result {
	if p.kind == KindSNS && p.scope == ScopeAttributes && len(p.root.items) > 0 && len(in.attrs)+len(in.raw)+len(in.list) == 0 {
		// SNS: "exists": false only matches if at least one attribute is
		// present; an empty set of attributes matches no policy
		// (sns/latest/dg/attribute-key-matching.html).
		return Result{Missing: true, Reason: noAttributes}
	}
	f, inOr := p.evalNode(p.root, in)
	if f == nil {
		return Result{Match: true}
	}
	return p.explain(f, inOr, in)
}

// evalNode returns nil if every item holds, else the first failing field.
func (p *Policy) evalNode(n *node, in *input) (fail *field, inOr bool) {
	for _, it := range n.items {
		if it.f != nil {
			if !p.evalField(it.f, in) {
				return it.f, false
			}
			continue
		}
		var first *field
		ok := false
		for _, b := range it.or {
			f, _ := p.evalNode(b, in)
			if f == nil {
				ok = true
				break
			}
			if first == nil {
				first = f
			}
		}
		if !ok {
			return first, true
		}
	}
	return nil, false
}

// evalField reports whether any of the field's matchers holds.
func (p *Policy) evalField(f *field, in *input) bool {
	var present bool
	if !in.body {
		a, ok := in.attr(f.path)
		if ok && a.eachLeaf(f) {
			return true
		}
		present = ok
	} else {
		var st walkState
		if f.walk(in.obj, 0, &st) {
			return true
		}
		present = st.present
	}
	for i := range f.ms {
		if f.ms[i].op == opExists && f.ms[i].b == present {
			return true
		}
	}
	return false
}

func (in *input) attr(name string) (Attribute, bool) {
	if in.attrs != nil {
		a, ok := in.attrs[name]
		return a, ok
	}
	if in.list != nil {
		for i := len(in.list) - 1; i >= 0; i-- { // the last duplicate wins, as in encoding/json
			if in.list[i].name == name {
				return in.list[i].a, true
			}
		}
		return Attribute{}, false
	}
	m, ok := in.raw[name].(map[string]any)
	if !ok {
		_, present := in.raw[name]
		return Attribute{}, present
	}
	var a Attribute
	a.Type, _ = m["Type"].(string)
	if a.Type == "" {
		a.Type, _ = m["DataType"].(string)
	}
	v, ok := m["Value"]
	if !ok {
		v = m["StringValue"]
	}
	switch x := v.(type) {
	case string:
		a.Value = x
	case float64:
		a.Value = strconv.FormatFloat(x, 'g', -1, 64)
	case json.Number:
		a.Value = string(x)
	}
	return a, true
}

// matchLeaf reports whether any non-exists matcher accepts the value.
func (f *field) matchLeaf(l leaf) bool {
	for i := range f.ms {
		if f.ms[i].op != opExists && f.ms[i].match(l) {
			return true
		}
	}
	return false
}

type walkState struct {
	present bool // a leaf value was found at the path
}

// walk visits the values at f.path[i:] under v, joining keys with "." so
// {"a":{"b":1}} and {"a.b":1} both reach "a.b". Arrays are entered
// transparently. It stops at the first value a matcher accepts.
func (f *field) walk(v any, i int, st *walkState) bool {
	switch x := v.(type) {
	case map[string]any:
		rest := f.path[i:]
		for j := 0; j <= len(rest); j++ {
			if j < len(rest) && rest[j] != '.' {
				continue
			}
			child, ok := x[rest[:j]]
			if !ok {
				continue
			}
			if j == len(rest) {
				if f.leaves(child, st) {
					return true
				}
			} else if f.walk(child, i+j+1, st) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if f.walk(e, i, st) {
				return true
			}
		}
	}
	return false
}

// leaves matches the value found at the end of the path: a scalar, or the
// scalars of an array (nested arrays flattened). Objects are not values.
func (f *field) leaves(v any, st *walkState) bool {
	if arr, ok := v.([]any); ok {
		for _, e := range arr {
			if f.leaves(e, st) {
				return true
			}
		}
		return false
	}
	l, ok := toLeaf(v)
	if !ok {
		return false
	}
	st.present = true
	return f.matchLeaf(l)
}

// toLeaf converts a decoded JSON scalar.
func toLeaf(v any) (leaf, bool) {
	switch x := v.(type) {
	case string:
		return leaf{k: leafString, s: x}, true
	case float64:
		return leaf{k: leafNumber, n: x}, true
	case json.Number:
		n, err := strconv.ParseFloat(string(x), 64)
		return leaf{k: leafNumber, n: n}, err == nil
	case int:
		return leaf{k: leafNumber, n: float64(x)}, true
	case int64:
		return leaf{k: leafNumber, n: float64(x)}, true
	case bool:
		return leaf{k: leafBool, b: x}, true
	case nil:
		return leaf{k: leafNull}, true
	}
	return leaf{}, false
}
