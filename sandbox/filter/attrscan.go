package filter

import (
	"strings"
	"unicode/utf8"
)

// attrEntry is one attribute read by scanAttributes.
type attrEntry struct {
	name string
	a    Attribute
}

// maxFastAttrs covers SNS's limit of 10 message attributes with room to
// spare; more falls back to encoding/json.
const maxFastAttrs = 16

// scanAttributes reads the usual shape of an attributes object,
// {"name": {"Type": "...", "Value": "..."}, ...}, without reflection. It
// gives up (ok=false) on anything else (other keys, numbers, \u escapes,
// invalid UTF-8, malformed JSON) so encoding/json decides those, with its
// errors. Entries point into s; only escaped Values are copied.
func scanAttributes(s string, out []attrEntry) ([]attrEntry, bool) {
	sc := attrScanner{s: s}
	if !sc.byte('{') {
		return nil, false
	}
	if sc.peek('}') {
		sc.i++
		return out, sc.end()
	}
	for {
		name, ok := sc.str(false)
		if !ok || !sc.byte(':') || !sc.byte('{') || len(out) == maxFastAttrs {
			return nil, false
		}
		var e attrEntry
		e.name = name
		var haveType, haveValue bool
		for {
			key, ok := sc.str(false)
			if !ok || !sc.byte(':') {
				return nil, false
			}
			switch {
			case key == "Type" && !haveType:
				e.a.Type, ok = sc.str(false)
				haveType = true
			case key == "Value" && !haveValue:
				e.a.Value, ok = sc.str(true)
				haveValue = true
			default:
				return nil, false
			}
			if !ok {
				return nil, false
			}
			if sc.byte('}') {
				break
			}
			if !sc.byte(',') {
				return nil, false
			}
		}
		if !haveType || !haveValue || e.a.Type == "" {
			return nil, false
		}
		out = append(out, e)
		if sc.byte('}') {
			return out, sc.end()
		}
		if !sc.byte(',') {
			return nil, false
		}
	}
}

type attrScanner struct {
	s string
	i int
}

func (sc *attrScanner) space() { sc.i = skipSpace(sc.s, sc.i) }

func (sc *attrScanner) peek(c byte) bool {
	sc.space()
	return sc.i < len(sc.s) && sc.s[sc.i] == c
}

// byte consumes c (after white space) if it is next.
func (sc *attrScanner) byte(c byte) bool {
	if sc.peek(c) {
		sc.i++
		return true
	}
	return false
}

func (sc *attrScanner) end() bool {
	sc.space()
	return sc.i == len(sc.s)
}

// str reads a JSON string. Simple escapes are decoded only when allowed.
func (sc *attrScanner) str(unescape bool) (string, bool) {
	if !sc.byte('"') {
		return "", false
	}
	start := sc.i
	escaped := false
	for ; sc.i < len(sc.s); sc.i++ {
		switch c := sc.s[sc.i]; {
		case c == '"':
			raw := sc.s[start:sc.i]
			sc.i++
			if !utf8.ValidString(raw) {
				return "", false // encoding/json would replace the bad bytes
			}
			if escaped {
				return unescapeSimple(raw)
			}
			return raw, true
		case c == '\\':
			if !unescape || sc.i+1 >= len(sc.s) || !strings.ContainsRune(`"\/bfnrt`, rune(sc.s[sc.i+1])) {
				return "", false
			}
			escaped = true
			sc.i++
		case c < 0x20:
			return "", false
		}
	}
	return "", false
}

// unescapeSimple decodes the one-character JSON escapes.
func unescapeSimple(raw string) (string, bool) {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		switch raw[i] {
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		default:
			c = raw[i] // " \ /
		}
		b.WriteByte(c)
	}
	return b.String(), true
}
