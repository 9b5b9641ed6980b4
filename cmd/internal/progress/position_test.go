package progress

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestPositionRoundTrip: the reading position is its own change, kept
// between 0 and 1, and read back.
func TestPositionRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir)
	at := time.Unix(100, 0)
	for _, c := range []Change{Open{Lesson: "sqs", At: at}, Position{Lesson: "sqs", Position: 0.42, At: at}, Position{Lesson: "sns", Position: 7, At: at}} {
		if err := s.Apply(ctx, LocalLearner, c); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := s.Load(ctx, LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	if got := snap.Progress.Lesson("sqs").Position; got != 0.42 {
		t.Errorf("sqs position %v, want 0.42", got)
	}
	if got := snap.Progress.Lesson("sns").Position; got != 1 {
		t.Errorf("sns position %v, want 1 (clamped)", got)
	}
	st := New()
	ApplyTo(st, Position{Lesson: "sqs", Position: -3})
	if st.Lesson("sqs").Position != 0 {
		t.Error("a negative position is not 0")
	}
}

// TestSchemaStep2KeepsVersion1Data: a database at schema version 1 gains
// the position column, its rows kept.
func TestSchemaStep2KeepsVersion1Data(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, "tutor.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{migrations[0],
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`,
		`INSERT INTO schema_version (version) VALUES (1)`,
		`INSERT INTO lessons (learner, lesson, opened, scroll_offset) VALUES ('local', 'sqs', 1, 12)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, _ := open(t, dir)
	snap, err := s.Load(ctx, LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	if l := snap.Progress.Lesson("sqs"); !l.Opened || l.Offset != 12 || l.Position != 0 {
		t.Errorf("after step 2: %+v", l)
	}
	if err := s.Apply(ctx, LocalLearner, Position{Lesson: "sqs", Position: 0.5}); err != nil {
		t.Fatal(err)
	}
}
