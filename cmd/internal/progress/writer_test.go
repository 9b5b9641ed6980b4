package progress

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// slowStore applies changes after a random pause, as a busy disk would, and
// remembers their order.
type slowStore struct {
	mu      sync.Mutex
	applied []int
	fail    int // offset whose change fails
}

func (s *slowStore) Load(context.Context, string) (Snapshot, error) { return Snapshot{}, nil }
func (s *slowStore) Where() string                                  { return "slow" }
func (s *slowStore) Close() error                                   { return nil }
func (s *slowStore) Apply(_ context.Context, _ string, c Change) error {
	time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
	o := c.(Offset).Offset
	s.mu.Lock()
	defer s.mu.Unlock()
	s.applied = append(s.applied, o)
	if o == s.fail {
		return errors.New("disk full")
	}
	return nil
}

// Each change is waited for in its own goroutine, as Bubble Tea runs the
// commands that wait for them; the writer still applies them in the order
// they were submitted, so the last offset is the one that stays.
func TestWriterAppliesInSubmissionOrder(t *testing.T) {
	st := &slowStore{fail: 50}
	w := NewWriter(st, LocalLearner)
	var wg sync.WaitGroup
	errs := make([]error, 201)
	for i := 1; i <= 200; i++ {
		ch := w.Submit(Offset{Lesson: "sqs", Offset: i})
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = <-ch }()
	}
	wg.Wait()
	if err := w.Close(); err == nil || err.Error() != "disk full" {
		t.Fatalf("Close: %v, want the first error", err)
	}
	if errs[50] == nil || errs[51] != nil {
		t.Fatalf("results: 50=%v 51=%v", errs[50], errs[51])
	}
	if len(st.applied) != 200 {
		t.Fatalf("applied %d of 200", len(st.applied))
	}
	for i, o := range st.applied {
		if o != i+1 {
			t.Fatalf("change %d applied at position %d: %v", o, i+1, st.applied[:i+1])
		}
	}
	if err := <-w.Submit(Offset{Offset: 1}); err == nil {
		t.Fatal("submit after close succeeded")
	}
}

// The same through the real store: the offset stored is the last submitted.
func TestWriterLastOffsetWins(t *testing.T) {
	s, _ := open(t, t.TempDir())
	w := NewWriter(s, LocalLearner)
	var chans []<-chan error
	for i := 1; i <= 50; i++ {
		chans = append(chans, w.Submit(Offset{Lesson: "sqs", Offset: i, At: time.Now()}))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for _, ch := range chans {
		if err := <-ch; err != nil {
			t.Fatal(err)
		}
	}
	if got := load(t, s).Progress.Lesson("sqs").Offset; got != 50 {
		t.Fatalf("offset %d, want 50", got)
	}
}
