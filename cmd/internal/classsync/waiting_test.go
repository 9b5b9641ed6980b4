package classsync

import (
	"context"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// The offline line counts what waits from the marks last acknowledged.
func TestWaiting(t *testing.T) {
	ctx := context.Background()
	s, _, err := progress.OpenSQLite(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := Options{Addr: "h:1", Local: s}
	origin, _ := s.Origin(ctx)
	if got := waiting(ctx, o, origin); got != "your work is" {
		t.Fatalf("nothing yet: %q", got)
	}
	at := time.Now()
	for i := range 3 {
		s.Apply(ctx, progress.LocalLearner, progress.Answer{Item: "i", Right: true, At: at.Add(time.Duration(i) * time.Second), Picked: []string{"a"}})
	}
	st := progress.SyncState{Answers: 1} // the server had the first one
	if err := s.SaveAcked(ctx, o.Addr, st); err != nil {
		t.Fatal(err)
	}
	if got := waiting(ctx, o, origin); got != "2 answers are" {
		t.Fatalf("got %q, want %q", got, "2 answers are")
	}
}
