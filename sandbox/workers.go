package sandbox

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Handlers run on worker goroutines rather than on the caller's, so the
// caller can report a time-out at the deadline without waiting for the
// handler. A fresh goroutine per invocation would cost about half of a raw
// invocation again: it starts with a small stack, and aws-lambda-go's
// reflective JSON decoding grows it (a stack copy) on every call. Idle
// workers keep their grown stacks. A worker puts itself back on the idle
// list before it reports its outcome, so back-to-back invocations reuse one
// worker; a worker stuck in a handler past its deadline is simply not idle,
// and a new one starts when needed.

// workerIdle is how long an idle worker waits for a job before it exits.
const workerIdle = 10 * time.Second

type job struct {
	f     *Function
	ctx   context.Context
	event []byte
	done  chan<- outcome
}

type worker struct {
	jobs chan job // buffered: dispatch never blocks
}

var (
	idleMu         sync.Mutex
	idle           []*worker // a stack: the most recently used worker goes first
	workersStarted atomic.Int64
)

// dispatch hands the job to an idle worker, or starts one.
func dispatch(j job) {
	idleMu.Lock()
	if n := len(idle); n > 0 {
		w := idle[n-1]
		idle = idle[:n-1]
		idleMu.Unlock()
		w.jobs <- j
		return
	}
	idleMu.Unlock()
	w := &worker{jobs: make(chan job, 1)}
	workersStarted.Add(1)
	go w.loop(j)
}

func (w *worker) loop(j job) {
	timer := time.NewTimer(workerIdle)
	defer timer.Stop()
	for {
		out := j.f.run(j.ctx, j.event)
		done := j.done
		j = job{} // hold no references while idle
		idleMu.Lock()
		idle = append(idle, w)
		idleMu.Unlock()
		done <- out // has room: the caller may have stopped waiting
		timer.Reset(workerIdle)
		select {
		case j = <-w.jobs:
		case <-timer.C:
			idleMu.Lock()
			if i := slices.Index(idle, w); i >= 0 {
				idle = slices.Delete(idle, i, i+1)
				idleMu.Unlock()
				return
			}
			idleMu.Unlock()
			j = <-w.jobs // a dispatch took this worker just now: its job is coming
		}
	}
}
