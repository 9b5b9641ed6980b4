package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestPlainHasNoEscapes(t *testing.T) {
	out, err := Plain("# Title\n\nSome **bold** and a [link](https://docs.aws.amazon.com/).\n\n- a list item that\n  goes on\n", 40)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\x1b") {
		t.Fatalf("escape codes in plain output: %q", out)
	}
	if !strings.Contains(out, "a list item that goes on") {
		t.Fatalf("list item not joined:\n%s", out)
	}
}

func TestMarkdownWraps(t *testing.T) {
	out, err := Markdown(strings.Repeat("word ", 100), 40, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := len([]rune(ansi.Strip(line))); w > 40 {
			t.Fatalf("line %d wide: %q", w, line)
		}
	}
}

// Renders run in tea.Cmd goroutines, several at once (a preview and the
// whole lesson, two widths): they share the parser and nothing else.
// Run with -race.
func TestConcurrentRenders(t *testing.T) {
	md := "# T\n\n- a `b` **c**\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```go\nfunc f() {}\n```\n"
	want, _ := Markdown(md, 50, true)
	done := make(chan string)
	for range 8 {
		go func() {
			out, _ := Markdown(md, 50, true)
			done <- out
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Fatalf("a concurrent render differs:\n%q\n%q", got, want)
		}
	}
}
