package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// piece is a run of inline text in one style.
type piece struct {
	text string
	st   style
	url  string // a link's target, for the terminal's hyperlink
	glue bool   // a code span: its spaces are not places to break the line
}

// hardBreak stands for a markdown hard line break among the pieces.
var hardBreak = piece{text: "\n"}

// longSpan is the longest code span kept on one line; a longer one may
// still break at its spaces rather than stick out of the page.
const longSpan = 40

// inline appends the pieces of n's inline children, in style st.
func (r *renderer) inline(n ast.Node, st style, out []piece) []piece {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.inlineNode(c, st, out)
	}
	return out
}

func (r *renderer) inlineNode(n ast.Node, st style, out []piece) []piece {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(r.src)
		if !n.IsRaw() {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		out = append(out, piece{text: string(v), st: st})
		switch {
		case n.HardLineBreak():
			out = append(out, hardBreak)
		case n.SoftLineBreak():
			out = append(out, piece{text: " ", st: st})
		}
	case *ast.String:
		out = append(out, piece{text: string(n.Value), st: st})
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(r.src))
			} else if s, ok := c.(*ast.String); ok {
				b.Write(s.Value)
			}
		}
		code := strings.ReplaceAll(b.String(), "\n", " ")
		out = append(out, piece{text: code, st: st | sCode, glue: len(code) <= longSpan})
	case *ast.Emphasis:
		if n.Level >= 2 {
			return r.inline(n, st|sBold, out)
		}
		return r.inline(n, st|sItalic, out)
	case *ast.Link:
		dest := string(n.Destination)
		start := len(out)
		out = r.inline(n, st|sLink, out)
		for i := start; i < len(out); i++ {
			out[i].url = dest
		}
		if label := piecesText(out[start:]); dest != "" && label != dest {
			out = append(out, piece{text: " ", st: st}, piece{text: "(" + dest + ")", st: st | sSubtle, glue: true})
		}
	case *ast.AutoLink:
		url := string(n.URL(r.src))
		out = append(out, piece{text: string(n.Label(r.src)), st: st | sLink, url: url})
	case *ast.Image:
		start := len(out)
		out = append(out, piece{text: "[image: ", st: st | sSubtle})
		out = r.inline(n, st|sSubtle, out)
		if len(out) == start+1 {
			out = append(out, piece{text: string(n.Destination), st: st | sSubtle})
		}
		out = append(out, piece{text: "]", st: st | sSubtle})
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			out = append(out, piece{text: string(seg.Value(r.src)), st: st})
		}
	default:
		return r.inline(n, st, out)
	}
	return out
}

func piecesText(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

// word is what the wrapper never breaks: pieces with no breakable space
// between them (or a hard break, alone).
type word struct {
	ps    []piece
	width int
}

// words splits pieces at their breakable spaces; runs of spaces collapse.
func words(ps []piece) []word {
	var out []word
	var cur word
	flush := func() {
		if len(cur.ps) > 0 {
			out = append(out, cur)
		}
		cur = word{}
	}
	for _, p := range ps {
		if p == hardBreak {
			flush()
			out = append(out, word{ps: []piece{hardBreak}})
			continue
		}
		if p.glue {
			cur.ps = append(cur.ps, p)
			cur.width += ansi.StringWidth(p.text)
			continue
		}
		for i, f := range strings.Split(p.text, " ") {
			if i > 0 {
				flush()
			}
			if f != "" {
				q := p
				q.text = f
				cur.ps = append(cur.ps, q)
				cur.width += ansi.StringWidth(f)
			}
		}
	}
	flush()
	return out
}

// wrap lays pieces out in lines of at most width columns, breaking only
// at spaces (a word wider than the line is cut).
func (r *renderer) wrap(ps []piece, width int) []string {
	width = max(width, 1)
	var lines []string
	var cur []piece
	w := 0
	flush := func() {
		lines = append(lines, r.line(cur))
		cur, w = nil, 0
	}
	for _, wd := range words(ps) {
		switch {
		case len(wd.ps) == 1 && wd.ps[0] == hardBreak:
			flush()
			continue
		case w > 0 && w+1+wd.width > width:
			flush()
		case w > 0:
			cur = append(cur, piece{text: " ", st: cur[len(cur)-1].st &^ sLink})
			w++
		}
		if wd.width <= width || r.pal.plain {
			// Plain text keeps a word longer than the line whole (an
			// address stays one piece to copy); nothing clips it.
			cur = append(cur, wd.ps...)
			w += wd.width
			continue
		}
		for _, chunk := range cutWord(wd.ps, width) { // longer than a line
			if w > 0 {
				flush()
			}
			cur, w = chunk, piecesWidth(chunk)
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// cutWord cuts a word's pieces into chunks of at most width columns,
// after a slash, dot, hyphen, underscore, ? or & where one is near the
// end of the line (an address breaks between its parts).
func cutWord(ps []piece, width int) [][]piece {
	var gs []piece // one grapheme each
	for _, p := range ps {
		for _, g := range graphemes(p.text) {
			q := p
			q.text = g
			gs = append(gs, q)
		}
	}
	var out [][]piece
	for len(gs) > 0 {
		n, w, brk := 0, 0, 0
		for n < len(gs) && w+ansi.StringWidth(gs[n].text) <= width {
			w += ansi.StringWidth(gs[n].text)
			if strings.Contains("/.-_?&", gs[n].text) {
				brk = n + 1
			}
			n++
		}
		if n == len(gs) {
			brk = n
		}
		if brk < n*2/3 {
			brk = n
		}
		out = append(out, mergePieces(gs[:max(brk, 1)]))
		gs = gs[max(brk, 1):]
	}
	return out
}

// mergePieces joins neighbouring pieces of the same style and link.
func mergePieces(gs []piece) []piece {
	var cur []piece
	for _, p := range gs {
		if n := len(cur); n > 0 && cur[n-1].st == p.st && cur[n-1].url == p.url {
			cur[n-1].text += p.text
			continue
		}
		cur = append(cur, p)
	}
	return cur
}

func graphemes(s string) []string {
	var out []string
	state := -1
	for s != "" {
		var g string
		g, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		out = append(out, g)
	}
	return out
}

func piecesWidth(ps []piece) int {
	w := 0
	for _, p := range ps {
		w += ansi.StringWidth(p.text)
	}
	return w
}

// line writes pieces as one line of terminal text.
func (r *renderer) line(ps []piece) string {
	var b strings.Builder
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		for i+1 < len(ps) && ps[i+1].st == p.st && ps[i+1].url == p.url {
			i++
			p.text += ps[i].text
		}
		if p.url != "" && !r.pal.plain {
			b.WriteString(ansi.SetHyperlink(p.url))
			r.pal.paint(&b, p.st, p.text)
			b.WriteString(ansi.ResetHyperlink())
			continue
		}
		r.pal.paint(&b, p.st, p.text)
	}
	return b.String()
}
