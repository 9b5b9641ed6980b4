package experiment

import (
	"context"
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A run superseded by another, or abandoned by leaving the panel, is
// cancelled: its command ends with context.Canceled instead of simulating
// for nobody.
func TestSupersededRunIsCancelled(t *testing.T) {
	m := newExp(t, "sqs", 100, 30)
	first := m.runCmd()
	_ = m.runCmd() // the learner pressed run again
	msg, ok := first().(resultMsg)
	if !ok || !errors.Is(msg.err, context.Canceled) {
		t.Fatalf("superseded run ended with %+v, want context.Canceled", msg)
	}
	if msg.seq == m.seq {
		t.Fatal("the superseded run has the current sequence number")
	}
}

func TestLeavingCancelsTheRun(t *testing.T) {
	m := newExp(t, "sqs", 100, 30)
	run := m.runCmd()
	m, _ = m.key(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if msg := run().(resultMsg); !errors.Is(msg.err, context.Canceled) {
		t.Fatalf("run after leaving ended with err %v, want context.Canceled", msg.err)
	}
}
