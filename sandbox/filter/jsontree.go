package filter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// jkind is the JSON type of a policy node.
type jkind uint8

const (
	jNull jkind = iota
	jBool
	jNum
	jStr
	jArr
	jObj
)

// jval is a policy parsed with its key order kept, so "the first key that
// failed" and error messages follow the order the learner wrote.
type jval struct {
	kind jkind
	b    bool
	s    string // string value, or the number as written
	n    float64
	arr  []jval
	obj  []jmember
}

type jmember struct {
	key string
	val jval
}

// maxDepth bounds recursion on hostile input; real policies are shallow.
const maxDepth = 64

// parseTree parses one JSON document, rejecting trailing data.
func parseTree(data []byte) (jval, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := readValue(dec, 0)
	if err != nil {
		return jval{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return jval{}, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

func readValue(dec *json.Decoder, depth int) (jval, error) {
	if depth > maxDepth {
		return jval{}, fmt.Errorf("nested deeper than %d levels", maxDepth)
	}
	tok, err := dec.Token()
	if err == io.EOF {
		return jval{}, errors.New("empty document")
	}
	if err != nil {
		return jval{}, err
	}
	switch t := tok.(type) {
	case nil:
		return jval{kind: jNull}, nil
	case bool:
		return jval{kind: jBool, b: t}, nil
	case string:
		return jval{kind: jStr, s: t}, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil || math.IsInf(f, 0) {
			return jval{}, fmt.Errorf("number %s is out of range", t)
		}
		return jval{kind: jNum, s: string(t), n: f}, nil
	case json.Delim:
		switch t {
		case '[':
			v := jval{kind: jArr}
			for dec.More() {
				e, err := readValue(dec, depth+1)
				if err != nil {
					return jval{}, err
				}
				v.arr = append(v.arr, e)
			}
			_, err := dec.Token() // ']'
			return v, err
		case '{':
			v := jval{kind: jObj}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return jval{}, err
				}
				key, _ := kt.(string)
				e, err := readValue(dec, depth+1)
				if err != nil {
					return jval{}, err
				}
				v.obj = append(v.obj, jmember{key: key, val: e})
			}
			_, err := dec.Token() // '}'
			return v, err
		}
	}
	return jval{}, fmt.Errorf("unexpected token %v", tok)
}

// String renders a node compactly for messages.
func (v jval) String() string {
	switch v.kind {
	case jNull:
		return "null"
	case jBool:
		return strconv.FormatBool(v.b)
	case jNum:
		return v.s
	case jStr:
		return strconv.Quote(v.s)
	case jArr:
		return "[...]"
	default:
		return "{...}"
	}
}

// raw renders a node the way AWS quotes it in messages: strings unquoted.
func (v jval) raw() string {
	if v.kind == jStr {
		return v.s
	}
	return v.String()
}
