package progress

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// A learner's Load must not queue behind the writing connection: on a
// class server a new learner's first screen waited for every other
// learner's queued commits (one connection for reads and writes). With
// the write connection held in an open transaction, Load still answers,
// from the read pool, and sees what was committed before.
func TestSQLiteLoadDoesNotWaitForTheWriter(t *testing.T) {
	s, _ := open(t, filepath.Join(t.TempDir(), "state"))
	now := time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)
	apply(t, s, Open{"sqs", now}, Answer{Item: "a", Right: true, At: now})

	tx, err := s.DB().BeginTx(ctx, nil) // holds the one writing connection (and the write lock)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE learners SET last_lesson = 'uncommitted' WHERE learner = ?`, LocalLearner); err != nil {
		t.Fatal(err)
	}

	// The deadline only bounds a hang; before the read pool, Load blocked
	// here until it expired.
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	snap, err := s.Load(c, LocalLearner)
	if err != nil {
		t.Fatalf("Load while a write transaction is open: %v", err)
	}
	if snap.Progress.Last != "sqs" || snap.Review.Items["a"] == nil {
		t.Fatalf("Load saw last lesson %q, review %v; want the committed state (sqs, item a)", snap.Progress.Last, snap.Review.Items)
	}
	if _, err := s.Name(c, LocalLearner); err != nil {
		t.Fatalf("Name while a write transaction is open: %v", err)
	}
}

// The read pool is read-only: a write sent through it by mistake fails
// instead of bypassing the ordered writer.
func TestSQLiteReadPoolIsReadOnly(t *testing.T) {
	s, _ := open(t, filepath.Join(t.TempDir(), "state"))
	if _, err := s.rdb.ExecContext(context.Background(), `DELETE FROM answers`); err == nil {
		t.Fatal("a write on the read pool succeeded")
	}
}
