package runtimeapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
)

// Pool keeps N copies of a binary warm and sends each invocation to an idle
// one, so N invocations run at once. A copy that exits, crashes or times out
// is replaced, as Lambda replaces a failed execution environment.
type Pool struct {
	cfg  Config
	logs io.Writer // the children's output and the START/END/REPORT lines; nil discards
	idle chan *slot
	// inflight bounds the HTTP requests read, run and answered at once, so
	// that request and response bodies (up to 6 MB each) held for slow
	// clients stay bounded; further requests wait their turn unread.
	inflight chan struct{}

	mu     sync.Mutex
	slots  []*slot
	closed bool
	wg     sync.WaitGroup // restarts in flight
}

type slot struct{ w *worker } // w is nil when a restart failed; acquire retries it

// ErrClosed is returned by Invoke after Close.
var ErrClosed = errors.New("the pool is closed")

// NewPool starts n copies of cfg.Bin. logs receives their stdout and
// stderr (as the Runtime Interface Emulator prints them) and Lambda's
// START, END and REPORT lines, each line whole in one Write, from several
// goroutines: it must be safe for that (an *os.File is).
func NewPool(cfg Config, n int, logs io.Writer) (*Pool, error) {
	cfg = cfg.withDefaults()
	if n < 1 {
		return nil, fmt.Errorf("concurrency must be at least 1, not %d", n)
	}
	if err := CheckBin(cfg.Bin); err != nil {
		return nil, err
	}
	p := &Pool{cfg: cfg, logs: logs, idle: make(chan *slot, n), inflight: make(chan struct{}, 2*n+4)}
	for range n {
		w, err := p.start()
		if err != nil {
			p.Close()
			return nil, err
		}
		s := &slot{w: w}
		p.slots = append(p.slots, s)
		p.idle <- s
	}
	return p, nil
}

// start starts a copy whose output reaches p.logs one whole line at a time.
func (p *Pool) start() (*worker, error) {
	if p.logs == nil {
		return startWorker(p.cfg, nil, nil)
	}
	return startWorker(p.cfg, p.lineTo(), p.lineTo())
}

// lineTo is one output stream of a copy: each line, cut at
// sandbox.MaxLogLine, reaches p.logs in a single Write.
func (p *Pool) lineTo() io.Writer {
	return sandbox.NewLineWriter(func(line []byte) {
		b := make([]byte, 0, len(line)+1)
		_, _ = p.logs.Write(append(append(b, line...), '\n'))
	})
}

// Config is the configuration the pool runs with, defaults filled in.
func (p *Pool) Config() Config { return p.cfg }

// Request is one invocation as a caller of Lambda's Invoke API makes it.
type Request struct {
	ID            string // the request ID; made up when empty
	Event         []byte
	TraceID       string // X-Ray trace header to pass on; made up when empty
	ClientContext string // JSON client context to pass on (already decoded from base64)
}

// Invoke runs one event on an idle copy, waiting for one to be free.
func (p *Pool) Invoke(ctx context.Context, id string, event []byte) (Outcome, error) {
	return p.Do(ctx, Request{ID: id, Event: event})
}

// Do runs one request on an idle copy, waiting for one to be free. ctx
// bounds only the wait: once a copy takes the request it runs to
// completion, as in Lambda, even if the caller goes away (only Close ends
// it early). Every START line is followed by its END and REPORT lines.
func (p *Pool) Do(ctx context.Context, req Request) (Outcome, error) {
	if req.ID == "" {
		req.ID = newRequestID()
	}
	var s *slot
	select {
	case s = <-p.idle:
	case <-ctx.Done():
		return Outcome{}, errCanceled
	}
	run := context.WithoutCancel(ctx)
	start := time.Now()
	p.logf("START RequestId: %s Version: $LATEST\n", req.ID)
	out, err := p.invokeOn(run, s, req)
	if err == errGone { // a warm copy died between invocations: Lambda would start a new one
		out, err = p.invokeOn(run, s, req)
	}
	if err != nil {
		p.report(Outcome{RequestID: req.ID, Kind: ExitError}, start)
	} else {
		p.report(out, start)
	}
	if err == nil && (out.Kind == Success || out.Kind == FunctionError) && !s.w.dead() {
		p.idle <- s
	} else {
		p.replace(s) // timed out, exited or failed to start: start a fresh copy
	}
	return out, err
}

// invokeOn runs the event on the slot's worker, starting one if needed.
func (p *Pool) invokeOn(ctx context.Context, s *slot, req Request) (Outcome, error) {
	if p.isClosed() {
		return Outcome{}, ErrClosed
	}
	if s.w == nil || s.w.dead() {
		if s.w != nil {
			s.w.stop(time.Second)
		}
		w, err := p.start()
		p.setWorker(s, w)
		if err != nil {
			return Outcome{}, err
		}
	}
	return s.w.invoke(ctx, &invocation{id: req.ID, payload: req.Event, traceID: req.TraceID,
		clientContext: req.ClientContext, done: make(chan reply, 1)})
}

// replace kills a slot's worker and starts a new one in the background, so
// the next invocation finds it warm.
func (p *Pool) replace(s *slot) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		if s.w != nil {
			s.w.stop(time.Second)
		}
		var w *worker
		if !p.isClosed() {
			var err error
			if w, err = p.start(); err != nil {
				p.logf("tutor: restarting %s: %v\n", p.cfg.Bin, err)
			}
		}
		p.setWorker(s, w)
		if p.isClosed() && w != nil {
			w.stop(time.Second)
		}
		p.idle <- s
	}()
}

func (p *Pool) setWorker(s *slot, w *worker) {
	p.mu.Lock()
	s.w = w
	p.mu.Unlock()
}

func (p *Pool) isClosed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}

// Close kills every copy and waits until they are reaped.
func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	var ws []*worker
	for _, s := range p.slots {
		if s.w != nil {
			ws = append(ws, s.w)
		}
	}
	p.mu.Unlock()
	for _, w := range ws {
		w.kill()
	}
	for _, w := range ws {
		w.stop(time.Second)
	}
	p.wg.Wait()
}

// PIDs lists the running copies' process IDs (for tests and diagnostics).
func (p *Pool) PIDs() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var pids []int
	for _, s := range p.slots {
		if s.w != nil && s.w.cmd.Process != nil {
			pids = append(pids, s.w.cmd.Process.Pid)
		}
	}
	return pids
}

func (p *Pool) logf(format string, a ...any) {
	if p.logs != nil {
		fmt.Fprintf(p.logs, format, a...)
	}
}

// report prints the lines Lambda logs after each invocation, in one Write.
func (p *Pool) report(out Outcome, start time.Time) {
	if p.logs == nil {
		return
	}
	d := time.Since(start)
	initReport := ""
	switch out.Kind {
	case Timeout:
		d = p.cfg.Timeout // the function timeout fired
	case InitTimeout:
		d = out.Duration // the Init limit fired: no function timeout ran
		initReport = InitReportLine(d) + "\n"
	}
	ms := float64(d.Microseconds()) / 1000
	fmt.Fprintf(p.logs, "%sEND RequestId: %s\nREPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\n",
		initReport, out.RequestID, out.RequestID, ms, sandbox.BilledMs(ms), p.cfg.MemoryMB)
}
