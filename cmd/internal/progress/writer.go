package progress

import (
	"context"
	"sync"
)

// Writer applies one learner's changes to a store one at a time, in the
// order they were submitted. The TUI needs it: Bubble Tea runs commands
// concurrently, so two saves started as commands could land in either
// order and an older scroll offset overwrite a newer one. Submit is called
// from Update (so submission order is the order of events) and never
// blocks; a single goroutine applies the queue.
type Writer struct {
	store   Store
	learner string

	mu       sync.Mutex
	cond     *sync.Cond
	queue    []job
	busy     bool // a change is being applied
	closed   bool
	firstErr error
	done     chan struct{}
}

type job struct {
	c   Change
	res chan error
}

// NewWriter starts a writer for learner's changes to store.
func NewWriter(store Store, learner string) *Writer {
	w := &Writer{store: store, learner: learner, done: make(chan struct{})}
	w.cond = sync.NewCond(&w.mu)
	go w.run()
	return w
}

// Submit queues a change; the channel gets its result (nil on success) once
// it is applied. After Close, Submit reports an error at once.
func (w *Writer) Submit(c Change) <-chan error {
	res := make(chan error, 1)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		res <- errWriterClosed
		return res
	}
	w.queue = append(w.queue, job{c, res})
	w.cond.Signal()
	return res
}

type closedError struct{}

func (closedError) Error() string { return "progress writer is closed" }

var errWriterClosed error = closedError{}

func (w *Writer) run() {
	defer close(w.done)
	for {
		w.mu.Lock()
		for len(w.queue) == 0 && !w.closed {
			w.cond.Wait()
		}
		if len(w.queue) == 0 {
			w.mu.Unlock()
			return
		}
		j := w.queue[0]
		w.queue = w.queue[1:]
		w.busy = true
		w.mu.Unlock()

		err := w.store.Apply(context.Background(), w.learner, j.c)
		w.mu.Lock()
		if err != nil && w.firstErr == nil {
			w.firstErr = err
		}
		w.busy = false
		w.mu.Unlock()
		j.res <- err
	}
}

// Pending is the number of changes submitted and not yet applied.
func (w *Writer) Pending() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := len(w.queue)
	if w.busy {
		n++
	}
	return n
}

// Close applies what is queued, stops the writer and returns the first
// error any change met (already reported to its submitter, repeated here
// for the exit status).
func (w *Writer) Close() error {
	w.mu.Lock()
	w.closed = true
	w.cond.Signal()
	w.mu.Unlock()
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.firstErr
}
