package filter

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Attribute is one SNS message attribute as a notification carries it:
// {"Type": "String", "Value": "rugby"}. The API's names DataType and
// StringValue are accepted too, and a bare JSON number as Value.
type Attribute struct {
	Type  string `json:"Type"`
	Value string `json:"Value"`
}

// UnmarshalJSON accepts both the notification and the API shapes.
func (a *Attribute) UnmarshalJSON(data []byte) error {
	var raw struct {
		Type, DataType     string
		Value, StringValue json.RawMessage
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf(`want {"Type": "String", "Value": "..."}: %w`, err)
	}
	a.Type = raw.Type
	if a.Type == "" {
		a.Type = raw.DataType
	}
	if a.Type == "" {
		return fmt.Errorf(`attribute has no "Type" (String, String.Array, Number or Binary)`)
	}
	v := raw.Value
	if v == nil {
		v = raw.StringValue
	}
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0:
		return fmt.Errorf(`attribute has no "Value"`)
	case v[0] == '"':
		return json.Unmarshal(v, &a.Value)
	case isJSONNumber(string(v)):
		a.Value = string(v) // a docs example writes Number values bare
		return nil
	}
	return fmt.Errorf(`attribute "Value" must be a string, not %s`, v)
}

// attrClass is how SNS treats a data type when filtering.
type attrClass uint8

const (
	classString attrClass = iota
	classNumber
	classArray
	classBinary
	classNone // no type: a malformed entry of decoded JSON, which offers no values
)

// classify maps a data type, including custom ones such as "Number.float",
// to how filtering reads it. Any "X.Array" is read as a JSON array (one docs
// example uses the undocumented "Number.Array").
func classify(t string) attrClass {
	switch {
	case t == "":
		return classNone
	case strings.HasSuffix(t, ".Array"):
		return classArray
	case t == "Number" || strings.HasPrefix(t, "Number."):
		return classNumber
	case t == "Binary" || strings.HasPrefix(t, "Binary."):
		return classBinary
	}
	return classString
}

// eachLeaf calls f on the values an attribute offers to matchers until f
// returns true. Binary attributes offer none; a malformed array offers none.
func (a Attribute) eachLeaf(f *field) bool {
	switch classify(a.Type) {
	case classString:
		return f.matchLeaf(leaf{k: leafString, s: a.Value})
	case classNumber:
		if isJSONNumber(a.Value) {
			if n, err := strconv.ParseFloat(a.Value, 64); err == nil {
				return f.matchLeaf(leaf{k: leafNumber, n: n})
			}
		}
		return f.matchLeaf(leaf{k: leafString, s: a.Value})
	case classArray:
		return f.matchArrayText(a.Value)
	}
	return false
}

// isJSONNumber reports whether s is a number in JSON's grammar (so "NaN",
// "0x10" and "1_000" are not numbers, as they are not to AWS).
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start || (s[start] == '0' && i-start > 1) {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		d := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(s)
}
