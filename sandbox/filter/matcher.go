package filter

import (
	"net/netip"
	"slices"
	"strings"
	"unicode/utf8"
)

// leafKind is the JSON type of one input value a matcher looks at.
type leafKind uint8

const (
	leafString leafKind = iota
	leafNumber
	leafBool
	leafNull
)

// leaf is one scalar value found at a key of the input.
type leaf struct {
	k leafKind
	s string
	n float64
	b bool
}

type opKind uint8

const (
	opExactString opKind = iota
	opExactNumber
	opExactBool
	opExactNull
	opPrefix
	opPrefixFold
	opSuffix
	opSuffixFold
	opEqualsFold
	opNumeric
	opExists
	opCIDR
	opWildcard
	opButStrings
	opButNumbers
	opButPrefix
	opButSuffix
	opButFold
	opButWildcard
)

// matcher is one element of a key's value array; the elements are ORed.
type matcher struct {
	op   opKind
	s    string // exact, prefix, suffix, equals-ignore-case (folded forms keep the original)
	n    float64
	b    bool // exact bool, exists
	strs []string
	nums []float64
	wild []wildcard
	num  numRange
	pfx  netip.Prefix
	desc string // how a mismatch names it: `prefix "bas"`
}

// numRange is a numeric condition: one bound, two bounds or "=".
type numRange struct {
	eq, hasLo, hasHi, loInc, hiInc bool
	lo, hi                         float64
}

func (r numRange) contains(x float64) bool {
	if r.eq {
		return x == r.lo
	}
	if r.hasLo && (x < r.lo || (x == r.lo && !r.loInc)) {
		return false
	}
	if r.hasHi && (x > r.hi || (x == r.hi && !r.hiInc)) {
		return false
	}
	return true
}

// match reports whether one input value satisfies the matcher. exists is
// decided by the caller, which knows whether the key was present at all.
func (m *matcher) match(l leaf) bool {
	str := l.k == leafString
	switch m.op {
	case opExactString:
		return str && l.s == m.s
	case opExactNumber:
		return l.k == leafNumber && l.n == m.n
	case opExactBool:
		return l.k == leafBool && l.b == m.b
	case opExactNull:
		return l.k == leafNull
	case opPrefix:
		return str && strings.HasPrefix(l.s, m.s)
	case opPrefixFold:
		return str && hasPrefixFold(l.s, m.s)
	case opSuffix:
		return str && strings.HasSuffix(l.s, m.s)
	case opSuffixFold:
		return str && hasSuffixFold(l.s, m.s)
	case opEqualsFold:
		return str && strings.EqualFold(l.s, m.s)
	case opNumeric:
		return l.k == leafNumber && m.num.contains(l.n)
	case opCIDR:
		if !str {
			return false
		}
		a, err := netip.ParseAddr(l.s)
		return err == nil && m.pfx.Contains(a)
	case opWildcard:
		return str && m.wild[0].match(l.s)
	case opButStrings:
		return !str || !slices.Contains(m.strs, l.s)
	case opButNumbers:
		return l.k != leafNumber || !slices.Contains(m.nums, l.n)
	case opButPrefix:
		return !str || !slices.ContainsFunc(m.strs, func(p string) bool { return strings.HasPrefix(l.s, p) })
	case opButSuffix:
		return !str || !slices.ContainsFunc(m.strs, func(p string) bool { return strings.HasSuffix(l.s, p) })
	case opButFold:
		return !str || !slices.ContainsFunc(m.strs, func(p string) bool { return strings.EqualFold(l.s, p) })
	case opButWildcard:
		return !str || !slices.ContainsFunc(m.wild, func(w wildcard) bool { return w.match(l.s) })
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring case. Case variants of
// non-ASCII letters can differ in byte length, so those compare folded runes.
func hasPrefixFold(s, p string) bool {
	for p != "" {
		if s == "" {
			return false
		}
		pr, pn := utf8.DecodeRuneInString(p)
		sr, sn := utf8.DecodeRuneInString(s)
		if pr != sr && !strings.EqualFold(p[:pn], s[:sn]) {
			return false
		}
		p, s = p[pn:], s[sn:]
	}
	return true
}

func hasSuffixFold(s, p string) bool {
	for p != "" {
		if s == "" {
			return false
		}
		pr, pn := utf8.DecodeLastRuneInString(p)
		sr, sn := utf8.DecodeLastRuneInString(s)
		if pr != sr && !strings.EqualFold(p[len(p)-pn:], s[len(s)-sn:]) {
			return false
		}
		p, s = p[:len(p)-pn], s[:len(s)-sn]
	}
	return true
}

// wildcard is a compiled EventBridge wildcard: literal parts between stars.
type wildcard struct {
	parts []string // len(parts) == stars+1
}

// match reports whether s matches; each star matches zero or more characters.
func (w wildcard) match(s string) bool {
	ps := w.parts
	if len(ps) == 1 {
		return s == ps[0]
	}
	if !strings.HasPrefix(s, ps[0]) {
		return false
	}
	s = s[len(ps[0]):]
	last := ps[len(ps)-1]
	for _, p := range ps[1 : len(ps)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}
