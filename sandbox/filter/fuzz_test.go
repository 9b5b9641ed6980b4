package filter

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tutor-dev/tutor/sandbox/internal/conformance"
)

// corpusSeeds returns the conformance policies and inputs when the corpus is
// present, so the fuzzers start from real shapes; nil otherwise.
func corpusSeeds() (policies, inputs [][]byte) {
	conf, err := conformance.Dir()
	if err != nil {
		return nil, nil
	}
	for _, name := range []string{"filter-cases.json", "filter-cases-invalid-patterns.json", "sns-filter-complexity.json"} {
		data, err := os.ReadFile(filepath.Join(conf, name))
		if err != nil {
			continue
		}
		var cases []struct {
			Policy json.RawMessage `json:"policy"`
			Input  json.RawMessage `json:"input"`
		}
		if json.Unmarshal(data, &cases) != nil {
			continue
		}
		for _, c := range cases {
			policies = append(policies, c.Policy)
			if c.Input != nil {
				inputs = append(inputs, c.Input)
			}
		}
	}
	return policies, inputs
}

var inlinePolicies = []string{
	`{}`,
	`{"a":["x",1,true,null,{"prefix":"p"},{"suffix":"s"},{"equals-ignore-case":"E"}]}`,
	`{"a":[{"anything-but":["x","y"]},{"anything-but":{"prefix":"p"}},{"anything-but":[1,2]}]}`,
	`{"a":[{"numeric":[">",0,"<=",100]},{"numeric":["=",3.5]},{"exists":false}]}`,
	`{"a":[{"cidr":"10.0.0.0/8"},{"cidr":"2001:db8::/32"}],"$or":[{"b":["1"]},{"c":{"d":["2"]}}]}`,
	`{"a":{"b.c":[{"wildcard":"x*y\\*z"}],"d":[{"anything-but":{"wildcard":["*q*"]}}]}}`,
	`{"a":[{"prefix":{"equals-ignore-case":"Ab"}},{"suffix":{"equals-ignore-case":"Cd"}}]}`,
}

var inlineInputs = []string{
	`{}`, `{"a":"x"}`, `{"a":{"Type":"String.Array","Value":"[\"x\",1,null,[2]]"}}`,
	`{"a":{"Type":"Number","Value":"1e3"}}`, `{"a":[[{"b":{"c":"xqy*z"}}]],"a.b":{"c":null}}`,
	`"raw"`, `[]`, `{"a":{"Type":"Binary","Value":"AAE="}}`,
}

func seedPolicies(f *testing.F, add func(p []byte)) {
	ps, _ := corpusSeeds()
	for _, p := range ps {
		add(p)
	}
	for _, p := range inlinePolicies {
		add([]byte(p))
	}
}

func FuzzCompileSNS(f *testing.F) {
	seedPolicies(f, func(p []byte) { f.Add(p, false); f.Add(p, true) })
	f.Fuzz(func(t *testing.T, policy []byte, body bool) {
		scope := ScopeAttributes
		if body {
			scope = ScopeBody
		}
		p, err := CompileSNS(policy, scope)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if n, err := Combinations(policy); err != nil || n > MaxCombinations || n != p.Combinations() {
			t.Fatalf("accepted policy counts %d combinations (%v), Policy says %d", n, err, p.Combinations())
		}
		r, _ := p.Match([]byte(`{}`))
		checkResult(t, r)
	})
}

func FuzzCompilePattern(f *testing.F) {
	seedPolicies(f, func(p []byte) { f.Add(p) })
	f.Fuzz(func(t *testing.T, pattern []byte) {
		p, err := CompilePattern(pattern)
		if err != nil {
			return
		}
		r, err := p.Match([]byte(`{"a":[1,"x",null,{"b":true}]}`))
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, r)
	})
}

func FuzzMatch(f *testing.F) {
	ps, ins := corpusSeeds()
	for _, p := range inlinePolicies {
		ps = append(ps, []byte(p))
	}
	for _, in := range inlineInputs {
		ins = append(ins, []byte(in))
	}
	for i, p := range ps {
		f.Add(p, ins[i%len(ins)], uint8(i%3))
	}
	f.Fuzz(func(t *testing.T, policy, input []byte, kind uint8) {
		var p *Policy
		var err error
		switch kind % 3 {
		case 0:
			p, err = CompileSNS(policy, ScopeAttributes)
		case 1:
			p, err = CompileSNS(policy, ScopeBody)
		default:
			p, err = CompilePattern(policy)
		}
		if err != nil {
			return
		}
		r, err := p.Match(input)
		if err != nil {
			return
		}
		checkResult(t, r)
		if kind%3 == 0 {
			checkFastAttributes(t, p, input, r)
		}
		if kind%3 != 0 { // decoded input must agree with bytes
			var v any
			if json.Unmarshal(input, &v) == nil {
				if r2 := p.MatchValue(v); r2 != r {
					t.Fatalf("MatchValue = %+v, Match = %+v", r2, r)
				}
			}
		}
	})
}

func checkResult(t *testing.T, r Result) {
	t.Helper()
	if r.Match != (r.Reason == "") {
		t.Fatalf("match=%v with reason %q", r.Match, r.Reason)
	}
}

// checkFastAttributes checks that the reflection-free attribute reader
// agrees with encoding/json whenever it takes an input.
func checkFastAttributes(t *testing.T, p *Policy, input []byte, r Result) {
	t.Helper()
	_, fast := scanAttributes(string(input), nil)
	var attrs map[string]Attribute
	err := json.Unmarshal(input, &attrs)
	if fast && err != nil {
		t.Fatalf("scanAttributes took %q, which encoding/json rejects: %v", input, err)
	}
	if err == nil {
		if r2 := p.MatchAttributes(attrs); r2 != r {
			t.Fatalf("Match = %+v, MatchAttributes after encoding/json = %+v", r, r2)
		}
	}
}
