package filter

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// SNS's documented filter policy limits (assets/facts/filtering.yaml holds
// them with their AWS page; a test keeps the two in step).
const (
	MaxKeys         = 5          // keys in one SNS filter policy (top level)
	MaxCombinations = 150        // total combinations of values
	NumericLimit    = 1e9        // |n| for numbers in an SNS policy
	NumericDecimals = 5          // digits after the decimal point
	MaxPolicyBytes  = 256 * 1024 // size of an SNS filter policy
	// MaxPatternChars is the longest event pattern Lambda takes in an event
	// source mapping's FilterCriteria (fact filter.esm.pattern-max-length);
	// EventBridge's default quota is shorter, EventBridgePatternChars
	// (fact filter.eventbridge.pattern-max-length), and adjustable.
	MaxPatternChars         = 4096
	EventBridgePatternChars = 2048
	snsErrPrefix            = "Invalid parameter: FilterPolicy: "
	patternErrPrefix        = "Event pattern is not valid. Reason: "
)

// Kind says which AWS feature a policy is for.
type Kind uint8

const (
	KindSNS     Kind = iota // an SNS subscription filter policy
	KindPattern             // an EventBridge / event-source-mapping event pattern
)

func (k Kind) String() string {
	if k == KindSNS {
		return "sns"
	}
	return "pattern"
}

// Scope is an SNS subscription's FilterPolicyScope.
type Scope uint8

const (
	ScopeAttributes Scope = iota // MessageAttributes, SNS's default
	ScopeBody                    // MessageBody
)

func (s Scope) String() string {
	if s == ScopeBody {
		return "MessageBody"
	}
	return "MessageAttributes"
}

// ParseScope accepts "attributes", "body" or AWS's names for them.
func ParseScope(s string) (Scope, error) {
	switch strings.ToLower(s) {
	case "attributes", "messageattributes":
		return ScopeAttributes, nil
	case "body", "messagebody":
		return ScopeBody, nil
	}
	return 0, fmt.Errorf("unknown filter policy scope %q (want attributes or body)", s)
}

// PolicyError is a policy AWS would reject. Error() is AWS's message.
type PolicyError struct {
	Kind   Kind
	Key    string // dotted key the problem is under, "" for the whole policy
	Reason string // AWS's reason, e.g. "Filter policy is too complex"
}

func (e *PolicyError) Error() string {
	prefix := patternErrPrefix
	if e.Kind == KindSNS {
		prefix = snsErrPrefix
	}
	if e.Key != "" {
		return fmt.Sprintf("%s%s (at key %q)", prefix, e.Reason, e.Key)
	}
	return prefix + e.Reason
}

// Policy is a compiled filter policy or event pattern. It is immutable and
// safe to match from many goroutines at once.
type Policy struct {
	kind     Kind
	scope    Scope
	root     *node
	combos   int
	warnings []string
}

// Kind, Scope, Combinations and Warnings describe the compiled policy.
func (p *Policy) Kind() Kind         { return p.kind }
func (p *Policy) Scope() Scope       { return p.scope }
func (p *Policy) Combinations() int  { return p.combos }
func (p *Policy) Warnings() []string { return p.warnings }

// node is an AND of items, in policy order.
type node struct {
	items []item
}

// item is either one key's condition or an $or of alternative nodes.
type item struct {
	f  *field
	or []*node
}

// field is a key (dotted path) and its matchers, which are ORed.
type field struct {
	path string
	ms   []matcher
	want string // the matchers described for a mismatch
}

type compiler struct {
	sns      bool
	kind     Kind
	scope    Scope
	warnings []string
}

// CompileSNS compiles an SNS subscription filter policy for a scope,
// enforcing SNS's key, combination and numeric limits.
func CompileSNS(policy []byte, scope Scope) (*Policy, error) {
	c := &compiler{sns: true, kind: KindSNS, scope: scope}
	if len(policy) > MaxPolicyBytes {
		return nil, c.errf("", "Filter policy is too large (%d bytes; the limit is %d)", len(policy), MaxPolicyBytes)
	}
	return c.compile(policy)
}

// CompilePattern compiles an EventBridge or Lambda event-source-mapping
// event pattern.
func CompilePattern(pattern []byte) (*Policy, error) {
	c := &compiler{kind: KindPattern}
	// Count characters without decoding more than the limit's worth.
	if len(pattern) > MaxPatternChars {
		if n := utf8.RuneCount(pattern); n > MaxPatternChars {
			return nil, c.errf("", "Member must have length less than or equal to %d (this pattern has %d characters; Lambda's limit for a FilterCriteria pattern)", MaxPatternChars, n)
		}
	}
	p, err := c.compile(pattern)
	if err == nil {
		if n := utf8.RuneCount(pattern); n > EventBridgePatternChars {
			p.warnings = append(p.warnings, fmt.Sprintf("the pattern has %d characters: Lambda takes up to %d in an event source mapping, EventBridge up to %d unless the quota is raised",
				n, MaxPatternChars, EventBridgePatternChars))
		}
	}
	return p, err
}

