package sim

import (
	"testing"
)

// TestExamplesShipAndLoad: every shipped example has a source and a
// description and loads as a scenario.
func TestExamplesShipAndLoad(t *testing.T) {
	ex := Examples()
	if len(ex) < 20 {
		t.Fatalf("%d examples shipped", len(ex))
	}
	for _, e := range ex {
		if !e.Source.Valid() || e.Description == "" {
			t.Errorf("%s: source %q, description %q", e.Name, e.Source, e.Description)
		}
		data, ok := ExampleScenario(e.Name)
		if !ok {
			t.Errorf("%s: not found by name", e.Name)
			continue
		}
		if _, err := Load(e.Name+".yaml", data); err != nil {
			t.Errorf("%s: %v", e.Name, err)
		}
	}
	for _, bad := range []string{"", "nope", "../load", "rejected/sqs-visibility-too-short"} {
		if _, ok := ExampleScenario(bad); ok {
			t.Errorf("%q found", bad)
		}
	}
}
