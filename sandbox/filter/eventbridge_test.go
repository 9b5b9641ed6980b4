package filter

import "testing"

// The comparison operators EventBridge documents for event patterns on an
// event bus (eb-create-pattern-operators.html), beyond event source
// mapping filters: anything-but with prefix, suffix, equals-ignore-case or
// wildcard, wildcard itself, and prefix/suffix ignoring case. Each is
// matched against one event as EventBridge delivers it.
func TestEventBridgeOperators(t *testing.T) {
	event := []byte(`{"version":"0","id":"x","detail-type":"OrderPlaced","source":"com.example.orders","account":"123456789012",
"time":"2026-11-26T14:03:27Z","region":"eu-west-1","resources":[],
"detail":{"total":250,"file":"reports/q3.csv","ip":"10.0.3.7","tier":"GOLD","path":"/usr/lib/x"}}`)
	cases := []struct {
		pattern string
		match   bool
	}{
		{`{"source":[{"wildcard":"com.example.*"}]}`, true},
		{`{"source":[{"wildcard":"*.billing"}]}`, false},
		{`{"region":[{"anything-but":{"prefix":"us-"}}]}`, true},
		{`{"region":[{"anything-but":{"prefix":"eu-"}}]}`, false},
		{`{"detail":{"file":[{"anything-but":{"suffix":".png"}}]}}`, true},
		{`{"detail":{"file":[{"anything-but":{"suffix":".csv"}}]}}`, false},
		{`{"detail":{"tier":[{"anything-but":{"equals-ignore-case":"gold"}}]}}`, false},
		{`{"detail":{"path":[{"anything-but":{"wildcard":"*/lib/*"}}]}}`, false},
		{`{"detail":{"tier":[{"equals-ignore-case":"gold"}]}}`, true},
		{`{"detail":{"tier":[{"prefix":{"equals-ignore-case":"go"}}]}}`, true},
		{`{"detail":{"tier":[{"suffix":{"equals-ignore-case":"ld"}}]}}`, true},
		{`{"detail":{"ip":[{"cidr":"10.0.0.0/16"}]}}`, true},
		{`{"detail":{"coupon":[{"exists":false}]}}`, true},
		{`{"detail":{"total":[{"numeric":[">=",100,"<",500]}]}}`, true},
		{`{"$or":[{"detail":{"total":[{"numeric":[">",1000]}]}},{"detail-type":["OrderPlaced"]}]}`, true},
		{`{"detail-type":["orderplaced"]}`, false},
	}
	for _, c := range cases {
		p, err := CompilePattern([]byte(c.pattern))
		if err != nil {
			t.Errorf("%s: %v", c.pattern, err)
			continue
		}
		res, err := p.Match(event)
		if err != nil || res.Match != c.match {
			t.Errorf("%s: match %v (%s) %v, want %v", c.pattern, res.Match, res.Reason, err, c.match)
		}
	}
}
