package filter

import (
	"strconv"
	"strings"
)

// maxGot bounds how many input values a mismatch quotes.
const maxGot = 5

// explain builds the Result for a failed field.
func (p *Policy) explain(f *field, inOr bool, in *input) Result {
	r := Result{Key: f.path, Want: f.want, InOr: inOr}
	if !in.body {
		a, ok := in.attr(f.path)
		r.Missing = !ok
		if ok {
			r.Got = describeAttr(a)
		}
	} else {
		var c collector
		c.walk(in.obj, f.path, 0)
		r.Missing = len(c.vals) == 0 && !c.sawObject
		switch {
		case len(c.vals) == 1 && !c.more:
			r.Got = c.vals[0]
		case len(c.vals) > 0:
			more := ""
			if c.more {
				more = ", ..."
			}
			r.Got = "[" + strings.Join(c.vals, ", ") + more + "]"
		case c.sawObject:
			r.Got = "an object (filters compare leaf values only)"
		}
	}
	var b strings.Builder
	if inOr {
		b.WriteString("no $or branch matched; the first failed at ")
	}
	b.WriteString("key ")
	b.WriteString(strconv.Quote(f.path))
	b.WriteString(": ")
	switch {
	case r.Missing:
		switch {
		case !in.body:
			b.WriteString("attribute missing")
		case p.kind == KindSNS:
			b.WriteString("missing from the message")
		default:
			b.WriteString("missing from the event")
		}
		b.WriteString(" (wanted ")
		b.WriteString(r.Want)
		b.WriteString(")")
	default:
		b.WriteString("wanted ")
		b.WriteString(r.Want)
		b.WriteString(", got ")
		b.WriteString(r.Got)
	}
	r.Reason = b.String()
	return r
}

// describeAttr shows an attribute's value as the learner wrote it.
func describeAttr(a Attribute) string {
	switch classify(a.Type) {
	case classString:
		return strconv.Quote(a.Value)
	case classBinary:
		return "a " + a.Type + " attribute (SNS never compares Binary values)"
	case classNone:
		return "an attribute without a Type"
	case classNumber:
		if isJSONNumber(a.Value) {
			return a.Value
		}
		return a.Type + " " + strconv.Quote(a.Value) + " (not a number)"
	}
	return a.Type + " " + a.Value
}

// collector gathers the values at a path for a mismatch message.
type collector struct {
	vals      []string
	more      bool
	sawObject bool
}

func (c *collector) walk(v any, path string, i int) {
	switch x := v.(type) {
	case map[string]any:
		rest := path[i:]
		for j := 0; j <= len(rest); j++ {
			if j < len(rest) && rest[j] != '.' {
				continue
			}
			child, ok := x[rest[:j]]
			if !ok {
				continue
			}
			if j == len(rest) {
				c.add(child)
			} else {
				c.walk(child, path, i+j+1)
			}
		}
	case []any:
		for _, e := range x {
			c.walk(e, path, i)
		}
	}
}

func (c *collector) add(v any) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			c.add(e)
		}
	case map[string]any:
		c.sawObject = true
	default:
		l, ok := toLeaf(v)
		if !ok {
			return
		}
		if len(c.vals) == maxGot {
			c.more = true
			return
		}
		c.vals = append(c.vals, l.String())
	}
}

// String renders a value as JSON would.
func (l leaf) String() string {
	switch l.k {
	case leafString:
		return strconv.Quote(l.s)
	case leafNumber:
		return strconv.FormatFloat(l.n, 'g', -1, 64)
	case leafBool:
		return strconv.FormatBool(l.b)
	}
	return "null"
}
