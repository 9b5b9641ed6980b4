package app

import (
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// Dragging the window's edge across a hundred widths renders the lesson at
// each, but the app keeps only the last few renderings.
func TestResizingKeepsABoundedRenderCache(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	for w := 40; w <= 140; w++ {
		m, _ = send(t, m, windowSize(w, 24))
	}
	if n := m.cache.Len(); n > render.DefaultLRUSize {
		t.Fatalf("the cache holds %d renderings after 101 widths, want at most %d", n, render.DefaultLRUSize)
	}
	if _, ok := m.cache.Get(m.renderKey()); !ok {
		t.Fatal("the rendering on screen was dropped")
	}
}