func (c *compiler) errf(key, format string, a ...any) *PolicyError {
	return &PolicyError{Kind: c.kind, Key: key, Reason: fmt.Sprintf(format, a...)}
}

func (c *compiler) compile(src []byte) (*Policy, error) {
	v, err := parseTree(src)
	if err != nil {
		return nil, c.errf("", "Filter is not valid JSON: %v", err)
	}
	if v.kind != jObj {
		return nil, c.errf("", "Filter is not an object")
	}
	p := &Policy{kind: c.kind, scope: c.scope}
	if c.sns {
		if len(v.obj) > MaxKeys {
			return nil, c.errf("", "Filter policy can not have more than %d keys", MaxKeys)
		}
		p.combos = combinations(v.obj, 1, 1)
		if p.combos > MaxCombinations {
			return nil, c.errf("", "Filter policy is too complex (%d combinations; the limit is %d)", p.combos, MaxCombinations)
		}
	}
	root, err := c.object(v.obj, "", 1)
	if err != nil {
		return nil, err
	}
	p.root, p.warnings = root, c.warnings
	if c.sns && c.scope == ScopeAttributes {
		// Attribute-based filtering counts every key, those inside $or
		// too; payload-based filtering counts only the top level
		// (sns/latest/dg/subscription-filter-policy-constraints.html).
		if n := distinct(p.Keys()); n > MaxKeys {
			return nil, c.errf("", "Filter policy can not have more than %d keys (this one has %d, counting those inside $or)", MaxKeys, n)
		}
	}
	return p, nil
}

// isOr reports whether a member is an "$or" AWS recognises: an array of at
// least two objects, none keyed by an operator name. Anything else named
// "$or" is an ordinary key (fact filter.sns.or-min-objects).
func isOr(m jmember) bool {
	if m.key != "$or" || m.val.kind != jArr || len(m.val.arr) < 2 {
		return false
	}
	for _, e := range m.val.arr {
		if e.kind != jObj {
			return false
		}
		for _, k := range e.obj {
			if operators[k.key] {
				return false
			}
		}
	}
	return true
}

// operators are the reserved keywords of policies and patterns.
var operators = map[string]bool{
	"prefix": true, "suffix": true, "equals-ignore-case": true, "anything-but": true,
	"numeric": true, "exists": true, "cidr": true, "wildcard": true,
}

func (c *compiler) object(obj []jmember, prefix string, depth int) (*node, error) {
	n := &node{}
	seen := make(map[string]bool, len(obj))
	for _, m := range obj {
		if seen[m.key] {
			return nil, c.errf(join(prefix, m.key), "Duplicate key %q in the same object", m.key)
		}
		seen[m.key] = true
		if isOr(m) {
			it := item{}
			for _, b := range m.val.arr {
				sub, err := c.object(b.obj, prefix, depth)
				if err != nil {
					return nil, err
				}
				it.or = append(it.or, sub)
			}
			n.items = append(n.items, it)
			continue
		}
		path := join(prefix, m.key)
		switch m.val.kind {
		case jObj:
			if c.sns && c.scope == ScopeAttributes {
				return nil, c.errf(path, "Filter policy scope MessageAttributes does not support nested filter policy")
			}
			sub, err := c.object(m.val.obj, path, depth+1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, sub.items...)
		case jArr:
			if len(m.val.arr) == 0 {
				return nil, c.errf(path, "Empty arrays are not allowed")
			}
			f, err := c.field(path, m.val.arr)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item{f: f})
		default:
			if !c.sns {
				return nil, c.errf(path, "%q must be an object or an array", m.key)
			}
			// SNS's matcher takes a bare value as a one-element list (the
			// corpus records it), but AWS documents arrays: warn.
			c.warnings = append(c.warnings, fmt.Sprintf("key %q: write the value as an array, [%s]; AWS documents filter policy values as arrays", path, m.val))
			f, err := c.field(path, []jval{m.val})
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item{f: f})
		}
	}
	return n, nil
}

func (c *compiler) field(path string, arr []jval) (*field, error) {
	f := &field{path: path}
	descs := make([]string, 0, len(arr))
	for _, e := range arr {
		m, err := c.rule(e)
		if err != nil {
			var pe *PolicyError
			if errors.As(err, &pe) {
				return nil, pe
			}
			return nil, &PolicyError{Kind: c.kind, Key: path, Reason: err.Error()}
		}
		f.ms = append(f.ms, m)
		descs = append(descs, m.desc)
	}
	if len(descs) == 1 {
		f.want = descs[0]
	} else {
		f.want = "one of [" + strings.Join(descs, ", ") + "]"
	}
	return f, nil
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func distinct(keys []string) int {
	seen := map[string]bool{}
	for _, k := range keys {
		seen[k] = true
	}
	return len(seen)
}

// Keys lists the policy's dotted keys in the order they are checked, $or
// branches included, for a UI that lays out one row per key.
func (p *Policy) Keys() []string {
	var keys []string
	var walk func(n *node)
	walk = func(n *node) {
		for _, it := range n.items {
			if it.f != nil {
				keys = append(keys, it.f.path)
			}
			for _, b := range it.or {
				walk(b)
			}
		}
	}
	walk(p.root)
	return keys
}
