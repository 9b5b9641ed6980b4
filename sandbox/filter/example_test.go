package filter_test

import (
	"fmt"

	"github.com/tutor-dev/tutor/sandbox/filter"
)

// Compile once, then match many messages; a mismatch names the key.
func ExampleCompileSNS() {
	p, err := filter.CompileSNS([]byte(`{
		"store": ["example_corp"],
		"price_usd": [{"numeric": [">=", 100]}]
	}`), filter.ScopeAttributes)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, msg := range []map[string]filter.Attribute{
		{"store": {Type: "String", Value: "example_corp"}, "price_usd": {Type: "Number", Value: "210.75"}},
		{"store": {Type: "String", Value: "other"}},
		{"store": {Type: "String", Value: "example_corp"}},
	} {
		if r := p.MatchAttributes(msg); r.Match {
			fmt.Println("match")
		} else {
			fmt.Println("no match:", r.Reason)
		}
	}
	// Output:
	// match
	// no match: key "store": wanted "example_corp", got "other"
	// no match: key "price_usd": attribute missing (wanted numeric >= 100)
}

// An invalid policy is rejected with AWS's reason.
func ExampleCompileSNS_limit() {
	_, err := filter.CompileSNS([]byte(`{"a":[1,2,3,4,5,6],"b":[1,2,3,4,5,6],"c":[1,2,3,4,5,6]}`), filter.ScopeAttributes)
	fmt.Println(err)
	// Output:
	// Invalid parameter: FilterPolicy: Filter policy is too complex (216 combinations; the limit is 150)
}

// Event patterns see numbers only as numbers: a DynamoDB "N" is a string.
func ExampleCompilePattern() {
	p, _ := filter.CompilePattern([]byte(`{"dynamodb": {"NewImage": {"qty": {"N": [{"numeric": [">", 10]}]}}}}`))
	r, _ := p.Match([]byte(`{"dynamodb": {"NewImage": {"qty": {"N": "42"}}}}`))
	fmt.Println(r.Match, r.Reason)
	fmt.Println(p.Keys())
	// Output:
	// false key "dynamodb.NewImage.qty.N": wanted numeric > 10, got "42"
	// [dynamodb.NewImage.qty.N]
}
