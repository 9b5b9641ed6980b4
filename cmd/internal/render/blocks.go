package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
)

// line is one line of output, without the document's margin: the lines
// of code blocks are marked so that a screen clips them instead of
// wrapping them.
type line struct {
	text string
	code bool
}

// blocks renders the block children of n, width columns wide, with a
// blank line between blocks (none after the text of a tight list item).
func (r *renderer) blocks(n ast.Node, width int) []line {
	width = max(width, 1)
	var out []line
	var prev ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		ls := r.block(c, width)
		if len(ls) == 0 {
			continue
		}
		if prev != nil && prev.Kind() != ast.KindTextBlock {
			out = append(out, line{})
		}
		out = append(out, ls...)
		prev = c
	}
	return out
}

func (r *renderer) block(n ast.Node, width int) []line {
	switch n := n.(type) {
	case *ast.Heading:
		return r.heading(n, width)
	case *ast.Paragraph, *ast.TextBlock:
		if t, ok := r.table(n, width); ok {
			return t
		}
		return r.prose(r.inline(n, 0, nil), width)
	case *ast.List:
		return r.list(n, width)
	case *ast.Blockquote:
		bar := "> "
		if !r.pal.plain {
			var b strings.Builder
			r.pal.paint(&b, sSubtle, "│")
			bar = b.String() + " "
		}
		body := r.blocks(n, width-2)
		for i := range body {
			body[i].text = bar + body[i].text
		}
		return body
	case *ast.FencedCodeBlock:
		return r.code(n, string(n.Language(r.src)))
	case *ast.CodeBlock:
		return r.code(n, "")
	case *ast.ThematicBreak:
		rule := "-"
		if !r.pal.plain {
			rule = "─"
		}
		var b strings.Builder
		r.pal.paint(&b, sSubtle, strings.Repeat(rule, min(width, 40)))
		return []line{{text: b.String()}}
	case *ast.HTMLBlock:
		var out []line
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			out = append(out, line{text: strings.TrimRight(string(seg.Value(r.src)), "\n")})
		}
		return out
	}
	return r.blocks(n, width)
}

// prose wraps pieces to width.
func (r *renderer) prose(ps []piece, width int) []line {
	if len(ps) == 0 {
		return nil
	}
	var out []line
	for _, l := range r.wrap(ps, width) {
		out = append(out, line{text: l})
	}
	return out
}

// heading is the heading's text after its level's hashes: shown in plain
// text too, they tell the levels apart without colour.
func (r *renderer) heading(n *ast.Heading, width int) []line {
	st := sTitle
	if n.Level > 2 {
		st = sBold
	}
	hashes := strings.Repeat("#", n.Level) + " "
	if n.Level == 1 && !r.pal.plain { // the title, as a banner
		ps := append([]piece{{text: "\u00a0", st: sBanner}}, r.inline(n, sBanner, nil)...)
		ls := r.prose(append(ps, piece{text: "\u00a0", st: sBanner}), width)
		for i := range ls {
			ls[i].text = strings.ReplaceAll(ls[i].text, "\u00a0", " ")
		}
		return ls
	}
	ps := append([]piece{{text: hashes, st: sSubtle, glue: true}}, r.inline(n, st, nil)...)
	lines := r.prose(ps, max(width-len(hashes), 1))
	for i := 1; i < len(lines); i++ { // a long heading hangs under its text
		lines[i].text = strings.Repeat(" ", len(hashes)) + lines[i].text
	}
	return lines
}

// code renders a code block: never wrapped, tabs expanded, coloured by
// its language, codeIndent columns right of the text around it.
func (r *renderer) code(n ast.Node, lang string) []line {
	var src []string
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		l := strings.TrimRight(string(seg.Value(r.src)), "\r\n")
		src = append(src, strings.Repeat(" ", seg.Padding)+l)
	}
	for len(src) > 0 && strings.TrimSpace(src[len(src)-1]) == "" {
		src = src[:len(src)-1]
	}
	if len(src) == 0 {
		return nil
	}
	for i, l := range src {
		src[i] = expandTabs(l)
	}
	var lines []string
	if r.pal.plain {
		lines = src
	} else {
		lines = r.highlight(lang, src)
	}
	pad := strings.Repeat(" ", codeIndent)
	out := make([]line, len(lines))
	for i, l := range lines {
		if ansi.Strip(l) == "" {
			l = ""
		} else {
			l = pad + l
		}
		out[i] = line{text: l, code: true}
	}
	return out
}
