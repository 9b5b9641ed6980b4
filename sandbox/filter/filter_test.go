package filter

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestCompileSNSRejects(t *testing.T) {
	tests := []struct {
		name, policy string
		scope        Scope
		want         string // substring of the error
	}{
		{"six keys", `{"a":["1"],"b":["1"],"c":["1"],"d":["1"],"e":["1"],"f":["1"]}`, ScopeAttributes, "can not have more than 5 keys"},
		{"216 combinations", `{"a":["1","2","3","4","5","6"],"b":["1","2","3","4","5","6"],"c":["1","2","3","4","5","6"]}`, ScopeAttributes, "too complex (216 combinations; the limit is 150)"},
		{"nested in attributes", `{"a":{"b":["x"]}}`, ScopeAttributes, "does not support nested filter policy"},
		{"number too big", `{"price":[{"numeric":[">",1000000001]}]}`, ScopeAttributes, "out of range"},
		{"negative too big", `{"price":[{"anything-but":[-1e10]}]}`, ScopeBody, "out of range"},
		{"six decimals", `{"price":[{"numeric":["=",1.123456]}]}`, ScopeAttributes, "more than 5 digits"},
		{"six decimals by exponent", `{"price":[1.5e-5]}`, ScopeAttributes, "more than 5 digits"},
		{"wildcard is not SNS", `{"a":[{"wildcard":"x*"}]}`, ScopeBody, "Unrecognized match type wildcard"},
		{"anything-but ignore case is not SNS", `{"a":[{"anything-but":{"equals-ignore-case":"x"}}]}`, ScopeBody, "Unsupported anything-but pattern: equals-ignore-case"},
		// SNS documents anything-but with prefix only (string-value-matching.html);
		// anything-but with suffix is an EventBridge pattern operator.
		{"anything-but suffix is not SNS", `{"a":[{"anything-but":{"suffix":".png"}}]}`, ScopeAttributes, "Unsupported anything-but pattern: suffix"},
		{"prefix ignore case is not SNS", `{"a":[{"prefix":{"equals-ignore-case":"x"}}]}`, ScopeBody, "prefix match pattern must be a string"},
		{"empty array", `{"a":[]}`, ScopeAttributes, "Empty arrays are not allowed"},
		{"two operators in one object", `{"a":[{"prefix":"x","suffix":"y"}]}`, ScopeAttributes, "Only one key allowed"},
		{"bottom above top", `{"a":[{"numeric":[">",10,"<",5]}]}`, ScopeAttributes, "Bottom must be less than top"},
		{"numeric equals range", `{"a":[{"numeric":["=",1,"<",5]}]}`, ScopeAttributes, "Too many elements"},
		{"exists string", `{"a":[{"exists":"yes"}]}`, ScopeAttributes, "either true or false"},
		{"cidr without mask", `{"a":[{"cidr":"10.0.0.1"}]}`, ScopeAttributes, "one '/' required"},
		{"not json", `{"a":`, ScopeAttributes, "not valid JSON"},
		{"not an object", `["a"]`, ScopeAttributes, "not an object"},
		{"duplicate key", `{"a":["1"],"a":["2"]}`, ScopeAttributes, "Duplicate key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CompileSNS([]byte(tt.policy), tt.scope)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("CompileSNS(%s) error = %v, want it to contain %q", tt.policy, err, tt.want)
			}
			var pe *PolicyError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "Invalid parameter: FilterPolicy: ") {
				t.Errorf("error %q is not an SNS PolicyError", err)
			}
		})
	}
}

func TestCompileSNSAccepts(t *testing.T) {
	for _, policy := range []string{
		`{}`,
		`{"price":[{"numeric":[">=",-1000000000,"<=",1000000000]}]}`,
		`{"price":[1.12345, 0.000000, 3.015e2]}`,
		`{"a":[{"anything-but":{"prefix":"tmp/"}}],"b":[{"cidr":"2001:db8::/32"}]}`,
		`{"a":["1","2","3","4","5"],"b":["1","2","3","4","5"],"c":["1","2","3","4","5","6"]}`, // exactly 150
	} {
		if _, err := CompileSNS([]byte(policy), ScopeAttributes); err != nil {
			t.Errorf("CompileSNS(%s): %v", policy, err)
		}
	}
}

func TestBareValueWarns(t *testing.T) {
	p, err := CompileSNS([]byte(`{"filter":"type1"}`), ScopeAttributes)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings()) != 1 || !strings.Contains(p.Warnings()[0], `["type1"]`) {
		t.Errorf("Warnings() = %q, want one suggesting [\"type1\"]", p.Warnings())
	}
}

