package filter

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tutor-dev/tutor/sandbox/internal/conformance"
)

// conformanceDir is the conformance corpus shipped in the repository.
func conformanceDir(t testing.TB) string { return conformance.MustDir(t) }

func readCorpus(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(conformanceDir(t), name))
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

type corpusCase struct {
	Source        string          `json:"source"`
	Kind          string          `json:"kind"`
	Scope         string          `json:"scope"`
	Target        string          `json:"target"`
	Policy        json.RawMessage `json:"policy"`
	Input         json.RawMessage `json:"input"`
	Match         bool            `json:"match"`
	Evidence      string          `json:"evidence"`
	Name          string          `json:"name"`
	Note          string          `json:"note"`
	MessageFormat string          `json:"message_format"`
}

// compileCase compiles a corpus policy the way its kind and scope say.
func compileCase(c corpusCase) (*Policy, error) {
	if c.Kind == "event-pattern" {
		return CompilePattern(c.Policy)
	}
	scope, err := ParseScope(c.Scope)
	if err != nil {
		return nil, err
	}
	return CompileSNS(c.Policy, scope)
}

// caseInput is the bytes SNS or the matcher would see: a raw-string message
// is the text itself, not its JSON quoting.
func caseInput(c corpusCase) []byte {
	if c.MessageFormat == "raw-string" {
		var s string
		if json.Unmarshal(c.Input, &s) == nil {
			return []byte(s)
		}
	}
	return c.Input
}

func TestConformanceCases(t *testing.T) {
	var cases []corpusCase
	readCorpus(t, "filter-cases.json", &cases)
	if len(cases) != 387 {
		t.Errorf("filter-cases.json has %d cases, want 387", len(cases))
	}
	agree := 0
	for i, c := range cases {
		p, err := compileCase(c)
		if err != nil {
			t.Errorf("case %d %s (%s, %s): policy rejected: %v\npolicy: %s\nsource: %s", i, c.Name, c.Kind, c.Scope+c.Target, err, c.Policy, c.Source)
			continue
		}
		r, err := p.Match(caseInput(c))
		if err != nil {
			t.Errorf("case %d %s: input rejected: %v\ninput: %s", i, c.Name, err, c.Input)
			continue
		}
		if r.Match != c.Match {
			t.Errorf("case %d %s (%s %s%s, %s): got match=%v, want %v\npolicy: %s\ninput:  %s\nreason: %s\nnote:   %s",
				i, c.Name, c.Kind, c.Scope, c.Target, c.Evidence, r.Match, c.Match, c.Policy, c.Input, r.Reason, c.Note)
			continue
		}
		if !r.Match && r.Reason == "" {
			t.Errorf("case %d %s: a mismatch without a reason", i, c.Name)
		}
		agree++
	}
	t.Logf("%d of %d cases agree", agree, len(cases))
}

func TestConformanceInvalidPatterns(t *testing.T) {
	var cases []struct {
		Name   string          `json:"name"`
		Policy json.RawMessage `json:"policy"`
		Expect string          `json:"expect"`
	}
	readCorpus(t, "filter-cases-invalid-patterns.json", &cases)
	if len(cases) != 38 {
		t.Errorf("filter-cases-invalid-patterns.json has %d patterns, want 38", len(cases))
	}
	for i, c := range cases {
		_, err := CompilePattern(c.Policy)
		if err == nil {
			t.Errorf("pattern %d %s: accepted, want %s\npattern: %s", i, c.Name, c.Expect, c.Policy)
			continue
		}
		t.Logf("%s: %v", c.Name, err)
	}
}

func TestConformanceComplexity(t *testing.T) {
	var cases []struct {
		Source       string          `json:"source"`
		Scope        string          `json:"scope"`
		Policy       json.RawMessage `json:"policy"`
		Combinations int             `json:"combinations"`
		Valid        bool            `json:"valid"`
	}
	readCorpus(t, "sns-filter-complexity.json", &cases)
	if len(cases) != 6 {
		t.Errorf("sns-filter-complexity.json has %d policies, want 6", len(cases))
	}
	for i, c := range cases {
		n, err := Combinations(c.Policy)
		if err != nil || n != c.Combinations {
			t.Errorf("policy %d: Combinations = %d, %v; want %d\npolicy: %s", i, n, err, c.Combinations, c.Policy)
		}
		scope, _ := ParseScope(c.Scope)
		p, err := CompileSNS(c.Policy, scope)
		if (err == nil) != c.Valid {
			t.Errorf("policy %d: CompileSNS error = %v, want valid=%v\npolicy: %s", i, err, c.Valid, c.Policy)
		}
		if err == nil && p.Combinations() != c.Combinations {
			t.Errorf("policy %d: Policy.Combinations = %d, want %d", i, p.Combinations(), c.Combinations)
		}
	}
}
