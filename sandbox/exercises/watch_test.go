package exercises

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatcher: a save of a .go file is reported once settled, other files
// are not, and Close stops the watcher (Changes closes).
func TestWatcher(t *testing.T) {
	dir := t.TempDir()
	w, err := Watch(context.Background(), dir, 10*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "handler.go"), []byte("package main\n"), 0o644)
	select {
	case _, ok := <-w.Changes:
		if !ok {
			t.Fatal("closed before reporting")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no change reported for a saved .go file")
	}
	w.Close()
	for range w.Changes {
	}
}

// TestWatcherEndsWithItsContext: cancelling the context stops it too.
func TestWatcherEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	w, err := Watch(ctx, t.TempDir(), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	for range w.Changes {
	}
	if _, err := Watch(context.Background(), filepath.Join(t.TempDir(), "gone"), time.Millisecond); err == nil {
		t.Error("watching a missing folder should fail")
	}
}
