package exercises

import (
	"strings"
	"testing"
)

// TestParseErrors: every problem names the file and line.
func TestParseErrors(t *testing.T) {
	const good = `id: demo
lesson: sqs
title: Demo
source: sqs
signature: func handler()
statement: Do it.
why: Because.
hints: [a, b, c]
criteria:
  - id: one
    title: One
    invoke:
      event: {Records: []}
      expect: {error: none}
`
	if _, errs := Parse("demo.yaml", []byte(good)); len(errs) > 0 {
		t.Fatalf("good: %v", errs)
	}
	for _, c := range []struct{ name, from, to, want string }{
		{"bad id", "id: demo", "id: Demo!", "demo.yaml:1: id"},
		{"two hints", "hints: [a, b, c]", "hints: [a, b]", "demo.yaml:8: hints: want three"},
		{"unknown field", "why: Because.", "why: Because.\ncolour: red", "demo.yaml:8"},
		{"no expectation", "expect: {error: none}", "expect: {}", "demo.yaml:13: invoke: expect nothing"},
		{"bad regexp", "expect: {error: none}", "expect: {error: {message: '('}}", "demo.yaml:14: error.message"},
		{"both kinds", "    invoke:", "    simulate: {scenario: {source: sqs}}\n    invoke:", "demo.yaml:10: criterion one: give exactly one"},
		{"bad scenario", "    invoke:\n      event: {Records: []}\n      expect: {error: none}", "    simulate:\n      scenario:\n        source: sqs\n        mapping: {batch_size: ten}\n      expect: {metrics: {succeeded: 1}}", "demo.yaml:15:"},
		{"bad source", "source: sqs", "source: mq", "demo.yaml:4: source"},
	} {
		src := strings.Replace(good, c.from, c.to, 1)
		_, errs := Parse("demo.yaml", []byte(src))
		if len(errs) == 0 || !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, errs, c.want)
		}
	}
}

// TestLoadChecksGoFiles: a Go file that does not parse, or is not package
// main, is named with its line.
func TestLoadChecksGoFiles(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"package main\n\nfunc handler( {\n", "exercises/demo/handler.go:3:"},
		{"package handler\n", "exercises/demo/handler.go:1: package handler"},
	} {
		if err := checkGo("exercises/demo/handler.go", []byte(c.src)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.src, err, c.want)
		}
	}
	if err := checkGo("x.go", []byte("package main\n\nfunc main() {}\n")); err != nil {
		t.Error(err)
	}
}

// TestOfflineBuild: the workspace builds with no module cache and no
// proxy: everything it imports is vendored.
func TestOfflineBuild(t *testing.T) {
	needGo(t)
	e := builtin(t)[0]
	ws := t.TempDir()
	if _, err := Init(ws, []*Exercise{e}); err != nil {
		t.Fatal(err)
	}
	goBin, _ := FindGo()
	b, err := build(t.Context(), goBin, ws, e.ID, t.TempDir(), []string{"GOMODCACHE=" + t.TempDir(), "GOPROXY=off", "GONOSUMDB=*", "GOFLAGS=-mod=vendor"})
	if err != nil || !b.OK {
		t.Fatalf("offline build: %v\n%s", err, b.Output)
	}
}
