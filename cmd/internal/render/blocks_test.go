package render

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// lines is out split into lines with the escape codes stripped; code
// says which of them carry the code mark.
func lines(out string) (ls []string, code []bool) {
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		code = append(code, strings.HasPrefix(l, CodeMark))
		ls = append(ls, ansi.Strip(l))
	}
	return ls, code
}

const wideTable = "| operator | example condition | matches |\n|---|---|---|\n" +
	"| anything-but | `{\"anything-but\": [\"rugby\", \"tennis\"]}`, also `{\"anything-but\": {\"prefix\": \"tmp/\"}}` | any value not in the list |\n" +
	"| exists | `{\"exists\": true}` | key present |\n"

// A table that fits the width is a grid: each row one line, its cells
// never wrapped, the columns aligned. (Narrower, it is stacked records:
// table_test.go.)
func TestTableGridRowsAreNeverWrapped(t *testing.T) {
	out, err := Markdown("Before.\n\n"+wideTable+"\nAfter.\n", 140, true)
	if err != nil {
		t.Fatal(err)
	}
	ls, _ := lines(out)
	var rows []string
	for _, l := range ls {
		if strings.Contains(l, "│") || strings.Contains(l, "─┼─") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 4 {
		t.Fatalf("want header, rule and two rows, got %d lines:\n%s", len(rows), strings.Join(ls, "\n"))
	}
	if !strings.Contains(rows[2], `{"anything-but": ["rugby", "tennis"]}, also {"anything-but": {"prefix": "tmp/"}} │ any value not in the list`) {
		t.Errorf("the row is not whole: %q", rows[2])
	}
	if strings.Contains(rows[2], "`") || strings.Index(rows[2], "│") != strings.Index(rows[3], "│") {
		t.Errorf("cells not rendered or columns not aligned:\n%s\n%s", rows[2], rows[3])
	}
	plain, _ := Plain(wideTable, 140)
	if !strings.Contains(plain, "| any value not in the list") || strings.Contains(plain, "│") {
		t.Errorf("plain table:\n%s", plain)
	}
}

// A code fence inside a block quote is code: marked, never wrapped, tabs
// expanded (main wrapped it as prose).
func TestCodeInsideBlockquote(t *testing.T) {
	md := "> A note.\n>\n> ```go\n> func f() error {\n" + "> " + wideLine + "\n> }\n> ```\n"
	out, err := Markdown(md, 40, true)
	if err != nil {
		t.Fatal(err)
	}
	ls, code := lines(out)
	want := strings.Replace(wideLine, "\t", "    ", 1)
	found := false
	for i, l := range ls {
		if strings.Contains(l, "func f()") && !code[i] {
			t.Errorf("code in a quote is not marked as code: %q", l)
		}
		if strings.HasSuffix(l, want) {
			found = code[i]
		}
		if strings.Contains(l, "A note") && !strings.Contains(l, "│ A note") {
			t.Errorf("the quote has no bar: %q", l)
		}
	}
	if !found {
		t.Errorf("the long line is not whole:\n%s", strings.Join(ls, "\n"))
	}
}

// Prose breaks only at spaces: a fact's value such as -1,000,000,000, a
// date, a URL or a hyphenated word is never cut (main broke "-" /
// "1,000,000,000" and "2026-11-" / "26").
func TestProseBreaksOnlyAtSpaces(t *testing.T) {
	md := "Numeric matching works from -1,000,000,000 to 1,000,000,000, checked 2026-11-26, " +
		"with equals-ignore-case and anything-but, see <https://docs.aws.com/sns/>.\n"
	for w := 30; w <= 80; w++ {
		for _, plain := range []bool{false, true} {
			var out string
			if plain {
				out, _ = Plain(md, w)
			} else {
				out, _ = Markdown(md, w, true)
			}
			got := " " + strings.Join(strings.Fields(ansi.Strip(out)), " ") + " "
			for _, tok := range []string{"-1,000,000,000", "2026-11-26,", "equals-ignore-case", "anything-but,", "https://docs.aws.com/sns/"} {
				if !strings.Contains(got, " "+tok) {
					t.Fatalf("width %d (plain %v) broke %q:\n%s", w, plain, tok, ansi.Strip(out))
				}
			}
		}
	}
}

// Lists: bullets and numbers, nested lists further in, an item written
// over several lines wrapped as one, its wrapped lines under its text.
func TestLists(t *testing.T) {
	md := "1. first item that goes on and on\n   over two source lines\n2. second\n   - nested **bold** one\n   - nested two\n\nText.\n\n10. ten\n"
	out, _ := Plain(md, 30)
	want := "  1. first item that goes on\n" +
		"     and on over two source\n" +
		"     lines\n" +
		"  2. second\n" +
		"     • nested bold one\n" +
		"     • nested two\n"
	if !strings.HasPrefix(out, want) {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if !strings.Contains(out, "10. ten") {
		t.Errorf("a second list keeps its start number:\n%s", out)
	}
}

// Nothing of value is lost: headings keep their level, emphasis its
// style, a link its address; plain text keeps the words without markers.
func TestInlineStylesAndLinks(t *testing.T) {
	md := "## Retries\n\nSome **bold**, *italic* and `code` with a [link](https://example.com/x).\n\n---\n\n### Deeper\n"
	out, _ := Markdown(md, 80, true)
	pal := newPalette(true)
	for _, want := range []string{
		pal.start(sBold) + "bold", pal.start(sItalic) + "italic", pal.start(sCode) + "code",
		ansi.SetHyperlink("https://example.com/x"), "(https://example.com/x)", "## ", "### ", "─",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal output lacks %q:\n%q", want, out)
		}
	}
	plain, _ := Plain(md, 80)
	want := "  ## Retries\n\n  Some bold, italic and code with a link (https://example.com/x).\n\n  " +
		strings.Repeat("-", 40) + "\n\n  ### Deeper\n"
	if plain != want {
		t.Errorf("plain:\n%q\nwant\n%q", plain, want)
	}
}

// Go code is coloured with go/scanner: keywords, strings, comments,
// numbers; a diagram is left as it is.
func TestHighlight(t *testing.T) {
	r := &renderer{pal: newPalette(true)}
	got := r.highlight("go", []string{"// c", `func f() string { return "s" + 1 }`})
	for _, want := range []string{r.pal.start(sComment) + "// c", r.pal.start(sKeyword) + "func", r.pal.start(sString) + `"s"`, r.pal.start(sNumber) + "1", r.pal.start(sType) + "string"} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("go: no %q in %q", want, got)
		}
	}
	got = r.highlight("json", []string{`{"key": "value", "n": -2.5, "ok": true}`})
	for _, want := range []string{r.pal.start(sKeyword) + `"key"`, r.pal.start(sString) + `"value"`, r.pal.start(sNumber) + "-2.5", r.pal.start(sType) + "true"} {
		if !strings.Contains(got[0], want) {
			t.Errorf("json: no %q in %q", want, got[0])
		}
	}
	got = r.highlight("sh", []string{`tutor read sqs --width 72 # a comment`})
	if !strings.Contains(got[0], r.pal.start(sComment)+"# a comment") || !strings.Contains(got[0], r.pal.start(sNumber)+"72") {
		t.Errorf("sh: %q", got[0])
	}
	diagram := []string{" a ─▶ b"}
	if got := r.highlight("", diagram); got[0] != diagram[0] {
		t.Errorf("a diagram was changed: %q", got[0])
	}
}

