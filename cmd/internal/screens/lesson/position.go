package lesson

import (
	"sort"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// anchor ties a place in the lesson's markdown (a byte offset) to the line
// of the rendered text where it shows. The reading position is kept as a
// place in the markdown, so a window of another width, which wraps the
// text into other lines, reopens at the same paragraph.
type anchor struct{ src, line int }

// anchors finds where each block of md (a paragraph, heading, list item,
// code block) starts in rendered: the first line, at or after the previous
// block's, that holds the block's first words. A block not found (a rule,
// an image) has no anchor. The first and last anchors are the two ends.
func anchors(md, rendered string) []anchor {
	lines := strings.Split(ansi.Strip(rendered), "\n")
	norm := make([]string, len(lines))
	for i, l := range lines {
		norm[i] = " " + strings.Join(words(l), " ") + " "
	}
	out := []anchor{{0, 0}}
	at := 0
	for _, b := range blocks(md) {
		w := words(b.text)
		if len(w) == 0 {
			continue
		}
		key := " " + strings.Join(w[:min(len(w), 3)], " ") + " "
		for i := at; i < len(norm) && i < at+400; i++ {
			if strings.Contains(norm[i], key) {
				if b.src > out[len(out)-1].src {
					out = append(out, anchor{b.src, i})
				}
				at = i
				break
			}
		}
	}
	return append(out, anchor{len(md), max(len(lines)-1, 0)})
}

type block struct {
	src  int    // byte offset of the block's first line in md
	text string // the line whose words find it
}

// blocks are the places a reader can be at: each line that starts a
// paragraph, a list item, a heading or a code block (and for a code block
// its first line of code).
func blocks(md string) []block {
	var out []block
	off, prevBlank, fence := 0, true, false
	for _, l := range strings.SplitAfter(md, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = !fence
			if fence {
				out = append(out, block{off, ""}) // its text is the next line's
			}
		case fence:
			if n := len(out); n > 0 && out[n-1].text == "" && t != "" {
				out[n-1].text = t
			}
		case t == "":
		case prevBlank || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "#"):
			out = append(out, block{off, t})
		}
		prevBlank = t == ""
		off += len(l)
	}
	return out
}

// words are the lower-cased runs of letters and digits of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// toSource turns a rendered line into a place in the markdown, from 0 to
// 1, reading between the anchors around it.
func toSource(as []anchor, line, srcLen int) float64 {
	if srcLen == 0 || len(as) < 2 || line <= 0 {
		return 0
	}
	i := sort.Search(len(as), func(i int) bool { return as[i].line > line }) - 1
	i = max(0, min(i, len(as)-2))
	a, b := as[i], as[i+1]
	src := float64(a.src)
	if b.line > a.line {
		src += float64(b.src-a.src) * float64(min(line, b.line)-a.line) / float64(b.line-a.line)
	}
	return min(src/float64(srcLen), 1)
}

// toLine turns a place in the markdown (0 to 1) into a rendered line.
func toLine(as []anchor, pos float64, srcLen int) int {
	if srcLen == 0 || len(as) < 2 || pos <= 0 {
		return 0
	}
	src := pos * float64(srcLen)
	i := sort.Search(len(as), func(i int) bool { return float64(as[i].src) > src }) - 1
	i = max(0, min(i, len(as)-2))
	a, b := as[i], as[i+1]
	line := float64(a.line)
	if b.src > a.src {
		line += float64(b.line-a.line) * (src - float64(a.src)) / float64(b.src-a.src)
	}
	return int(line + 0.5)
}
