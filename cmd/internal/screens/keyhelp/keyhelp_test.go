package keyhelp

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

func b(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }

// TestRenderWrapsInsteadOfOverflowing: long descriptions wrap under
// themselves, groups go side by side only when they fit, nothing is lost.
func TestRenderWrapsInsteadOfOverflowing(t *testing.T) {
	groups := []Group{
		{Title: "In a lab", Keys: []key.Binding{b("enter", "run the handler on the event"), b("e", "edit the event in $EDITOR, run it")}},
		{Title: "Anywhere", Keys: []key.Binding{b("?", "help"), b("ctrl+c", "quit")}},
	}
	for _, w := range []int{20, 40, 60, 80, 83, 200} {
		out := Render(common.New(), groups, "Progress is saved as you go.", w)
		for i, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %d is %d wide: %q", w, i+1, ansi.StringWidth(l), ansi.Strip(l))
			}
		}
		flat := strings.Join(strings.Fields(ansi.Strip(out)), " ")
		for _, want := range []string{"edit the event in $EDITOR, run it", "ctrl+c quit", "Progress is saved as you go."} {
			if !strings.Contains(flat, want) {
				t.Errorf("width %d: %q is missing:\n%s", w, want, ansi.Strip(out))
			}
		}
		sideBySide := strings.Contains(ansi.Strip(out), "In a lab") && strings.Contains(strings.Split(ansi.Strip(out), "\n")[1], "Anywhere")
		if sideBySide != (w >= 88) { // two blocks of 42 columns and the gap
			t.Errorf("width %d: side by side = %v", w, sideBySide)
		}
	}
}