// The renderer links neither glamour nor chroma nor goldmark's extension
// package: their package init cost every command of the tutor about 20 ms.
func TestNoHeavyDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, bad := range []string{"glamour", "chroma", "bluemonday", "goldmark/extension", "goldmark/renderer"} {
		if strings.Contains(string(out), bad) {
			t.Errorf("render depends on %s", bad)
		}
	}
}

// An address longer than the line stays whole in plain text (to copy),
// and on a terminal breaks after one of its slashes or dots, each part
// still a link to the whole.
func TestLongAddresses(t *testing.T) {
	url := "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html"
	md := "- a fact (checked 2026-11-27)\\\n  <" + url + ">\n"
	plain, _ := Plain(md, 60)
	if !strings.Contains(plain, "\n    "+url+"\n") {
		t.Errorf("plain text cut the address:\n%s", plain)
	}
	out, _ := Markdown(md, 60, true)
	ls, _ := lines(out)
	var parts []string
	for _, l := range ls {
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("a line %d wide: %q", w, l)
		}
		if f := strings.TrimSpace(l); strings.HasPrefix(f, "https://") || len(parts) > 0 && f != "" {
			parts = append(parts, f)
		}
	}
	if strings.Join(parts, "") != url || !strings.HasSuffix(parts[0], "/") {
		t.Errorf("the address is not cut after a slash: %q", parts)
	}
	if n := strings.Count(out, ansi.SetHyperlink(url)); n != len(parts) {
		t.Errorf("%d parts, %d links", len(parts), n)
	}
}

// A table right under a line of text (no blank line between) is still a
// table; a right-aligned column is aligned right; an escaped pipe and a
// pipe inside code stay in their cell.
func TestTableUnderText(t *testing.T) {
	md := "The limits:\n| name | value |\n|---|---:|\n| `a|b` | 1 |\n| c \\| d | 1000 |\n"
	out, _ := Plain(md, 60)
	want := "  The limits:\n\n  name  | value\n  ------|------\n  a|b   |     1\n  c | d |  1000\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
