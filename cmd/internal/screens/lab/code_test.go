package lab

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The code pane never wraps code: at 40 columns its long lines are clipped
// with a marker, before and after highlighting, and > scrolls them.
func TestCodePaneClipsAndScrollsSideways(t *testing.T) {
	m := newLab(t)
	c := m.common
	c.Width = 40
	m.SetCommon(c)
	check := func(when string) string {
		t.Helper()
		v := view(m)
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > 40 {
				t.Fatalf("%s: a line %d wide: %q", when, ansi.StringWidth(l), l)
			}
		}
		if !strings.Contains(v, "›") || !strings.Contains(v, "func ProcessPartial(") {
			t.Fatalf("%s: want the code clipped with ›, not wrapped:\n%s", when, v)
		}
		return v
	}
	check("raw")
	if msg := m.Init()(); msg != nil {
		m, _ = m.Update(msg)
	}
	v := check("highlighted")
	m, _ = m.Update(tea.KeyPressMsg{Code: '>', Text: ">"})
	if v2 := view(m); v2 == v || !strings.Contains(v2, "‹") {
		t.Fatalf("> did not scroll the code:\n%s", v2)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: '<', Text: "<"})
	if view(m) != v {
		t.Fatal("< did not scroll back")
	}
}
