package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/assets/source"
)

func TestSandboxSimulate(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	poison := filepath.Join("..", "..", "sandbox", "sim", "testdata", "sqs-poison-partial.yaml")
	badField := write("bad.yaml", "source: sqs\nqueue:\n  visibility: 30s\n")
	badValue := write("value.yaml", "source: kinesis\nmapping: {parallelization_factor: 0}\n")
	unknownHandler := write("handler.yaml", "source: sqs\nhandler: nope\n")
	visibility := write("vis.yaml", "source: sqs\nbehaviour:\n  rules: [{result: error}]\nqueue: {visibility_timeout: 0s}\nrecords: [{id: m1}]\n")
	bomb := write("bomb.yaml", "source: sqs\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   []string // substrings
		stderrIn string
	}{
		{"human", []string{poison}, "", 0, []string{"Timeline (sqs):", "+1m30s  dlq", "succeeded 9, to DLQ 1"}, ""},
		{"json", []string{poison, "--json"}, "", 0, []string{`"source":"sqs"`, `"to_dlq":1`, `"m3":{"deliveries":3,"outcome":"dlq"}`}, ""},
		{"stdin", []string{"-", "--json"}, "source: s3\nrecords: [{id: e1, key: a.txt}]\n", 0, []string{`"e1":{"deliveries":1,"outcome":"succeeded"}`}, ""},
		{"no scenario", nil, "", 2, nil, "one scenario file"},
		{"two scenarios", []string{poison, poison}, "", 2, nil, "one scenario file"},
		{"bad flag", []string{poison, "--jsn"}, "", 2, nil, "unknown flag"},
		{"missing file", []string{filepath.Join(dir, "none.yaml")}, "", 1, nil, "none.yaml"},
		{"unknown field", []string{badField}, "", 1, nil, "bad.yaml:3:3: unknown field \"visibility\""},
		{"invalid value", []string{badValue}, "", 1, nil, "value.yaml:2:35: mapping.parallelization_factor: must be 1-10"},
		{"unknown handler", []string{unknownHandler}, "", 1, nil, `unknown handler "nope" (known: `},
		{"visibility 0s", []string{visibility}, "", 1, nil, "vis.yaml:4:29: queue.visibility_timeout: 0s is shorter than function.timeout 3s"},
		{"alias bomb", []string{bomb}, "", 1, nil, "bomb.yaml:3:8: YAML aliases (*a) are not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			g := &globals{stdin: strings.NewReader(tt.stdin), stdout: &out, stderr: &errb}
			code := run(g, append([]string{"sandbox", "simulate"}, tt.args...))
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errb.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			if tt.stderrIn != "" && !strings.Contains(errb.String(), tt.stderrIn) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.stderrIn)
			}
			if tt.code != 0 && strings.Count(strings.TrimSpace(errb.String()), "\n") > 1 {
				t.Errorf("error is more than a line or two: %q", errb.String())
			}
			if tt.code == 0 && strings.Contains(strings.Join(tt.args, " "), "--json") {
				var v map[string]any
				if err := json.Unmarshal(out.Bytes(), &v); err != nil {
					t.Errorf("--json output is not JSON: %v", err)
				}
			}
		})
	}
}

func TestSandboxSimulateFull(t *testing.T) {
	scenario := "source: sqs\nmapping: {batch_size: 1}\ngenerate: {count: 10001, body: 'n{{.N}}'}\n"
	for _, full := range []bool{false, true} {
		args := []string{"sandbox", "simulate", "-", "--json"}
		if full {
			args = append(args, "--full")
		}
		var out, errb bytes.Buffer
		g := &globals{stdin: strings.NewReader(scenario), stdout: &out, stderr: &errb}
		if code := run(g, args); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		var res struct {
			Metrics   struct{ Succeeded int }
			Records   map[string]any
			Timeline  []any
			Truncated bool
		}
		if err := json.Unmarshal(out.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		want := 10000
		if full {
			want = 10001
		}
		if len(res.Records) != want || res.Truncated == full || res.Metrics.Succeeded != 10001 {
			t.Errorf("full=%v: %d records, truncated %v, succeeded %d", full, len(res.Records), res.Truncated, res.Metrics.Succeeded)
		}
	}
}

// The help lists every source of the table, so a new source shows up there.
func TestBinarySimulateHelpListsEverySource(t *testing.T) {
	out, _, code := tutor(t, "", "sandbox", "simulate", "--help")
	if code != 0 || !strings.Contains(out, source.List()) {
		t.Fatalf("help (exit %d) does not list %q:\n%s", code, source.List(), out)
	}
}
