package app

import "testing"

// The tests do not wait for scrolling to settle.
func init() { settleDelay = 0 }

// TestPositionIsSavedWhenScrollingSettles: without leaving the lesson or
// quitting (the terminal closed, say), the position is in the database.
func TestPositionIsSavedWhenScrollingSettles(t *testing.T) {
	dir := t.TempDir()
	win := openWindow(t, dir)
	m, _ := send(t, win.m, press("enter"))
	for range 3 {
		m, _ = send(t, m, press("pgdown"))
	}
	// send ran each save's command, which waits for the write: nothing is pending
	snap := loadDir(t, dir)
	l := snap.Progress.Lesson("alpha")
	if l.Position <= 0 || l.Offset <= 0 {
		t.Fatalf("after scrolling settled: position %v, offset %d; want both saved", l.Position, l.Offset)
	}
	// a settle message from before the last scroll saves nothing
	stale := m
	stale.scrollSeq = 5
	if cmd := stale.settled(settledMsg{seq: 4}); cmd != nil {
		t.Error("a stale settle saves")
	}
}
