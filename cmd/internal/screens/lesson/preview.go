package lesson

import "github.com/tutor-dev/tutor/cmd/internal/render"

// SetPreview shows the top of the rendered lesson while the whole of it is
// still rendering, scrolled to where the learner left it: the first screen
// of a reopened lesson does not wait for the rest. The reader scrolls it,
// but reports nothing read and offers no end-of-lesson activities until
// SetContent brings the whole text (keeping the scroll position). A preview
// after the whole text has arrived is ignored.
func (m *Model) SetPreview(s string) {
	if m.Loaded() {
		return
	}
	off := m.Offset()
	m.page = render.NewPage(s)
	m.vp.SetContentLines(m.page.Text())
	m.vp.SetYOffset(off)
	m.loaded, m.partial = true, true
	m.resize()
}
