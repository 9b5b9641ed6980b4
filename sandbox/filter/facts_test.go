package filter

import (
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/assets/facts"
)

// TestLimitsMatchFacts keeps the limits enforced here and the facts the
// lessons cite from drifting apart.
func TestLimitsMatchFacts(t *testing.T) {
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatalf("facts registry: %v", err)
	}
	tests := []struct {
		id   string
		want []string // the value must contain one of these
	}{
		{"filter.sns.max-keys", []string{"5", "five"}},
		{"filter.sns.max-combinations", []string{"150"}},
		{"filter.sns.numeric-range", []string{"1,000,000,000", "10^9"}},
		{"filter.sns.numeric-precision", []string{"5", "five"}},
		{"filter.sns.max-policy-size", []string{"256 KB"}},
		{"filter.sns.or-min-objects", []string{"2"}},
		{"filter.esm.pattern-max-length", []string{"4096", "4,096"}},
		{"filter.eventbridge.pattern-max-length", []string{"2048", "2,048"}},
	}
	for _, tt := range tests {
		f, ok := reg.Get(tt.id)
		if !ok {
			t.Errorf("fact %s is missing", tt.id)
			continue
		}
		found := false
		for _, w := range tt.want {
			found = found || strings.Contains(f.Value, w)
		}
		if !found {
			t.Errorf("fact %s = %q; the code enforces %v", tt.id, f.Value, tt.want)
		}
	}
	if MaxKeys != 5 || MaxCombinations != 150 || NumericLimit != 1e9 || NumericDecimals != 5 || MaxPolicyBytes != 256*1024 ||
		MaxPatternChars != 4096 || EventBridgePatternChars != 2048 {
		t.Error("a limit constant changed: update the facts and this test together")
	}
}

func TestOrWithOperatorKeysIsAKey(t *testing.T) {
	// The SNS docs' own example: numeric and prefix are reserved, so this is
	// not an $or but a key named "$or" whose values are malformed operators.
	_, err := CompileSNS([]byte(`{"$or":[{"numeric":123},{"prefix":"abc"}]}`), ScopeBody)
	if err == nil || !strings.Contains(err.Error(), "Value of numeric must be an array") {
		t.Errorf("error = %v, want the numeric operator rejected", err)
	}
	p, err := CompileSNS([]byte(`{"$or":[{"a":["1"]}]}`), ScopeBody) // one object: an ordinary key
	if err == nil {
		t.Errorf("a one-object $or compiled as %+v; its value is a match expression with an unknown operator", p)
	}
}
