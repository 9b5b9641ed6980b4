package filter

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// numeric compiles ["op", n] or [">"|">=", lo, "<"|"<=", hi].
func (c *compiler) numeric(arg jval) (matcher, error) {
	if arg.kind != jArr {
		return matcher{}, errors.New("Value of numeric must be an array.")
	}
	a := arg.arr
	if len(a) == 0 {
		return matcher{}, errors.New("Invalid member in numeric match: ]")
	}
	var r numRange
	op1, err := numOperator(a[0], "Invalid member in numeric match: ", "Unrecognized numeric range operator: ")
	if err != nil {
		return matcher{}, err
	}
	if len(a) < 2 || a[1].kind != jNum {
		return matcher{}, fmt.Errorf("Value of %s must be numeric", opName(op1))
	}
	if err := c.checkNumber(a[1]); err != nil {
		return matcher{}, err
	}
	r.set(op1, a[1].n)
	desc := "numeric " + op1 + " " + a[1].s
	if len(a) > 2 {
		if op1 != ">" && op1 != ">=" {
			return matcher{}, errors.New("Too many elements in numeric expression")
		}
		op2, err := numOperator(a[2], "Bad value in numeric range: ", "Bad numeric range operator: ")
		if err != nil {
			return matcher{}, err
		}
		if op2 != "<" && op2 != "<=" {
			return matcher{}, fmt.Errorf("Bad numeric range operator: %s", op2)
		}
		if len(a) < 4 || a[3].kind != jNum {
			return matcher{}, fmt.Errorf("Value of %s must be numeric", op2)
		}
		if err := c.checkNumber(a[3]); err != nil {
			return matcher{}, err
		}
		if a[3].n <= a[1].n {
			return matcher{}, errors.New("Bottom must be less than top")
		}
		if len(a) > 4 {
			return matcher{}, errors.New("Too many terms in numeric range expression")
		}
		r.set(op2, a[3].n)
		desc += " and " + op2 + " " + a[3].s
	}
	return matcher{op: opNumeric, num: r, desc: desc}, nil
}

func numOperator(v jval, notString, unknown string) (string, error) {
	if v.kind != jStr {
		return "", errors.New(notString + v.raw())
	}
	switch v.s {
	case "=", "<", "<=", ">", ">=":
		return v.s, nil
	}
	return "", errors.New(unknown + v.s)
}

func opName(op string) string {
	if op == "=" {
		return "equals"
	}
	return op
}

func (r *numRange) set(op string, x float64) {
	switch op {
	case "=":
		r.eq, r.lo = true, x
	case ">", ">=":
		r.hasLo, r.lo, r.loInc = true, x, op == ">="
	case "<", "<=":
		r.hasHi, r.hi, r.hiInc = true, x, op == "<="
	}
}

// cidr compiles an IPv4 or IPv6 CIDR block.
func cidr(arg jval) (matcher, error) {
	if arg.kind != jStr {
		// AWS reports a non-string cidr with the prefix message.
		return matcher{}, errors.New("prefix match pattern must be a string")
	}
	ip, mask, ok := strings.Cut(arg.s, "/")
	if !ok || strings.Contains(mask, "/") {
		return matcher{}, errors.New("Malformed CIDR, one '/' required")
	}
	if _, err := strconv.Atoi(mask); err != nil {
		return matcher{}, errors.New("Malformed CIDR, mask bits must be an integer")
	}
	p, err := netip.ParsePrefix(arg.s)
	if err != nil || p.Addr().Zone() != "" {
		return matcher{}, fmt.Errorf("Nonstandard IP address: %s", ip)
	}
	return matcher{op: opCIDR, pfx: p.Masked(), desc: "cidr " + arg.s}, nil
}

// maxWildcards approximates EventBridge's wildcard complexity limit the way
// LocalStack does (AWS's exact rule weighs repeated sequences after a star).
const maxWildcards = 5

// compileWildcard parses a wildcard: "*" matches anything, "\*" a star and
// "\\" a backslash.
func compileWildcard(arg jval) (wildcard, error) {
	if arg.kind != jStr {
		return wildcard{}, errors.New("wildcard match pattern must be a string")
	}
	var w wildcard
	var cur strings.Builder
	prevStar := false
	for i := 0; i < len(arg.s); i++ {
		ch := arg.s[i]
		switch {
		case ch == '*':
			if prevStar {
				return wildcard{}, fmt.Errorf("Consecutive wildcard characters at pos %d", i)
			}
			w.parts = append(w.parts, cur.String())
			cur.Reset()
			prevStar = true
			continue
		case ch == '\\':
			if i+1 >= len(arg.s) || (arg.s[i+1] != '*' && arg.s[i+1] != '\\') {
				return wildcard{}, fmt.Errorf("Invalid escape character at pos %d", i)
			}
			i++
			cur.WriteByte(arg.s[i])
		default:
			cur.WriteByte(ch)
		}
		prevStar = false
	}
	w.parts = append(w.parts, cur.String())
	if len(w.parts)-1 > maxWildcards {
		return wildcard{}, errors.New("Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character")
	}
	return w, nil
}
