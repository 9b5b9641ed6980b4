package render

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A GitHub-style table reaches the renderer as a paragraph (goldmark's
// table extension is not linked in: its package init would cost every
// command). table recognises one: every line starts with a pipe and the
// second is the delimiter row. A table that fits the width is drawn as a
// grid, one line per row; one that does not is drawn as stacked records
// (records.go), so nothing is clipped off the side of the screen and no
// cell breaks inside a token.

var delimRow = regexp.MustCompile(`^\|?(\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?$`)

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

func (r *renderer) table(n ast.Node, width int) ([]line, bool) {
	ls := n.Lines()
	src := make([]string, ls.Len())
	for i := range src {
		seg := ls.At(i)
		src[i] = strings.TrimSpace(string(seg.Value(r.src)))
	}
	// The table starts at a row followed by the delimiter row (text just
	// above it, with no blank line between, is a paragraph of its own) and
	// ends before the first line that is not a row.
	start := -1
	for i := 0; i+1 < len(src); i++ {
		if strings.HasPrefix(src[i], "|") && delimRow.MatchString(src[i+1]) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, false
	}
	end := start + 2
	for end < len(src) && strings.HasPrefix(src[end], "|") {
		end++
	}
	var rows [][]string
	for _, t := range src[start:end] {
		rows = append(rows, splitRow(t))
	}
	var out []line
	if start > 0 {
		out = append(r.sub(strings.Join(src[:start], "\n"), width), line{})
	}
	out = append(out, r.layout(rows, width)...)
	if end < len(src) {
		out = append(append(out, line{}), r.sub(strings.Join(src[end:], "\n"), width)...)
	}
	return out, true
}

// sub renders a piece of markdown on its own, with r's palette.
func (r *renderer) sub(md string, width int) []line {
	s := &renderer{src: []byte(md), pal: r.pal}
	return s.blocks(mdParser().Parse(text.NewReader(s.src)), width)
}

// cells is a table's inline markdown, parsed: the header row's cells,
// the body rows' cells (each row as many as the header's), each column's
// alignment and its widest cell.
type cells struct {
	head   [][]piece
	body   [][][]piece
	aligns []align
	widths []int
}

// parseCells parses the rows of a table (the second is the delimiter row).
func (r *renderer) parseCells(rows [][]string) cells {
	var t cells
	t.aligns = make([]align, len(rows[1]))
	for i, d := range rows[1] {
		d = strings.TrimSpace(d)
		switch {
		case strings.HasPrefix(d, ":") && strings.HasSuffix(d, ":"):
			t.aligns[i] = alignCenter
		case strings.HasSuffix(d, ":"):
			t.aligns[i] = alignRight
		}
	}
	ncol := len(t.aligns)
	t.widths = make([]int, ncol)
	for ri, row := range rows {
		if ri == 1 {
			continue
		}
		cs := make([][]piece, ncol)
		for ci := 0; ci < ncol && ci < len(row); ci++ {
			st := style(0)
			if ri == 0 {
				st = sBold
			}
			cs[ci] = r.cell(row[ci], st)
			t.widths[ci] = max(t.widths[ci], piecesWidth(cs[ci]))
		}
		if ri == 0 {
			t.head = cs
		} else {
			t.body = append(t.body, cs)
		}
	}
	return t
}

// gridWidth is how wide the table is drawn as a grid.
func (t cells) gridWidth() int {
	w := 3 * (len(t.widths) - 1) // " │ " between columns
	for _, cw := range t.widths {
		w += cw
	}
	return w
}

// layout draws a table as a grid if it fits width, else as records.
func (r *renderer) layout(rows [][]string, width int) []line {
	t := r.parseCells(rows)
	switch {
	case t.gridWidth() <= width:
		return r.grid(t)
	case len(t.body) == 0: // a header alone: its cells, wrapped
		var ps []piece
		for i, c := range t.head {
			if i > 0 {
				ps = append(ps, piece{text: " | ", st: sSubtle})
			}
			ps = append(ps, c...)
		}
		return r.prose(unglue(ps, width), width)
	}
	return r.records(t, width)
}

// grid draws a table one line per row, the header ruled off.
func (r *renderer) grid(t cells) []line {
	ncol := len(t.widths)
	sep, cross, rule := " │ ", "─┼─", "─"
	if r.pal.plain {
		sep, cross, rule = " | ", "-|-", "-"
	}
	var out []line
	for ri, cs := range append([][][]piece{t.head}, t.body...) {
		var b strings.Builder
		for ci := range ncol {
			if ci > 0 {
				r.pal.paint(&b, sSubtle, sep)
			}
			gap := t.widths[ci] - piecesWidth(cs[ci])
			left := 0
			switch t.aligns[ci] {
			case alignCenter:
				left = gap / 2
			case alignRight:
				left = gap
			}
			b.WriteString(strings.Repeat(" ", left))
			b.WriteString(r.line(cs[ci]))
			if ci < ncol-1 {
				b.WriteString(strings.Repeat(" ", gap-left))
			}
		}
		out = append(out, line{text: b.String()})
		if ri == 0 {
			var d strings.Builder
			for ci, w := range t.widths {
				if ci > 0 {
					d.WriteString(cross)
				}
				d.WriteString(strings.Repeat(rule, w))
			}
			var s strings.Builder
			r.pal.paint(&s, sSubtle, d.String())
			out = append(out, line{text: s.String()})
		}
	}
	return out
}

// splitRow splits a table row at its pipes: not at an escaped one (\|),
// nor at one inside a code span.
func splitRow(row string) []string {
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	ticks := 0 // the length of the backtick run that opened a code span
	for i := 0; i < len(row); i++ {
		c := row[i]
		switch {
		case c == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
			continue
		case c == '`':
			j := i
			for j < len(row) && row[j] == '`' {
				j++
			}
			switch {
			case ticks == 0 && strings.Contains(row[j:], row[i:j]):
				ticks = j - i
			case ticks == j-i:
				ticks = 0
			}
			cur.WriteString(row[i:j])
			i = j - 1
			continue
		case c == '|' && ticks == 0:
			cells = append(cells, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteByte(c)
	}
	return append(cells, cur.String())
}

// cell parses one cell's inline markdown into pieces, in style st.
func (r *renderer) cell(src string, st style) []piece {
	src = strings.TrimSpace(src)
	if src == "" {
		return nil
	}
	c := &renderer{src: []byte(src), pal: r.pal}
	doc := mdParser().Parse(text.NewReader(c.src))
	var ps []piece
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		ps = c.inline(b, st, ps)
	}
	for i := range ps {
		if ps[i] == hardBreak {
			ps[i].text = " "
		}
	}
	return ps
}
