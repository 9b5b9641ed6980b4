package app

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestRemoteExerciseLinksTheClass: over SSH the exercise activity names
// the class to link the learner's own results to (tutor class join).
func TestRemoteExerciseLinksTheClass(t *testing.T) {
	m := New(Options{Course: withExercise(t), Remote: true, ClassAddr: "10.0.0.5:2222", Now: func() time.Time { return time.Unix(0, 0) }})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("w"))
	if !strings.HasPrefix(m.status, RemoteExercise) || !strings.Contains(m.status, "tutor class join ssh://10.0.0.5:2222") {
		t.Fatalf("status %q", m.status)
	}
}
