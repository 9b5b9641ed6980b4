package lessons

import (
	"fmt"
	"io/fs"
	"path"
	"testing"

	"github.com/tutor-dev/tutor/assets/facts"
)

func TestWideCodeLines(t *testing.T) {
	text := "---\nid: x\n---\n" + // lines 1-3
		"A prose line far wider than seventy-six columns is fine: the reader wraps prose.\n" + // 4
		"```go\n" + // 5
		"\tfmt.Println(\"a\")\n" + // 6: 4 + 16 = 20 columns
		"\t\t\t\treturn fmt.Errorf(\"a line of code that is too wide: %w\", err)\n" + // 7: 16 + 61 = 77
		"```\n" + // 8
		"- item\n\n  ~~~\n  ┌────┐ λ ──▶\n  ~~~\n" // 9-13
	got := WideCodeLines(text, 20, nil)
	want := []WideLine{{7, 77}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("WideCodeLines = %v, want %v", got, want)
	}
	if got := WideCodeLines(text, 10, nil); len(got) != 3 || got[2].Line != 12 || got[2].Width != 14 {
		t.Fatalf("at 10 columns: %v, want lines 6, 7 and 12 (14 columns: box drawing is one column a rune)", got)
	}
}

func TestUnclosedFenceRunsToTheEnd(t *testing.T) {
	if got := WideCodeLines("```\nshort\nthis line is long\n", 10, nil); len(got) != 1 || got[0].Line != 3 {
		t.Fatalf("got %v", got)
	}
}

// TestBuiltinCodeFits: every line of every fenced block in the built-in
// lessons fits an 80-column terminal, so the reader never has to clip one.
func TestBuiltinCodeFits(t *testing.T) {
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(Files(), "*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(Files(), name)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range WideCodeLines(string(data), MaxCodeWidth, reg) {
			t.Errorf("%s:%d: a fenced line %d columns wide; at most %d fit", path.Join("lessons/course", name), w.Line, w.Width, MaxCodeWidth)
		}
	}
}
