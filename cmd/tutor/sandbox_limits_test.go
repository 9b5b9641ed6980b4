package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigJSON writes a JSON string event of about n bytes.
func bigJSON(t *testing.T, dir string, n int) string {
	t.Helper()
	p := filepath.Join(dir, fmt.Sprintf("event-%d.json", n))
	if err := os.WriteFile(p, []byte(`"`+strings.Repeat("x", n-2)+`"`), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Item 14: events over Lambda's 6 MB synchronous payload limit, and endless
// ones, are refused with Lambda's error before anything runs; 6 MB itself
// is fine.
func TestSandboxEventsOverTheLimit(t *testing.T) {
	dir := t.TempDir()
	sevenMB, fiftyMB := bigJSON(t, dir, 7<<20), bigJSON(t, dir, 50<<20)
	const lambdaErr = "RequestTooLargeException: Request must be smaller than 6291456 bytes for the InvokeFunction operation"
	for _, args := range [][]string{
		{"sandbox", "invoke", "sqs-batch", "--event-file", sevenMB},
		{"sandbox", "invoke", "sqs-batch", "--event-file", fiftyMB},
		{"sandbox", "invoke", "sqs-batch", "--event-file", "/dev/zero"},
		{"sandbox", "run", "--bin", "/bin/true", "--event-file", sevenMB},
		{"sandbox", "run", "--bin", "/bin/true", "--event-file", "/dev/zero"},
	} {
		_, stderr, code := runCmd("", args...)
		if code != 1 || !strings.Contains(stderr, lambdaErr) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want 1 and Lambda's one-line error", args, code, stderr)
		}
	}
	// from stdin, endless: read no further than the limit
	var out, errb bytes.Buffer
	g := &globals{stdin: zeros{}, stdout: &out, stderr: &errb}
	if code := run(g, []string{"sandbox", "invoke", "sqs-batch", "--event-file", "-"}); code != 1 || !strings.Contains(errb.String(), lambdaErr) {
		t.Errorf("endless stdin: exit %d, %q", code, errb.String())
	}
	sixMB := bigJSON(t, dir, 6<<20)
	if _, stderr, _ := runCmd("", "sandbox", "invoke", "sqs-batch", "--event-file", sixMB); strings.Contains(stderr, "RequestTooLarge") {
		t.Errorf("a 6 MB event was refused: %s", stderr)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// Item 14: patterns and policies past AWS's size limits are refused with
// AWS's reason, without reading or compiling all of them.
func TestSandboxFilterSizeLimits(t *testing.T) {
	dir := t.TempDir()
	event := writeFile(t, dir, "event.json", `{"a": "1"}`)
	values := make([]string, 1_000_000)
	for i := range values {
		values[i] = fmt.Sprintf(`"%d"`, i)
	}
	million := writeFile(t, dir, "million.json", `{"a": [`+strings.Join(values, ",")+`]}`)
	long := writeFile(t, dir, "long.json", `{"a": [`+strings.Join(values[:800], ",")+`]}`)     // about 4,700 characters
	medium := writeFile(t, dir, "medium.json", `{"a": [`+strings.Join(values[:400], ",")+`]}`) // about 2,900
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stderr string
	}{
		{"pattern of a million values", []string{"--kind", "pattern", "--policy", million, "--input", event}, "", 1, "Member must have length less than or equal to 4096"},
		{"pattern over 4,096 characters", []string{"--kind", "pattern", "--policy", long, "--input", event}, "", 1, "Member must have length less than or equal to 4096"},
		{"pattern over EventBridge's 2,048", []string{"--kind", "pattern", "--policy", medium, "--input", event}, "", 0, "EventBridge up to 2048"},
		{"sns policy of a million values", []string{"--kind", "sns", "--scope", "body", "--policy", million, "--input", event}, "", 1, "Filter policy is too large"},
		{"endless policy on stdin", []string{"--kind", "pattern", "--policy", "/dev/zero", "--input", event}, "", 1, "Member must have length less than or equal to 4096"},
		{"endless input", []string{"--kind", "pattern", "--policy", event, "--input", "/dev/zero"}, "", 1, "the input is over 6291456 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCmd(tt.stdin, append([]string{"sandbox", "filter"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
}
