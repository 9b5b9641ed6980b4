package course

import (
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/assets/yamlsafe"
)

func TestNodeJSONKeepsOrderAndNumbers(t *testing.T) {
	for _, tt := range []struct{ yaml, json, err string }{
		{`{z: 1, a: [1.50, 1e400, 12345678901234567890], "$or": [{b: ">="}]}`, `{"z": 1, "a": [1.50, 1e400, 12345678901234567890], "$or": [{"b": ">="}]}`, ""},
		{"m: |\n  two\n  lines\nn: null\nt: true\ns: 'x&y<z'", `{"m": "two\nlines\n", "n": null, "t": true, "s": "x&y<z"}`, ""},
		{`{a: 0x1F}`, "", "1:5: 0x1F is not a number JSON can hold"},
		{`{a: !!str 1}`, "", "1:5: YAML tags"},
	} {
		f, err := yamlsafe.Parse([]byte(tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		got, err := nodeJSON(f.Docs[0].Body)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.yaml, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.json {
			t.Errorf("%s:\n got %s (%v)\nwant %s", tt.yaml, got, err, tt.json)
		}
	}
}
