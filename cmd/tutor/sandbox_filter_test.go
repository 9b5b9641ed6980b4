package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSandboxFilter(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	snsPolicy := write("sns.json", `{"store": ["example_corp"], "price_usd": [{"numeric": [">=", 100]}]}`)
	attrsOK := write("ok.json", `{"store": {"Type": "String", "Value": "example_corp"}, "price_usd": {"Type": "Number", "Value": "210.75"}}`)
	attrsBad := write("bad.json", `{"store": {"Type": "String", "Value": "other"}}`)
	body := write("body.json", `{"store": "example_corp", "price_usd": 99}`)
	rawBody := write("raw.txt", `just text`)
	pattern := write("pattern.json", `{"detail": {"state": [{"anything-but": "initializing"}]}}`)
	event := write("event.json", `{"detail": {"state": "initializing"}}`)
	tooComplex := write("complex.json", `{"a":["1","2","3","4","5","6"],"b":["1","2","3","4","5","6"],"c":["1","2","3","4","5","6"]}`)
	badOp := write("badop.json", `{"a":[{"NUMERIC":["=",5]}]}`)
	bare := write("bare.json", `{"store":"example_corp"}`)
	missing := filepath.Join(dir, "nope.json")

	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   string // exact, when not ""
		stderrIn string // substring of stderr, when not ""
	}{
		{"sns attributes match", []string{"--kind", "sns", "--policy", snsPolicy, "--input", attrsOK}, "", 0, "match\n", ""},
		{"sns attributes mismatch", []string{"--kind", "sns", "--policy", snsPolicy, "--input", attrsBad}, "", 0,
			"no match: key \"store\": wanted \"example_corp\", got \"other\"\n", ""},
		{"sns body", []string{"--kind", "sns", "--scope", "body", "--policy", snsPolicy, "--input", body}, "", 0,
			"no match: key \"price_usd\": wanted numeric >= 100, got 99\n", ""},
		{"sns body raw message", []string{"--kind", "sns", "--scope", "body", "--policy", snsPolicy, "--input", rawBody}, "", 0,
			"no match: the message is not a JSON object, so no MessageBody filter policy matches it\n", ""},
		{"json match", []string{"--kind", "sns", "--policy", snsPolicy, "--input", attrsOK, "--json"}, "", 0,
			"{\"match\":true,\"reason\":\"\"}\n", ""},
		{"pattern mismatch json", []string{"--kind", "pattern", "--policy", pattern, "--input", event, "--json"}, "", 0,
			`{"match":false,"key":"detail.state","want":"anything-but \"initializing\"","got":"\"initializing\"","reason":"key \"detail.state\": wanted anything-but \"initializing\", got \"initializing\""}` + "\n", ""},
		{"policy from stdin", []string{"--kind", "pattern", "--policy", "-", "--input", event}, `{"detail":{"state":["initializing"]}}`, 0, "match\n", ""},
		{"input from stdin", []string{"--kind", "sns", "--policy", snsPolicy, "--input", "-"}, `{"store":{"Type":"String","Value":"x"}}`, 0,
			"no match: key \"store\": wanted \"example_corp\", got \"x\"\n", ""},
		{"bare value warns", []string{"--kind", "sns", "--policy", bare, "--input", attrsOK}, "", 0, "match\n", `write the value as an array, ["example_corp"]`},
		{"too complex", []string{"--kind", "sns", "--policy", tooComplex, "--input", attrsOK}, "", 1, "-", "Filter policy is too complex (216 combinations; the limit is 150)"},
		{"bad operator", []string{"--kind", "pattern", "--policy", badOp, "--input", event}, "", 1, "-", "Unrecognized match type NUMERIC"},
		{"missing policy file", []string{"--kind", "sns", "--policy", missing, "--input", attrsOK}, "", 1, "-", "nope.json"},
		{"missing input file", []string{"--kind", "sns", "--policy", snsPolicy, "--input", missing}, "", 1, "-", "nope.json"},
		{"bad input", []string{"--kind", "sns", "--policy", snsPolicy, "--input", body}, "", 1, "-", "body.json"},
		{"no kind", []string{"--policy", snsPolicy, "--input", attrsOK}, "", 2, "-", "--kind is required"},
		{"bad kind", []string{"--kind", "sqs", "--policy", snsPolicy, "--input", attrsOK}, "", 2, "-", "--kind must be sns or pattern"},
		{"bad scope", []string{"--kind", "sns", "--scope", "headers", "--policy", snsPolicy, "--input", attrsOK}, "", 2, "-", "--scope must be attributes or body"},
		{"scope on pattern", []string{"--kind", "pattern", "--scope", "body", "--policy", pattern, "--input", event}, "", 2, "-", "--scope applies only to --kind sns"},
		{"no policy", []string{"--kind", "sns", "--input", attrsOK}, "", 2, "-", "--policy FILE is required"},
		{"no input", []string{"--kind", "sns", "--policy", snsPolicy}, "", 2, "-", "--input FILE is required"},
		{"both stdin", []string{"--kind", "sns", "--policy", "-", "--input", "-"}, "", 2, "-", "only one of --policy and --input"},
		{"unknown flag", []string{"--kind", "sns", "--polcy", snsPolicy}, "", 2, "-", "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			g := &globals{stdin: strings.NewReader(tt.stdin), stdout: &out, stderr: &errOut}
			code := run(g, append([]string{"sandbox", "filter"}, tt.args...))
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out.String(), errOut.String())
			}
			if tt.stdout == "-" && out.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", out.String())
			} else if tt.stdout != "-" && out.String() != tt.stdout {
				t.Errorf("stdout = %q\n  want %q", out.String(), tt.stdout)
			}
			if tt.stderrIn != "" && !strings.Contains(errOut.String(), tt.stderrIn) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tt.stderrIn)
			}
			if tt.code != 0 && strings.Count(strings.TrimSpace(errOut.String()), "\n") > 1 {
				t.Errorf("error is more than one line (plus usage hint): %q", errOut.String())
			}
			if tt.stderrIn == "" && tt.code == 0 && errOut.Len() != 0 {
				t.Errorf("unexpected stderr %q", errOut.String())
			}
		})
	}
}

// TestSandboxFilterJSONShape pins the --json fields scripts read.
func TestSandboxFilterJSONShape(t *testing.T) {
	var out bytes.Buffer
	g := &globals{stdin: strings.NewReader(`{"a":{"Type":"String","Value":"b"}}`), stdout: &out, stderr: &bytes.Buffer{}}
	dir := t.TempDir()
	policy := filepath.Join(dir, "p.json")
	if err := os.WriteFile(policy, []byte(`{"a":["c"]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := run(g, []string{"sandbox", "filter", "--kind", "sns", "--policy", policy, "--input", "-", "--json"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["match"] != false || got["reason"] != `key "a": wanted "c", got "b"` {
		t.Errorf("--json = %s", out.String())
	}
}
