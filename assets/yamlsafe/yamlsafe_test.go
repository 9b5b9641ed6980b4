package yamlsafe

import (
	"errors"
	"strings"
	"testing"
)

// bomb is the classic "billion laughs": nine levels of nine aliases each.
const bomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

func TestRefusesAliasBomb(t *testing.T) {
	var v map[string]any
	err := Unmarshal([]byte(bomb), &v)
	var ae *AliasError
	if !errors.As(err, &ae) {
		t.Fatalf("Unmarshal(bomb) = %v, want an AliasError", err)
	}
	if ae.Line != 2 || ae.Name != "a" {
		t.Errorf("alias at line %d named %q, want line 2 named a", ae.Line, ae.Name)
	}
	if !strings.Contains(err.Error(), "2:") {
		t.Errorf("error %q does not name the line", err)
	}
}

func TestPlainYAMLDecodes(t *testing.T) {
	var v struct {
		ID    string   `yaml:"id"`
		Items []string `yaml:"items"`
	}
	if err := Unmarshal([]byte("id: x\nitems: [a, b]\n"), &v); err != nil {
		t.Fatal(err)
	}
	if v.ID != "x" || len(v.Items) != 2 {
		t.Errorf("decoded %+v", v)
	}
}

func TestRegionKeepsPositions(t *testing.T) {
	data := []byte("question: q\nscenario: {source: sqs,\n  records: []}\nknobs: [a]\n")
	got := string(Region(data, 2, 11, 3))
	want := "\n          {source: sqs,\n  records: []}\n\n"
	if got != want {
		t.Errorf("Region = %q, want %q", got, want)
	}
}
