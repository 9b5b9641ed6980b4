package filter

import "errors"

// Combinations counts an SNS filter policy's "total combination of values"
// the way AWS does, including for policies over the limit of 150: each value
// array multiplies the total by its length times the depth of its key (so a
// three-level key with four values counts 12), and the branches of an $or
// add up. AWS's documented examples give 6 and 72; see sns-filter-complexity
// in the conformance corpus for the rest.
func Combinations(policy []byte) (int, error) {
	v, err := parseTree(policy)
	if err != nil {
		return 0, err
	}
	if v.kind != jObj {
		return 0, errors.New("filter policy is not a JSON object")
	}
	return combinations(v.obj, 1, 1), nil
}

// combinationCap keeps hostile policies from overflowing the count.
const combinationCap = 1 << 40

func combinations(obj []jmember, depth, total int) int {
	for _, m := range obj {
		switch {
		case isOr(m):
			sum := 0
			for _, b := range m.val.arr {
				sum = min(sum+combinations(b.obj, depth, total), combinationCap)
			}
			total = sum
		case m.val.kind == jObj:
			total = combinations(m.val.obj, depth+1, total)
		case m.val.kind == jArr:
			total = mulCap(mulCap(total, max(len(m.val.arr), 1)), depth)
		default: // a bare value counts as a one-element array
			total = mulCap(total, depth)
		}
	}
	return total
}

func mulCap(a, b int) int {
	if a != 0 && b > combinationCap/a {
		return combinationCap
	}
	return a * b
}
