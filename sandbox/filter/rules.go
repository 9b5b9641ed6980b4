package filter

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The reasons below are AWS's own wording where AWS's is known (as recorded
// by LocalStack's AWS-validated pattern tests), so a learner can search them.

// rule compiles one element of a key's value array.
func (c *compiler) rule(v jval) (matcher, error) {
	switch v.kind {
	case jStr:
		return matcher{op: opExactString, s: v.s, desc: strconv.Quote(v.s)}, nil
	case jNum:
		if err := c.checkNumber(v); err != nil {
			return matcher{}, err
		}
		return matcher{op: opExactNumber, n: v.n, desc: v.s}, nil
	case jBool:
		return matcher{op: opExactBool, b: v.b, desc: strconv.FormatBool(v.b)}, nil
	case jNull:
		return matcher{op: opExactNull, desc: "null"}, nil
	case jArr:
		return matcher{}, errors.New("Match value must be String, number, true, false, or null")
	}
	if len(v.obj) != 1 {
		return matcher{}, errors.New("Only one key allowed in match expression")
	}
	op, arg := v.obj[0].key, v.obj[0].val
	switch op {
	case "prefix", "suffix":
		return c.affix(op, arg)
	case "equals-ignore-case":
		if arg.kind != jStr {
			return matcher{}, errors.New("equals-ignore-case match pattern must be a string")
		}
		return matcher{op: opEqualsFold, s: arg.s, desc: "equals-ignore-case " + strconv.Quote(arg.s)}, nil
	case "anything-but":
		return c.anythingBut(arg)
	case "exists":
		if arg.kind != jBool {
			return matcher{}, errors.New("exists match pattern must be either true or false.")
		}
		return matcher{op: opExists, b: arg.b, desc: "exists: " + strconv.FormatBool(arg.b)}, nil
	case "numeric":
		return c.numeric(arg)
	case "cidr":
		return cidr(arg)
	case "wildcard":
		if c.sns {
			break // SNS filter policies have no wildcard operator
		}
		w, err := compileWildcard(arg)
		if err != nil {
			return matcher{}, err
		}
		return matcher{op: opWildcard, wild: []wildcard{w}, desc: "wildcard " + strconv.Quote(arg.s)}, nil
	}
	return matcher{}, fmt.Errorf("Unrecognized match type %s", op)
}

// affix compiles prefix and suffix, with equals-ignore-case in patterns.
func (c *compiler) affix(op string, arg jval) (matcher, error) {
	plain, fold := opPrefix, opPrefixFold
	if op == "suffix" {
		plain, fold = opSuffix, opSuffixFold
	}
	if arg.kind == jStr {
		return matcher{op: plain, s: arg.s, desc: op + " " + strconv.Quote(arg.s)}, nil
	}
	if arg.kind == jObj && !c.sns {
		if len(arg.obj) == 1 && arg.obj[0].key == "equals-ignore-case" && arg.obj[0].val.kind == jStr {
			s := arg.obj[0].val.s
			return matcher{op: fold, s: s, desc: op + " (ignoring case) " + strconv.Quote(s)}, nil
		}
		for _, m := range arg.obj {
			if m.key != "equals-ignore-case" {
				return matcher{}, fmt.Errorf("Unsupported %s pattern: %s", op, m.key)
			}
		}
		return matcher{}, errors.New("equals-ignore-case match pattern must be a string")
	}
	return matcher{}, fmt.Errorf("%s match pattern must be a string", op)
}

// anythingBut compiles a single value, a list, or {prefix|suffix|...: ...}.
func (c *compiler) anythingBut(arg jval) (matcher, error) {
	switch arg.kind {
	case jStr:
		return matcher{op: opButStrings, strs: []string{arg.s}, desc: "anything-but " + strconv.Quote(arg.s)}, nil
	case jNum:
		if err := c.checkNumber(arg); err != nil {
			return matcher{}, err
		}
		return matcher{op: opButNumbers, nums: []float64{arg.n}, desc: "anything-but " + arg.s}, nil
	case jArr:
		return c.anythingButList(arg.arr)
	case jObj:
		return c.anythingButObject(arg)
	}
	return matcher{}, errors.New("Value of anything-but must be an array or single string/number value.")
}

func (c *compiler) anythingButList(arr []jval) (matcher, error) {
	if len(arr) == 0 {
		return matcher{}, errors.New("Empty arrays are not allowed")
	}
	m := matcher{op: opButStrings}
	if arr[0].kind == jNum {
		m.op = opButNumbers
	}
	descs := make([]string, 0, len(arr))
	for _, e := range arr {
		switch {
		case e.kind == jStr && m.op == opButStrings:
			m.strs = append(m.strs, e.s)
		case e.kind == jNum && m.op == opButNumbers:
			if err := c.checkNumber(e); err != nil {
				return matcher{}, err
			}
			m.nums = append(m.nums, e.n)
		case e.kind == jStr || e.kind == jNum:
			return matcher{}, errors.New("Inside anything but list, all values must be strings or all numbers")
		default:
			return matcher{}, errors.New("Inside anything but list, start|null|boolean is not supported.")
		}
		descs = append(descs, e.String())
	}
	m.desc = "anything-but [" + strings.Join(descs, ", ") + "]"
	return m, nil
}

func (c *compiler) anythingButObject(arg jval) (matcher, error) {
	if len(arg.obj) != 1 {
		return matcher{}, errors.New("Only one key allowed in match expression")
	}
	op, v := arg.obj[0].key, arg.obj[0].val
	var m matcher
	switch op {
	case "prefix":
		m.op = opButPrefix
	case "suffix":
		m.op = opButSuffix
	case "equals-ignore-case":
		m.op = opButFold
	case "wildcard":
		m.op = opButWildcard
	}
	// SNS documents anything-but with prefix only; suffix, equals-ignore-case
	// and wildcard inside anything-but are EventBridge pattern operators.
	if m.op == 0 || (c.sns && op != "prefix") {
		return matcher{}, fmt.Errorf("Unsupported anything-but pattern: %s", op)
	}
	var list []jval
	switch v.kind {
	case jStr:
		list = []jval{v}
	case jArr:
		if len(v.arr) == 0 {
			return matcher{}, errors.New("Empty arrays are not allowed")
		}
		list = v.arr
	case jObj:
		return matcher{}, errors.New("Value of anything-but must be an array or single string/number value.")
	}
	descs := make([]string, 0, len(list))
	for _, e := range list {
		if e.kind != jStr {
			break
		}
		if (op == "prefix" || op == "suffix") && e.s == "" {
			return matcher{}, errors.New("Null prefix/suffix not allowed")
		}
		if op == "wildcard" {
			w, err := compileWildcard(e)
			if err != nil {
				return matcher{}, err
			}
			m.wild = append(m.wild, w)
		}
		m.strs = append(m.strs, e.s)
		descs = append(descs, strconv.Quote(e.s))
	}
	if len(m.strs) != len(list) || len(list) == 0 {
		switch op {
		case "equals-ignore-case":
			return matcher{}, errors.New("Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.")
		case "wildcard":
			return matcher{}, errors.New("wildcard match pattern must be a string")
		}
		return matcher{}, errors.New("prefix/suffix match pattern must be a string")
	}
	d := strings.Join(descs, ", ")
	if len(descs) > 1 {
		d = "[" + d + "]"
	}
	m.desc = "anything-but " + op + " " + d
	return m, nil
}

// checkNumber applies SNS's numeric limits; event patterns take any double.
func (c *compiler) checkNumber(v jval) error {
	if !c.sns {
		return nil
	}
	if math.Abs(v.n) > NumericLimit {
		return fmt.Errorf("Numeric value %s is out of range: SNS matches numbers from -1,000,000,000 to 1,000,000,000", v.s)
	}
	if decimals(v.s) > NumericDecimals {
		return fmt.Errorf("Numeric value %s has more than %d digits after the decimal point", v.s, NumericDecimals)
	}
	return nil
}

// decimals counts the digits after the decimal point a JSON number needs
// ("1.5e-3" needs 4), ignoring trailing zeros.
func decimals(num string) int {
	mant, exp := num, 0
	if i := strings.IndexAny(num, "eE"); i >= 0 {
		mant = num[:i]
		e, err := strconv.Atoi(strings.TrimPrefix(num[i+1:], "+"))
		if err != nil {
			return math.MaxInt32 // an exponent too large to parse is no real decimal count
		}
		exp = min(max(e, -1000), 1000) // beyond this the range check decides
	}
	frac := ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		frac = strings.TrimRight(mant[i+1:], "0")
	}
	if strings.Trim(mant, "-0.") == "" {
		return 0 // zero, however it is written
	}
	return max(0, len(frac)-exp)
}
