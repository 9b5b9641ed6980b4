package app

import (
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// Sessions of one server share their rendered lessons: a second learner
// opening a lesson at the same width and theme renders no markdown, and
// sees the same text as the first.
func TestSharedRendersServeTheNextSession(t *testing.T) {
	shared := NewSharedRenders(SharedRendersSize)
	crs := testCourse(t)
	session := func() Model {
		m := New(Options{Course: crs, Renders: shared, Now: func() time.Time { return time.Unix(0, 0) }})
		m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = send(t, m, press("enter"))
		return m
	}
	first := session()
	before := render.Count()
	second := session()
	if n := render.Count() - before; n != 0 {
		t.Fatalf("the second session rendered markdown %d times, want 0", n)
	}
	if view(second) != view(first) {
		t.Fatalf("the second session shows another lesson text:\n%s\nwant\n%s", view(second), view(first))
	}
}

// Sessions asking at once for a lesson no one rendered yet (a class
// reconnecting after a restart) render it once.
func TestSharedRendersRenderOnceForConcurrentSessions(t *testing.T) {
	shared := NewSharedRenders(SharedRendersSize)
	k := render.Key{Lesson: "alpha", Width: 70, Dark: true}
	before := render.Count()
	var wg sync.WaitGroup
	outs := make([]render.RenderedMsg, 8)
	for i := range outs {
		wg.Go(func() { outs[i] = shared.cmd(k, "# Alpha\n\nA paragraph.\n")().(render.RenderedMsg) })
	}
	wg.Wait()
	if n := render.Count() - before; n != 1 {
		t.Fatalf("%d renderings for 8 sessions at once, want 1", n)
	}
	for _, o := range outs {
		if o.Err != nil || o.Out == "" || o.Out != outs[0].Out || o.Key != k {
			t.Fatalf("a session got %+v", o)
		}
	}
}