func TestReasons(t *testing.T) {
	tests := []struct {
		name, policy, input string
		kind                Kind
		scope               Scope
		want                Result
	}{
		{"attribute mismatch", `{"store":["example_corp"]}`, `{"store":{"Type":"String","Value":"other"}}`, KindSNS, ScopeAttributes,
			Result{Key: "store", Want: `"example_corp"`, Got: `"other"`, Reason: `key "store": wanted "example_corp", got "other"`}},
		{"attribute missing", `{"store":["a"],"price_usd":[{"numeric":[">=",100]}]}`, `{"store":{"Type":"String","Value":"a"}}`, KindSNS, ScopeAttributes,
			Result{Key: "price_usd", Want: "numeric >= 100", Missing: true, Reason: `key "price_usd": attribute missing (wanted numeric >= 100)`}},
		{"number trap", `{"price":[{"anything-but":[100,500]}]}`, `{"price":{"Type":"Number","Value":"100"}}`, KindSNS, ScopeAttributes,
			Result{Key: "price", Want: "anything-but [100, 500]", Got: "100", Reason: `key "price": wanted anything-but [100, 500], got 100`}},
		{"several values", `{"a":["x","y"]}`, `{"a":{"Type":"String.Array","Value":"[\"p\",\"q\"]"}}`, KindSNS, ScopeAttributes,
			Result{Key: "a", Want: `one of ["x", "y"]`, Got: `String.Array ["p","q"]`, Reason: `key "a": wanted one of ["x", "y"], got String.Array ["p","q"]`}},
		{"body nested", `{"detail":{"state":[{"prefix":"run"}]}}`, `{"detail":{"state":["stopped","pending"]}}`, KindSNS, ScopeBody,
			Result{Key: "detail.state", Want: `prefix "run"`, Got: `["stopped", "pending"]`, Reason: `key "detail.state": wanted prefix "run", got ["stopped", "pending"]`}},
		{"body not an object", `{"a":["x"]}`, `hello`, KindSNS, ScopeBody,
			Result{Reason: "the message is not a JSON object, so no MessageBody filter policy matches it"}},
		{"exists on an object", `{"k":[{"exists":true}]}`, `{"k":{"S":"v"}}`, KindPattern, 0,
			Result{Key: "k", Want: "exists: true", Got: "an object (filters compare leaf values only)", Reason: `key "k": wanted exists: true, got an object (filters compare leaf values only)`}},
		{"dynamodb N is a string", `{"n":{"N":[{"numeric":[">",1]}]}}`, `{"n":{"N":"42"}}`, KindPattern, 0,
			Result{Key: "n.N", Want: "numeric > 1", Got: `"42"`, Reason: `key "n.N": wanted numeric > 1, got "42"`}},
		{"event key missing", `{"detail":{"x":[1]}}`, `{"detail":{}}`, KindPattern, 0,
			Result{Key: "detail.x", Want: "1", Missing: true, Reason: `key "detail.x": missing from the event (wanted 1)`}},
		{"or", `{"$or":[{"a":["1"]},{"b":["2"]}]}`, `{"a":"3"}`, KindPattern, 0,
			Result{Key: "a", Want: `"1"`, Got: `"3"`, InOr: true, Reason: `no $or branch matched; the first failed at key "a": wanted "1", got "3"`}},
		{"match", `{"a":[{"suffix":{"equals-ignore-case":".PNG"}}]}`, `{"a":"x.png"}`, KindPattern, 0, Result{Match: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p *Policy
			var err error
			if tt.kind == KindSNS {
				p, err = CompileSNS([]byte(tt.policy), tt.scope)
			} else {
				p, err = CompilePattern([]byte(tt.policy))
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Match([]byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Match(%s)\n got %+v\nwant %+v", tt.input, got, tt.want)
			}
		})
	}
}

// TestMatchValueAgrees checks that the decoded-value entry points give the
// same answer as Match on bytes.
func TestMatchValueAgrees(t *testing.T) {
	p, err := CompileSNS([]byte(`{"a":["x"],"n":[{"numeric":["<",5]}]}`), ScopeAttributes)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{
		`{"a":{"Type":"String","Value":"x"},"n":{"Type":"Number","Value":"4"}}`,
		`{"a":{"Type":"String","Value":"x"},"n":{"Type":"Number","Value":"5"}}`,
		`{"a":{"DataType":"String","StringValue":"x"},"n":{"DataType":"Number","StringValue":"1"}}`,
		`{"a":{"Type":"String","Value":"x"},"n":{"Type":"Number","Value":4}}`,
		`{}`,
	} {
		want, err := p.Match([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		var typed map[string]Attribute
		var generic any
		if err := json.Unmarshal([]byte(in), &typed); err != nil {
			t.Fatal(err)
		}
		_ = json.Unmarshal([]byte(in), &generic)
		if got := p.MatchAttributes(typed); got != want {
			t.Errorf("MatchAttributes(%s) = %+v, Match = %+v", in, got, want)
		}
		if got := p.MatchValue(generic); got != want {
			t.Errorf("MatchValue(%s) = %+v, Match = %+v", in, got, want)
		}
	}
}

func TestBadInput(t *testing.T) {
	p, _ := CompileSNS([]byte(`{"a":["x"]}`), ScopeAttributes)
	for _, in := range []string{`[1]`, `{"a":"x"}`, `{"a":{"Value":"x"}}`, `{"a":{"Type":"String","Value":{}}}`, ``} {
		if _, err := p.Match([]byte(in)); err == nil {
			t.Errorf("Match(%q) accepted bad attributes", in)
		}
	}
	ep, _ := CompilePattern([]byte(`{"a":["x"]}`))
	if _, err := ep.Match([]byte(`{"a":`)); err == nil {
		t.Error("pattern Match accepted invalid JSON")
	}
}

func TestWildcard(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"a*c", "ac", true},
		{"a*c", "abbc", true},
		{"a*c", "abcd", false},
		{"*", "", true},
		{"*.png", "x.png.png", true},
		{`a\*b`, "a*b", true},
		{`a\*b`, "axb", false},
		{`a\\b`, `a\b`, true},
		{"*/init/*", "dir/init/file", true},
		{"a*b*a", "aba", true},
		{"a*a", "a", false},
		{"a*b*a", "abba", true},
	}
	for _, tt := range tests {
		w, err := compileWildcard(jval{kind: jStr, s: tt.pattern})
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		if got := w.match(tt.s); got != tt.want {
			t.Errorf("wildcard %q on %q = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
	for _, bad := range []string{"a**b", `a\b`, "*a*b*c*d*e*f"} {
		if _, err := compileWildcard(jval{kind: jStr, s: bad}); err == nil {
			t.Errorf("wildcard %q accepted", bad)
		}
	}
}

func TestDecimals(t *testing.T) {
	for in, want := range map[string]int{"1": 0, "1.5": 1, "1.50": 1, "1.5e-3": 4, "3.015e2": 1, "12e3": 0, "0e-99999": 0, "-0.00001": 5} {
		if got := decimals(in); got != want {
			t.Errorf("decimals(%s) = %d, want %d", in, got, want)
		}
	}
}

// TestArrayText checks the allocation-free String.Array scanner against
// decoding the array with encoding/json.
func TestArrayText(t *testing.T) {
	p, err := CompileSNS([]byte(`{"a":["x", "q\"uote", "é", 5, true, null, {"prefix":"pre"}]}`), ScopeAttributes)
	if err != nil {
		t.Fatal(err)
	}
	f := p.root.items[0].f
	tests := []struct {
		text string
		want bool
	}{
		{`["x"]`, true},
		{` [ "y" , "x" ] `, true},
		{`["q\"uote"]`, true},
		{`["\u00e9"]`, true},
		{`[5.0]`, true},
		{`[5e0]`, true},
		{`["5"]`, false},
		{`[true]`, true},
		{`[false]`, false},
		{`[null]`, true},
		{`[["x"]]`, false},
		{`[{"x":"x"}, "prefixed"]`, true},
		{`[{"a":"]"}, "y"]`, false},
		{`['x']`, false},
		{`["x"`, false},
		{`"x"`, false},
		{`[]`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := f.matchArrayText(tt.text); got != tt.want {
			t.Errorf("matchArrayText(%s) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestConcurrentMatch backs the promise that a Policy may be shared by
// goroutines (run with -race).
func TestConcurrentMatch(t *testing.T) {
	p, err := CompileSNS([]byte(benchPolicy), ScopeAttributes)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			r, err := p.Match([]byte(benchAttributes))
			done <- err == nil && r.Match
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("a concurrent match failed")
		}
	}
}

// TestExistsFalseNeedsSomeAttribute: AWS documents that "exists": false only
// matches when at least one attribute is present (attribute-key-matching.html).
func TestExistsFalseNeedsSomeAttribute(t *testing.T) {
	p, err := CompileSNS([]byte(`{"store": [{"exists": false}]}`), ScopeAttributes)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{`{}`, `null`} {
		r, err := p.Match([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if r.Match || !strings.Contains(r.Reason, "no attributes") {
			t.Errorf("%s: %+v, want no match because there are no attributes", in, r)
		}
	}
	if r := p.MatchAttributes(map[string]Attribute{}); r.Match {
		t.Errorf("empty map matched: %+v", r)
	}
	r, _ := p.Match([]byte(`{"other": {"Type": "String", "Value": "x"}}`))
	if !r.Match {
		t.Errorf("with another attribute present it should match: %+v", r)
	}
}

// TestAttributeKeysInsideOrCount: attribute-based policies count every key,
// payload-based ones only the top level (subscription-filter-policy-constraints.html).
func TestAttributeKeysInsideOrCount(t *testing.T) {
	policy := []byte(`{"a": ["1"], "b": ["1"], "c": ["1"], "d": ["1"], "$or": [{"e": ["1"]}, {"f": ["1"]}]}`)
	if _, err := CompileSNS(policy, ScopeAttributes); err == nil || !strings.Contains(err.Error(), "more than 5 keys") {
		t.Errorf("attribute scope: 6 keys counting $or should be rejected, got %v", err)
	}
	if _, err := CompileSNS(policy, ScopeBody); err != nil {
		t.Errorf("body scope counts only the 5 top-level keys: %v", err)
	}
}
