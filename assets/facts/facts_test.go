package facts

import (
	"strings"
	"testing"
	"testing/fstest"
)

const goodFact = `- id: a.b
  value: "1"
  text: one thing
  source: https://docs.aws.amazon.com/x.html
  checked: 2026-11-26
`

func load(t *testing.T, text string) (*Registry, string) {
	t.Helper()
	r, err := Load(fstest.MapFS{"f.yaml": {Data: []byte(text)}}, "facts")
	if err != nil {
		return r, err.Error()
	}
	return r, ""
}

func TestBuiltinFactsLoad(t *testing.T) {
	if r, err := Builtin(); err != nil || r.Len() < 50 {
		t.Fatalf("%v", err)
	}
}

func TestEveryMalformedFactIsReported(t *testing.T) {
	text := goodFact + "- id: c\n  colour: blue\n- id: d\n  value: [1]\n" + strings.ReplaceAll(goodFact, "a.b", "e")
	r, err := load(t, text)
	if !strings.Contains(err, "facts/f.yaml:7:") || !strings.Contains(err, "facts/f.yaml:9:") {
		t.Fatalf("both malformed facts are reported with their lines:\n%s", err)
	}
	if _, ok := r.Get("e"); !ok {
		t.Error("the good fact after them still loads")
	}
}

func TestAliasesAreRefusedInFacts(t *testing.T) {
	_, err := load(t, "- &x\n  id: a\n- *x\n")
	if !strings.Contains(err, "facts/f.yaml:3:") || !strings.Contains(err, "aliases") {
		t.Fatalf("%s", err)
	}
}

func TestFactsWithBOM(t *testing.T) {
	if r, err := load(t, "\ufeff"+goodFact); err != "" || r.Len() != 1 {
		t.Fatalf("%s", err)
	}
}
