package experiment

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// Every size from 0x0 to 60x20 for two sources, a sample of them for the
// rest (their longer timelines make each resize slower).
func TestTinySizesNeverPanic(t *testing.T) {
	for _, source := range sources {
		step := map[bool]int{true: 1, false: 4}[source == "sqs" || source == "apigateway"]
		ran := do(newExp(t, source, 100, 29), enter)
		for _, m := range []Model{newExp(t, source, 100, 29), ran} {
			for w := 0; w <= 60; w += step {
				for h := 0; h <= 20; h++ {
					c := common.New()
					c.Width, c.Height = w, h
					m.SetCommon(c)
					m = do(m, down)
					v := view(m)
					lines := strings.Split(v, "\n")
					if v != "" && len(lines) > h {
						t.Fatalf("%s at %dx%d: %d lines", source, w, h, len(lines))
					}
					for _, l := range lines {
						if ansi.StringWidth(l) > w {
							t.Fatalf("%s at %dx%d: line %q is wider", source, w, h, l)
						}
					}
				}
			}
		}
	}
}

// The note before the first run is wrapped, not cut at the window's edge
// (the viewport does not wrap: refresh wraps the run with a hanging indent).
func TestNotRunYetIsWrappedAtFortyColumns(t *testing.T) {
	v := view(newExp(t, "sqs", 40, 9))
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "press enter to run the experiment") {
		t.Fatalf("the note is cut at 40 columns:\n%s", v)
	}
}
