package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// A table too wide for the width is drawn as stacked records, one block
// per row: the row's first cell in bold as a heading, then each other
// cell as "Header: value", the value wrapped at spaces under its own
// start, a blank line between records:
//
//	anything-but
//	  example condition: {"anything-but": ["rugby", "tennis"]}, also
//	                     {"anything-but": {"prefix": "tmp/"}}
//	  matches:           any value not in the list
//
// When the headers are too long to leave the values half the width, each
// field is wrapped as a whole and hangs recordHang columns in instead.

const (
	recordIndent = 2 // a record's fields, right of its heading
	recordHang   = 4 // a field's later lines, when values are not aligned
)

// records draws the rows of t as stacked records at most width columns
// wide.
func (r *renderer) records(t cells, width int) []line {
	ncol := len(t.widths)
	labels := make([][]piece, ncol)
	labelW := 0 // the widest label, colon included
	for ci := 1; ci < ncol; ci++ {
		if len(t.head[ci]) == 0 {
			continue // a column with no header: its values alone
		}
		var ps []piece
		for _, p := range t.head[ci] {
			p.st = p.st&^sBold | sSubtle
			ps = append(ps, p)
		}
		labels[ci] = append(ps, piece{text: ":", st: sSubtle, glue: true})
		labelW = max(labelW, piecesWidth(labels[ci]))
	}
	valueCol := recordIndent + labelW + 1
	aligned := width-valueCol >= width/2
	var out []line
	for ri, row := range t.body {
		if ri > 0 {
			out = append(out, line{})
		}
		if len(row[0]) > 0 {
			var head []piece
			for _, p := range row[0] {
				p.st |= sBold
				head = append(head, p)
			}
			out = append(out, r.prose(unglue(head, width), width)...)
		}
		for ci := 1; ci < ncol; ci++ {
			if len(row[ci]) == 0 {
				continue
			}
			if aligned {
				out = append(out, r.alignedField(labels[ci], row[ci], valueCol, width)...)
			} else {
				out = append(out, r.hangingField(labels[ci], row[ci], width)...)
			}
		}
	}
	return out
}

// alignedField is label then value, the value wrapped at valueCol.
func (r *renderer) alignedField(label, value []piece, valueCol, width int) []line {
	ls := r.wrap(unglue(value, width-valueCol), width-valueCol)
	out := make([]line, len(ls))
	pad := strings.Repeat(" ", valueCol)
	for i, l := range ls {
		out[i] = line{text: pad + l}
	}
	lab := r.line(label)
	out[0].text = strings.Repeat(" ", recordIndent) + lab +
		strings.Repeat(" ", valueCol-recordIndent-ansi.StringWidth(ansi.Strip(lab))) + ls[0]
	return out
}

// hangingField is label and value wrapped as one, hanging under the label.
func (r *renderer) hangingField(label, value []piece, width int) []line {
	w := max(width-recordHang, 1)
	ps := append([]piece{}, label...)
	if len(ps) > 0 {
		ps = append(ps, piece{text: " "})
	}
	ps = append(ps, value...)
	ls := r.wrap(unglue(ps, w), w)
	out := make([]line, len(ls))
	for i, l := range ls {
		in := recordHang
		if i == 0 {
			in = recordIndent
		}
		out[i] = line{text: strings.Repeat(" ", in) + l}
	}
	return out
}

// unglue lets a code span break at its spaces (between its tokens) when
// the word it is part of (the span and any text touching it, such as a
// comma after it) is wider than width, rather than have it cut inside a
// token or stick out of the line.
func unglue(ps []piece, width int) []piece {
	out := append([]piece(nil), ps...)
	for i, p := range ps {
		if !p.glue {
			continue
		}
		w := ansi.StringWidth(p.text)
		for j := i - 1; j >= 0; j-- { // the word's part before the span
			t := ps[j].text
			if !ps[j].glue {
				if k := strings.LastIndexByte(t, ' '); k >= 0 {
					w += ansi.StringWidth(t[k+1:])
					break
				}
			}
			w += ansi.StringWidth(t)
		}
		for j := i + 1; j < len(ps); j++ { // and after it
			t := ps[j].text
			if !ps[j].glue {
				if k := strings.IndexByte(t, ' '); k >= 0 {
					w += ansi.StringWidth(t[:k])
					break
				}
			}
			w += ansi.StringWidth(t)
		}
		if w > width {
			out[i].glue = false
		}
	}
	return out
}
