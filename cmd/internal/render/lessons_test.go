package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/course"
)

// No line of a built-in lesson is wider than the terminal, tables and
// long headings included, except the lines of code blocks (clipped by
// design): in the TUI's rendering at 80, 60 and 38 columns, and in piped
// tutor read's plain text at 80 and 60, where an address alone on its
// line is kept whole to be copied (issue 14: seven tables were wider than
// 76 columns).
func TestBuiltinLessonsFit(t *testing.T) {
	c, err := course.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Lessons.Lessons {
		md := course.Page(l)
		for _, width := range []int{80, 60, 38} {
			out, _ := Markdown(md, width, true)
			for _, s := range strings.Split(out, "\n") {
				if strings.HasPrefix(s, CodeMark) {
					continue
				}
				if w := ansi.StringWidth(s); w > width {
					t.Errorf("%s at %d: a line %d columns wide: %q", l.ID, width, w, ansi.Strip(s))
				}
			}
			if width < 60 {
				continue // plain text keeps a word longer than the line whole
			}
			plain, _ := Plain(withoutCode(md), width)
			for _, s := range strings.Split(plain, "\n") {
				if f := strings.Fields(s); len(f) == 1 && strings.HasPrefix(f[0], "https://") {
					continue // an address is kept whole to be copied (TestLongAddresses)
				}
				if w := ansi.StringWidth(s); w > width {
					t.Errorf("%s at %d, plain: a line %d columns wide: %q", l.ID, width, w, s)
				}
			}
		}
	}
}

// withoutCode is md without its fenced code blocks (plain text has no
// marks to tell their lines apart).
func withoutCode(md string) string {
	var b strings.Builder
	fence := ""
	for _, l := range strings.SplitAfter(md, "\n") {
		t := strings.TrimLeft(strings.TrimSpace(l), "> ")
		switch {
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fence = t[:3]
		case fence != "" && strings.HasPrefix(t, fence):
			fence = ""
		case fence == "":
			b.WriteString(l)
		}
	}
	return b.String()
}

// A long heading's later lines hang under its text and still fit the
// width (they stuck out by the width of the hashes).
func TestLongHeadingFits(t *testing.T) {
	md := "### " + strings.Repeat("word ", 30) + "\n"
	for _, width := range []int{38, 60} {
		out, _ := Markdown(md, width, true)
		plain, _ := Plain(md, width)
		for _, s := range strings.Split(out+plain, "\n") {
			if w := ansi.StringWidth(s); w > width {
				t.Errorf("at %d: a line %d columns wide: %q", width, w, ansi.Strip(s))
			}
		}
	}
}

// The SNS lesson (its operators table stacked at 80 columns, a grid at
// 200) rendered whole.
func BenchmarkRenderSNS(b *testing.B) {
	c, err := course.Load("")
	if err != nil {
		b.Fatal(err)
	}
	l, _ := c.Lessons.Get("sns")
	md := course.Page(l)
	for _, width := range []int{80, 200} {
		b.Run(strconv.Itoa(width), func(b *testing.B) {
			for b.Loop() {
				if _, err := Markdown(md, width, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
