package sandbox

import (
	"context"
	"time"
)

// Handlers run on worker goroutines rather than on the caller's, so the
// caller can report a time-out at the deadline without waiting for the
// handler. A fresh goroutine per invocation would cost more than the sandbox's
// whole budget: it starts with a small stack, and aws-lambda-go's reflective
// JSON decoding grows it (a stack copy) on every call. Idle workers keep their
// grown stacks and wait for the next job; a worker stuck in a handler past
// its deadline is simply no longer idle, and a new one starts when needed.

// workerIdle is how long an idle worker waits for a job before it exits.
const workerIdle = 10 * time.Second

type job struct {
	f     *Function
	ctx   context.Context
	event []byte
	done  chan<- outcome
}

// jobs is unbuffered: a send succeeds only when an idle worker takes the job.
var jobs = make(chan job)

// dispatch hands the job to an idle worker, or starts one.
func dispatch(j job) {
	select {
	case jobs <- j:
	default:
		go worker(j)
	}
}

func worker(j job) {
	idle := time.NewTimer(workerIdle)
	defer idle.Stop()
	for {
		j.f.run(j.ctx, j.event, j.done)
		j = job{} // drop references while idle
		idle.Reset(workerIdle)
		select {
		case j = <-jobs:
		case <-idle.C:
			return
		}
	}
}
