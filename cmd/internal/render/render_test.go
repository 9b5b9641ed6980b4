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
