package app

import (
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// openWide opens the built-in SNS lesson at 60x20, scrolled until its
// first diagram (70 columns wide) is on screen, clipped.
func openWide(tb testing.TB) Model {
	tb.Helper()
	c, err := course.Load("")
	if err != nil {
		tb.Fatal(err)
	}
	m := New(Options{Course: c})
	m, _ = send(tb, m, windowSize(60, 20))
	m.openLesson("sns")
	m, _ = send(tb, m, windowSize(60, 20))
	for i := 0; i < 40 && !strings.Contains(view(m), "›"); i++ {
		m, _ = send(tb, m, press("j"))
	}
	if !strings.Contains(view(m), "›") {
		tb.Fatalf("no clipped code in the SNS lesson at 60 columns:\n%s", view(m))
	}
	return m
}

// Scrolling code sideways redraws from the cached rendering: each key
// changes the frame and renders no markdown.
func TestSidewaysScrollNeverRendersMarkdown(t *testing.T) {
	m := openWide(t)
	before := render.Count()
	prev := view(m)
	for _, k := range []string{">", ">", "<", "<"} {
		m, _ = send(t, m, press(k))
		v := view(m)
		if v == prev {
			t.Fatalf("%q did not change the frame:\n%s", k, v)
		}
		prev = v
	}
	if n := render.Count() - before; n != 0 {
		t.Fatalf("%d markdown renders on sideways keys, want 0", n)
	}
}

// BenchmarkSidewaysScroll is one sideways keypress on a clipped diagram and
// the frame after it; every key changes the frame (> and < alternate), and
// the commands Update returns are run, so renders/op counts the renders a
// key would cause (it must be 0):
//
//	go test -run '^$' -bench 'PageTurn|RenderLesson|Sideways' -count 6 ./cmd/internal/app/
func BenchmarkSidewaysScroll(b *testing.B) {
	m := openWide(b)
	before := render.Count()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := press(">")
		if i%2 == 1 {
			k = press("<")
		}
		tm, cmd := m.Update(k)
		m = tm.(Model)
		if cmd != nil {
			_ = cmd()
		}
		_ = m.View()
	}
	b.StopTimer()
	b.ReportMetric(float64(render.Count()-before)/float64(b.N), "renders/op")
}
