package app

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestIdleTimeoutQuits: the idle check quits the app once no key was
// pressed for the timeout, and says so; a key press in between postpones it
// (one timer: the check waits for the rest of the time).
func TestIdleTimeoutQuits(t *testing.T) {
	now := time.Unix(0, 0)
	m := New(Options{Course: testCourse(t), IdleTimeout: 30 * time.Minute, Now: func() time.Time { return now }})
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	now = now.Add(10 * time.Minute)
	tm, _ = tm.Update(press("down"))
	now = now.Add(20 * time.Minute) // 30m since the start, 20m since the key
	tm, cmd := tm.Update(idleMsg{})
	if tm.(Model).Idled() || cmd == nil {
		t.Fatal("quit 20m after a key press, or stopped checking")
	}
	now = now.Add(10 * time.Minute)
	tm, cmd = tm.Update(idleMsg{})
	if !tm.(Model).Idled() || cmd == nil {
		t.Fatal("30m after the last key press the app did not quit")
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
