package exercises

import (
	"encoding/json"
	"testing"
)

func TestEqualEmptyIsNull(t *testing.T) {
	for _, c := range []struct {
		want, got string
		eq        bool
	}{
		{`[]`, `null`, true},
		{`{"charged": []}`, `{"charged": null}`, true},
		{`{"charged": []}`, `{}`, true},
		{`{"charged": ["a"]}`, `{}`, false},
		{`{"a": 1}`, `{"a": 1, "b": 2}`, false},
		{`[1, 2]`, `[2, 1]`, false},
		{`150`, `150`, true},
	} {
		var w, g any
		json.Unmarshal([]byte(c.want), &w)
		json.Unmarshal([]byte(c.got), &g)
		if equal(w, g) != c.eq {
			t.Errorf("equal(%s, %s) = %v", c.want, c.got, !c.eq)
		}
	}
}
