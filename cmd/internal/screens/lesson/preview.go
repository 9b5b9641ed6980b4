package lesson

import "github.com/tutor-dev/tutor/cmd/internal/render"

// SetPreview shows the top of the rendered lesson while the whole of it is
// still rendering, at the reading position: the first screen of a
// reopened lesson does not wait for the rest. s is the rendering of md, a
// prefix of the lesson's markdown. The reader scrolls it, but reports
// nothing read and offers no end-of-lesson activities until SetContent
// brings the whole text (keeping the reading position). It reports whether
// it showed s: not when the whole text is already there, nor when s does
// not reach past a screen from the reading position.
func (m *Model) SetPreview(s, md string) bool {
	if m.Loaded() || len(md) > len(m.source) || m.source[:len(md)] != md {
		return false
	}
	off, pos := m.Offset(), m.Position()
	if m.loaded && off == 0 {
		pos = 0
	}
	as := anchors(md, s)
	if pos > 0 {
		if pos*float64(len(m.source)) >= float64(len(md)) {
			return false // the reading position is past the preview
		}
		off = toLine(as, pos, len(m.source))
	}
	page := render.NewPage(s)
	if off+m.vp.Height() > len(page.Text()) {
		return false
	}
	m.page, m.anchors = page, as
	m.vp.SetContentLines(page.Text())
	m.vp.SetYOffset(off)
	m.loaded, m.partial = true, true
	m.resize()
	return true
}
