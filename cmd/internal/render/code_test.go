package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

const wideLine = `	return fmt.Errorf("a line of Go that is far wider than any narrow terminal: %s, %w", id, err)`

var withCode = "# Title\n\nSome prose that is long enough to be wrapped at forty columns, several times over.\n\n" +
	"```go\nfunc f() error {\n" + wideLine + "\n}\n```\n\nMore prose after the code.\n"

// Code is never wrapped: the long line comes out whole, tabs expanded,
// marked as code; the prose around it is wrapped to the width.
func TestMarkdownNeverWrapsCode(t *testing.T) {
	out, err := Markdown(withCode, 40, true)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(wideLine, "\t", "    ", 1)
	found := false
	for _, line := range strings.Split(out, "\n") {
		plain := ansi.Strip(line)
		code := strings.HasPrefix(line, CodeMark)
		if strings.Contains(plain, "func f()") && !code {
			t.Errorf("a code line without the code mark: %q", plain)
		}
		if strings.TrimSpace(plain) == strings.TrimSpace(want) {
			found = true
		}
		if !code && ansi.StringWidth(plain) > 40 {
			t.Errorf("prose line %d wide: %q", ansi.StringWidth(plain), plain)
		}
	}
	if !found || strings.Contains(out, "\t") {
		t.Fatalf("the long code line is not whole (or has a tab):\n%s", ansi.Strip(out))
	}
}

// A line of code too wide for the screen is clipped with a marker at the
// edge, and scrolls sideways with its block; prose never moves.
func TestPageClipsCodeWithMarkers(t *testing.T) {
	out, err := Markdown(withCode, 40, true)
	if err != nil {
		t.Fatal(err)
	}
	p := NewPage(out)
	mk := DefaultMarkers
	lines := func(shift int) []string {
		return strings.Split(ansi.Strip(p.View(0, p.Lines(), 40, shift, mk)), "\n")
	}
	find := func(ls []string, s string) string {
		for _, l := range ls {
			if strings.Contains(l, s) {
				return l
			}
		}
		t.Fatalf("no line with %q in:\n%s", s, strings.Join(ls, "\n"))
		return ""
	}
	at0 := lines(0)
	if l := find(at0, "return fmt.Errorf"); ansi.StringWidth(l) != 40 || !strings.HasSuffix(l, mk.Right) {
		t.Errorf("clipped line %q: want 40 columns ending in %q", l, mk.Right)
	}
	if l := find(at0, "func f()"); strings.Contains(l, mk.Right) || strings.Contains(l, mk.Left) {
		t.Errorf("a line that fits has a marker: %q", l)
	}
	if !p.Clipped(0, p.Lines(), 40, 0) || p.Clipped(0, 3, 40, 0) {
		t.Error("Clipped should see the wide line and only it")
	}

	max := p.MaxShift(40)
	if max <= 0 {
		t.Fatalf("MaxShift %d", max)
	}
	end := lines(max + 100) // clamped to the block
	l := find(end, "err)")
	if !strings.HasPrefix(strings.TrimSpace(l), mk.Left) || strings.HasSuffix(l, mk.Right) || !strings.HasSuffix(l, "id, err)") {
		t.Errorf("scrolled to the end: %q", l)
	}
	if find(end, "More prose") != find(at0, "More prose") {
		t.Error("prose moved sideways")
	}
}

// Inline code is never broken inside a token, at any width.
func TestInlineCodeKeepsTokensWhole(t *testing.T) {
	md := "Run the tutor with `--state-dir` pointing at a folder of its own, then `tutor read sqs` again.\n"
	for w := 20; w <= 80; w++ {
		out, err := Markdown(md, w, true)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if !strings.Contains(plain, "--state-dir") || !strings.Contains(plain, "tutor read sqs") {
			t.Fatalf("width %d broke a code span:\n%s", w, plain)
		}
	}
	out, _ := Plain(md, 30)
	if !strings.Contains(out, "--state-dir") {
		t.Fatalf("plain text broke a code span:\n%s", out)
	}
}

// Piped text is plain: no emphasis markers, code intact and indented,
// tabs expanded, no escape codes.
func TestPlainTextIsConsistent(t *testing.T) {
	md := "Some **bold** words, some *emphasis* and _more_.\n\n- a **bold** item\n\n" + withCode
	out, err := Plain(md, 40)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"**", "*emphasis*", "_more_", "\t", "\x1b"} {
		if strings.Contains(out, bad) {
			t.Errorf("plain text has %q:\n%s", bad, out)
		}
	}
	// The text is at column 2, code two columns further.
	want := "    " + strings.Replace(wideLine, "\t", "    ", 1)
	if !strings.Contains(out, "\n"+want+"\n") {
		t.Errorf("the long code line is not whole and indented (want %q):\n%s", want, out)
	}
	if !strings.Contains(out, "\n    func f() error {\n") {
		t.Errorf("code is not indented two columns past the text:\n%s", out)
	}
}
