package render

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// bullet marks an item of a list without numbers.
const bullet = "•"

// list renders a list: each item's first line after its marker, the rest
// of the item indented under its text (so a wrapped item hangs), nested
// lists further in, a blank line between the items of a loose list.
func (r *renderer) list(n *ast.List, width int) []line {
	markers := []string{}
	num := n.Start
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		m := bullet
		if n.IsOrdered() {
			m = strconv.Itoa(num) + string(n.Marker)
			num++
		}
		markers = append(markers, m)
	}
	mw := 0
	for _, m := range markers {
		mw = max(mw, len([]rune(m)))
	}
	mw++ // the space after the marker
	var out []line
	i := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if i > 0 && !n.IsTight {
			out = append(out, line{})
		}
		m := markers[i]
		i++
		var b strings.Builder
		r.pal.paint(&b, sSubtle, m)
		head := b.String() + strings.Repeat(" ", mw-len([]rune(m)))
		rest := strings.Repeat(" ", mw)
		body := r.blocks(c, width-mw)
		if len(body) == 0 {
			body = []line{{}}
		}
		for j, l := range body {
			switch {
			case j == 0:
				l.text = head + l.text
			case l.text != "":
				l.text = rest + l.text
			}
			out = append(out, l)
		}
	}
	return out
}
