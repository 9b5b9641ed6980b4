package filter

import (
	"encoding/json"
	"testing"
)

// The SNS docs' example policy and a message it matches.
const (
	benchPolicy = `{
  "store": ["example_corp"],
  "event": [{"anything-but": "order_cancelled"}],
  "customer_interests": ["rugby", "football", "baseball"],
  "price_usd": [{"numeric": [">=", 100]}]
}`
	benchAttributes = `{
  "store": {"Type": "String", "Value": "example_corp"},
  "event": {"Type": "String", "Value": "order_placed"},
  "customer_interests": {"Type": "String.Array", "Value": "[\"soccer\", \"rugby\", \"hockey\"]"},
  "price_usd": {"Type": "Number", "Value": "210.75"}
}`
)

// BenchmarkMatchSNS matches one compiled policy against a typical SNS
// message's attributes: decoded once (the hot loop of a lab or simulator)
// and from JSON bytes (what the CLI does once per input).
func BenchmarkMatchSNS(b *testing.B) {
	p, err := CompileSNS([]byte(benchPolicy), ScopeAttributes)
	if err != nil {
		b.Fatal(err)
	}
	var attrs map[string]Attribute
	if err := json.Unmarshal([]byte(benchAttributes), &attrs); err != nil {
		b.Fatal(err)
	}
	if !p.MatchAttributes(attrs).Match {
		b.Fatal("the benchmark message does not match")
	}
	b.Run("attributes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !p.MatchAttributes(attrs).Match {
				b.Fatal("no match")
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		data := []byte(benchAttributes)
		b.ReportAllocs()
		for b.Loop() {
			if r, _ := p.Match(data); !r.Match {
				b.Fatal("no match")
			}
		}
	})
}
