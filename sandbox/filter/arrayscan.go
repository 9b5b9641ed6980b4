package filter

import (
	"encoding/json"
	"strconv"
	"strings"
	"unsafe"
)

// matchArrayText matches the scalar elements of a String.Array attribute's
// JSON text one by one, without decoding it into a slice: this is the hot
// path of attribute filtering. Text that is not a JSON array matches
// nothing, as in SNS; nested arrays and objects are skipped.
func (f *field) matchArrayText(s string) bool {
	// json.Valid only reads its argument, so it may see s's bytes directly.
	if !json.Valid(unsafe.Slice(unsafe.StringData(s), len(s))) {
		return false
	}
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '[' {
		return false
	}
	i++
	for {
		i = skipSpace(s, i)
		if i >= len(s) || s[i] == ']' {
			return false
		}
		if s[i] == ',' {
			i++
			continue
		}
		var l leaf
		ok := true
		switch c := s[i]; {
		case c == '"':
			end := stringEnd(s, i)
			l = leaf{k: leafString, s: s[i+1 : end-1]}
			if strings.IndexByte(l.s, '\\') >= 0 {
				var u string // escapes to the heap, so only here
				ok = json.Unmarshal([]byte(s[i:end]), &u) == nil
				l.s = u
			}
			i = end
		case c == '[' || c == '{':
			i, ok = skipNested(s, i), false
		case c == 't' || c == 'f':
			l = leaf{k: leafBool, b: c == 't'}
			i += 4 + boolInt(c == 'f')
		case c == 'n':
			l, i = leaf{k: leafNull}, i+4
		default:
			j := i
			for j < len(s) && strings.IndexByte("+-.eE0123456789", s[j]) >= 0 {
				j++
			}
			n, err := strconv.ParseFloat(s[i:j], 64)
			l, ok, i = leaf{k: leafNumber, n: n}, err == nil, j
		}
		if ok && f.matchLeaf(l) {
			return true
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the string starting at s[i] == '"'.
func stringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

// skipNested returns the index just past the array or object at s[i].
func skipNested(s string, i int) int {
	depth := 0
	for i < len(s) {
		switch s[i] {
		case '"':
			i = stringEnd(s, i)
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return i
}
