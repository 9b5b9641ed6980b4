package filter

import (
	"encoding/json"
	"testing"
)

// TestScanAttributes checks the fast attribute reader against encoding/json
// on the shapes it takes and that it gives up on the ones it must not take.
func TestScanAttributes(t *testing.T) {
	tests := []struct {
		in   string
		fast bool
	}{
		{`{}`, true},
		{` { "a" : { "Type" : "String" , "Value" : "x" } } `, true},
		{`{"a":{"Value":"x","Type":"String"},"b":{"Type":"Number","Value":"1.5"}}`, true},
		{`{"a":{"Type":"String.Array","Value":"[\"x\", \"y\\\\z\"]"}}`, true},
		{`{"a":{"Type":"String","Value":"tab\there\/"}}`, true},
		{`{"a":{"Type":"String","Value":"x"},"a":{"Type":"String","Value":"y"}}`, true},
		{`{"a":{"Type":"String","Value":"\u00e9"}}`, false},
		{`{"a":{"type":"String","value":"x"}}`, false},
		{`{"a":{"DataType":"String","StringValue":"x"}}`, false},
		{`{"a":{"Type":"Number","Value":5}}`, false},
		{`{"a":{"Type":"String"}}`, false},
		{`{"a":{"Type":"String","Value":"x","Type":"Number"}}`, false},
		{"{\"a\":{\"Type\":\"String\",\"Value\":\"\xff\"}}", false},
		{`{"a":{"Type":"String","Value":"x"}} x`, false},
		{`{"a":{"Type":"String","Value":"x"},}`, false},
		{`null`, false},
		{`[]`, false},
	}
	p, err := CompileSNS([]byte(`{"a":["x","y","y\\z",{"prefix":"tab"}],"b":[{"numeric":[">",1]}]}`), ScopeAttributes)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		list, fast := scanAttributes(tt.in, nil)
		if fast != tt.fast {
			t.Errorf("scanAttributes(%s) ok = %v, want %v", tt.in, fast, tt.fast)
		}
		if !fast {
			continue
		}
		var want map[string]Attribute
		if err := json.Unmarshal([]byte(tt.in), &want); err != nil {
			t.Fatalf("%s: encoding/json: %v", tt.in, err)
		}
		in := &input{list: list}
		for name, a := range want {
			if got, ok := in.attr(name); !ok || got != a {
				t.Errorf("%s: attribute %q = %+v, want %+v", tt.in, name, got, a)
			}
		}
		if r1, r2 := p.eval(in), p.MatchAttributes(want); r1 != r2 {
			t.Errorf("%s: fast %+v, encoding/json %+v", tt.in, r1, r2)
		}
	}
}

func TestMalformedDecodedAttribute(t *testing.T) {
	p, err := CompileSNS([]byte(`{"a":[""],"b":[{"exists":true}]}`), ScopeAttributes)
	if err != nil {
		t.Fatal(err)
	}
	r := p.MatchValue(map[string]any{"a": "not an attribute object", "b": 1})
	want := Result{Key: "a", Want: `""`, Got: "an attribute without a Type", Reason: `key "a": wanted "", got an attribute without a Type`}
	if r != want {
		t.Errorf("got %+v\nwant %+v", r, want)
	}
	pat, _ := CompilePattern([]byte(`{"a":["x"]}`))
	if r := pat.MatchAttributes(nil); r.Match || r.Reason == "" {
		t.Errorf("a pattern matched attributes: %+v", r)
	}
}
