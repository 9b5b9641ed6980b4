package app

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// footer is the help line: as many of keys as fit in w, in the order
// given (each screen lists its most important keys first), then always
// "? more", which opens the help with every key. A key that does not fit
// is left out whole, never cut; when some do not fit, the separators
// shrink to two spaces to make room.
func (m Model) footer(keys []key.Binding, more bool, w int) string {
	id := footerKey(keys, more, w, m.common.Styles.Dark)
	if out, ok := m.foot.get(id); ok {
		return out
	}
	out, all := m.footerWith(keys, more, w, " • ")
	if !all {
		out, _ = m.footerWith(keys, more, w, "  ")
	}
	m.foot.put(id, out)
	return out
}

// footCache keeps the footers drawn, by footerKey: the help line is the
// same on most frames, and styling it each time was 7% of a class
// server's CPU. It is shared by the copies of one session's model (one
// goroutine); the theme is part of the key, as the line is drawn in its styles.
type footCache struct{ lines map[string]string }

// footCacheMax bounds the footers kept (a session sees a few screens, a
// few widths).
const footCacheMax = 32

func newFootCache() *footCache { return &footCache{lines: map[string]string{}} }

func (c *footCache) get(id string) (string, bool) {
	if c == nil {
		return "", false
	}
	out, ok := c.lines[id]
	return out, ok
}

func (c *footCache) put(id, out string) {
	if c == nil {
		return
	}
	if len(c.lines) >= footCacheMax {
		clear(c.lines)
	}
	c.lines[id] = out
}

// footerKey is everything a footer is drawn from: the keys, the width and
// the theme (dark or light) whose styles draw it.
func footerKey(keys []key.Binding, more bool, w int, dark bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %t %t", w, more, dark)
	for _, k := range keys {
		h := k.Help()
		fmt.Fprintf(&b, "\x00%t\x00%s\x00%s", k.Enabled(), h.Key, h.Desc)
	}
	return b.String()
}

// footerWith is footer with one separator; all says every key fitted.
func (m Model) footerWith(keys []key.Binding, more bool, w int, between string) (_ string, all bool) {
	st := m.help.Styles
	sep := st.ShortSeparator.Render(between)
	all = true
	item := func(k, d string) string { return st.ShortKey.Render(k) + " " + st.ShortDesc.Render(d) }
	tail := ""
	if more {
		tail = item(m.common.Keys.Help.Help().Key, "more")
	}
	var b strings.Builder
	used := 0
	for _, k := range keys {
		if !k.Enabled() || k.Help().Key == "" {
			continue
		}
		it := item(k.Help().Key, k.Help().Desc)
		need := lipgloss.Width(it)
		if used > 0 {
			need += lipgloss.Width(sep)
		}
		room := w - used
		if tail != "" {
			room -= lipgloss.Width(sep) + lipgloss.Width(tail)
		}
		if need > room {
			all = false
			continue // a shorter key further on may still fit
		}
		if used > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it)
		used += need
	}
	if tail != "" {
		if used > 0 {
			b.WriteString(sep)
		}
		b.WriteString(tail)
	}
	return ansi.Truncate(b.String(), w, "…"), all
}

// warningLines are the lines of the warning given at start (a damaged
// progress file), wrapped whole to the window; none once dismissed.
func (m Model) warningLines() []string {
	if m.warning == "" || m.common.Width == 0 {
		return nil
	}
	w := m.common.Width
	text := ansi.Wordwrap("! "+m.warning, w, " /-")
	text = ansi.Hardwrap(text, w, true)
	lines := strings.Split(text, "\n")
	if most := max(m.common.Height-4, 1); len(lines) > most {
		lines = lines[:most]
	}
	for i, l := range lines {
		lines[i] = m.common.Styles.InProgress.Render(l)
	}
	return lines
}
