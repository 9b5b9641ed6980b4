package app

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestIdleTimeoutQuits: the idle timer of the last key press quits the app
// and says so; a timer from before a later key press does nothing.
func TestIdleTimeoutQuits(t *testing.T) {
	m := New(Options{Course: testCourse(t), IdleTimeout: time.Hour})
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm, _ = tm.Update(press("down"))
	tm, cmd := tm.Update(idleMsg{seq: 0}) // started before the key press
	if cmd != nil || tm.(Model).Idled() {
		t.Fatal("a stale idle timer quit the app")
	}
	tm, cmd = tm.Update(idleMsg{seq: 1})
	if !tm.(Model).Idled() || cmd == nil {
		t.Fatal("the idle timer of the last key press did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("idle: want tea.Quit")
	}
}

// TestRemoteExerciseIsNotOpened: over SSH the exercise activity explains
// how to run it on the learner's machine instead of building code.
func TestRemoteExerciseIsNotOpened(t *testing.T) {
	m := New(Options{Course: withExercise(t), Remote: true, Now: func() time.Time { return time.Unix(0, 0) }})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("w"))
	if title(m) != "Lesson" {
		t.Fatalf("w over SSH opened %s", title(m))
	}
	if m.status != RemoteExercise {
		t.Fatalf("status %q", m.status)
	}
}
