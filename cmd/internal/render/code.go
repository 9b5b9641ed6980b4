package render

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/lessons"
)

// TabWidth is how many columns a tab in a code block takes (the width
// lessons measures with): tabs are
// expanded before rendering, because a terminal's tab stops are its own
// guess and a tab breaks column counting in diagrams.
const TabWidth = lessons.TabWidth

// block is one fenced code block taken out of the markdown.
type block struct {
	lang  string
	lines []string // tabs expanded, the fence's indent removed
}

var fenceOpen = regexp.MustCompile("^(\\s*)(`{3,}|~{3,})\\s*([^`\\s]*)")

// placeholder is the word that stands for code block n while the prose
// around it is rendered; it has no markdown meaning and no breakpoint.
func placeholder(n int) string { return "TUTORCODEBLOCK" + strconv.Itoa(n) + "Z" }

var placeholderRe = regexp.MustCompile(`TUTORCODEBLOCK(\d+)Z`)

// extractCode takes the fenced code blocks out of md, leaving a placeholder
// paragraph at each one's indent, so the prose can be wrapped to the width
// while the code is never wrapped at all.
func extractCode(md string) (string, []block) {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	var blocks []block
	for i := 0; i < len(lines); i++ {
		m := fenceOpen.FindStringSubmatch(lines[i])
		if m == nil {
			out = append(out, lines[i])
			continue
		}
		indent, fence := m[1], m[2]
		b := block{lang: m[3]}
		j := i + 1
		for ; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j])
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				break
			}
			b.lines = append(b.lines, expandTabs(trimIndent(lines[j], len(indent))))
		}
		i = j // the closing fence, or the end when the block is not closed
		out = append(out, "", indent+placeholder(len(blocks)), "")
		blocks = append(blocks, b)
	}
	return strings.Join(out, "\n"), blocks
}

// trimIndent removes up to n leading spaces.
func trimIndent(s string, n int) string {
	for n > 0 && strings.HasPrefix(s, " ") {
		s, n = s[1:], n-1
	}
	return s
}

// expandTabs replaces each tab with the spaces up to the next tab stop.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := TabWidth - col%TabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col += ansi.StringWidth(string(r))
	}
	return b.String()
}

// insertCode puts the code blocks back where their placeholders were
// rendered, each line indented by the placeholder's column plus extra and
// prefixed with mark. code renders one block's lines.
func insertCode(out string, blocks []block, extra int, mark string, code func(block) []string) string {
	lines := strings.Split(out, "\n")
	res := make([]string, 0, len(lines))
	for _, line := range lines {
		plain := ansi.Strip(line)
		loc := placeholderRe.FindStringSubmatchIndex(plain)
		if loc == nil {
			res = append(res, line)
			continue
		}
		n, _ := strconv.Atoi(plain[loc[2]:loc[3]])
		if n >= len(blocks) {
			res = append(res, line)
			continue
		}
		pad := strings.Repeat(" ", ansi.StringWidth(plain[:loc[0]])+extra)
		for _, c := range code(blocks[n]) {
			res = append(res, mark+pad+c)
		}
	}
	return strings.Join(res, "\n")
}

// Inline code spans are kept whole: a hyphen or a space inside one would
// be a place to break the line (`--state-dir` became `--state-` / `dir`).
// They are swapped for private-use runes, one column wide like what they
// stand for, while the prose is wrapped, and swapped back after.
const (
	keepHyphen = '\uE000'
	keepSpace  = '\uE001'
	// longSpan is the longest span kept on one line; a longer one may
	// still break at its spaces rather than stick out of the page.
	longSpan = 40
)

var inlineCode = regexp.MustCompile("`[^`\n]+`")

func protectInline(md string) string {
	return inlineCode.ReplaceAllStringFunc(md, func(s string) string {
		s = strings.ReplaceAll(s, "-", string(keepHyphen))
		if len(s) <= longSpan {
			s = strings.ReplaceAll(s, " ", string(keepSpace))
		}
		return s
	})
}

var restorer = strings.NewReplacer(string(keepHyphen), "-", string(keepSpace), " ")

func restoreInline(s string) string { return restorer.Replace(s) }
