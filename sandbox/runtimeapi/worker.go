package runtimeapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
)

// worker is one running copy of the binary with the Runtime API it talks to.
// Each copy gets its own loopback listener because the Runtime API has no
// notion of several runtimes: AWS_LAMBDA_RUNTIME_API is just host:port.
type worker struct {
	cfg     Config
	arn     string
	srv     *http.Server
	cmd     *exec.Cmd
	handoff chan *invocation // unbuffered: a send completes only when the runtime waits in invocation/next
	exited  chan struct{}    // closed once the process has exited and been reaped
	initErr chan struct{}    // closed when the runtime posts init/error
	copies  sync.WaitGroup   // goroutines copying the child's output
	served  int              // invocations handed over; one caller invokes at a time
	started time.Time        // when the process started: the Init phase's clock
	token   string           // in the environment of the copy and all it starts

	mu        sync.Mutex
	current   *invocation // handed to the runtime, not yet answered
	initBody  []byte      // what init/error posted
	initType  string
	exitState string // "exit status 3", "signal: killed"; set before exited closes
	initOnce  sync.Once
	killOnce  sync.Once
	pipes     []*os.File // our read ends, closed when the copies are done
}

// invocation is one event on its way through the Runtime API.
type invocation struct {
	id            string
	payload       []byte
	traceID       string     // from the caller's X-Amzn-Trace-Id; made up when empty
	clientContext string     // decoded X-Amz-Client-Context, passed on as Lambda does
	done          chan reply // buffered 1: the runtime's answer
}

type reply struct {
	kind        Kind
	body        []byte
	contentType string
	errType     string // the Lambda-Runtime-Function-Error-Type header
}

// startWorker starts the binary with a Runtime API of its own. stdout and
// stderr receive the child's output; nil discards it.
func startWorker(cfg Config, stdout, stderr io.Writer) (*worker, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("runtime API: %w", err)
	}
	startWatchdog()
	w := &worker{
		token:   newCopyToken(),
		cfg:     cfg,
		arn:     cfg.ARN(),
		handoff: make(chan *invocation),
		exited:  make(chan struct{}),
		initErr: make(chan struct{}),
	}
	w.srv = &http.Server{Handler: w, ReadHeaderTimeout: 10 * time.Second, ErrorLog: discardLog}
	go func() { _ = w.srv.Serve(ln) }()

	bin, err := filepath.Abs(cfg.Bin)
	if err != nil {
		bin = cfg.Bin
	}
	cmd := exec.Command(bin)
	cmd.Env = cfg.environ(ln.Addr().String(), w.token)
	cmd.Dir = filepath.Dir(bin)
	isolate(cmd)
	var parentEnds []*os.File
	if cmd.Stdout, err = w.output(stdout, &parentEnds); err == nil {
		cmd.Stderr, err = w.output(stderr, &parentEnds)
	}
	if err == nil {
		err = cmd.Start()
	}
	for _, f := range parentEnds {
		f.Close() // the child holds its own copies of the write ends
	}
	if err != nil {
		_ = w.srv.Close()
		w.closePipes()
		return nil, fmt.Errorf("starting %s: %w", cfg.Bin, err)
	}
	w.cmd, w.started = cmd, time.Now()
	go w.wait()
	return w, nil
}

// output gives the child a pipe of ours and a copying goroutine, so that
// what it writes reaches dst line by line (a sandbox.LineWriter) and never
// mixes with other writers mid-line, and cmd.Wait returns when the process
// exits rather than when the pipe closes (a grandchild may hold it open).
// dst is closed, if it is an io.Closer, once the pipe is drained.
func (w *worker) output(dst io.Writer, parentEnds *[]*os.File) (io.Writer, error) {
	if dst == nil || dst == io.Discard {
		return nil, nil // os/exec connects the null device
	}
	r, wr, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	*parentEnds = append(*parentEnds, wr)
	w.pipes = append(w.pipes, r)
	w.copies.Add(1)
	go func() {
		defer w.copies.Done()
		_, _ = io.Copy(dst, r)
		if c, ok := dst.(io.Closer); ok {
			_ = c.Close()
		}
	}()
	return wr, nil
}

// wait reaps the process, kills whatever it left in its group and records
// how it ended.
func (w *worker) wait() {
	err := w.cmd.Wait()
	killGroup(w.cmd, w.token, true) // whatever it left behind
	state := "exit status 0"
	if w.cmd.ProcessState != nil {
		state = w.cmd.ProcessState.String()
	} else if err != nil {
		state = err.Error()
	}
	w.mu.Lock()
	w.exitState = state
	w.mu.Unlock()
	close(w.exited)
	_ = w.srv.Close()
}

// kill stops the process group; safe to call any number of times.
func (w *worker) kill() {
	w.killOnce.Do(func() { killGroup(w.cmd, w.token, w.dead()) })
}

// stop kills the worker and waits until it is reaped and its output copied,
// giving up on output after grace (a stray holder of the pipe).
func (w *worker) stop(grace time.Duration) {
	w.kill()
	<-w.exited
	done := make(chan struct{})
	go func() { w.copies.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
	}
	w.closePipes()
}

func (w *worker) closePipes() {
	for _, f := range w.pipes {
		f.Close()
	}
}

func (w *worker) dead() bool {
	select {
	case <-w.exited:
		return true
	default:
		return false
	}
}

// errCanceled is returned by invoke when its context ends first.
var errCanceled = errors.New("invocation canceled")

// errGone is returned by invoke when a warm worker died between two
// invocations (aws-lambda-go exits right after reporting a panic): the event
// never reached it, and the caller may send it to a fresh one.
var errGone = errors.New("the runtime exited before taking the invocation")

// invoke hands one event to the runtime and waits for its answer, its exit,
// or its timeout (then the process is killed, as Lambda resets the sandbox).
func (w *worker) invoke(ctx context.Context, inv *invocation) (Outcome, error) {
	select {
	case w.handoff <- inv: // warm: the runtime is already waiting in invocation/next
	default:
		if out, ok, err := w.awaitInit(ctx, inv); !ok {
			return out, err
		}
	}
	w.served++
	start := time.Now()
	timer := time.NewTimer(w.cfg.Timeout)
	defer timer.Stop()
	select {
	case r := <-inv.done:
		return w.outcome(inv.id, r, time.Since(start)), nil
	case <-w.exited:
		select {
		case r := <-inv.done: // answered, then exited (aws-lambda-go exits after a panic)
			return w.outcome(inv.id, r, time.Since(start)), nil
		default:
		}
		return w.exitOutcome(inv.id, time.Since(start)), nil
	case <-w.initErr:
		w.kill()
		return w.initOutcome(inv.id, time.Since(start)), nil
	case <-timer.C:
		w.kill()
		return lambdaError(inv.id, Timeout, "Sandbox.Timedout", sandbox.TimeoutMessage(w.cfg.Timeout), w.cfg.Timeout), nil
	case <-ctx.Done():
		w.kill()
		return Outcome{}, errCanceled
	}
}

// awaitInit waits for the runtime's first invocation/next. ok is false when
// the invocation ended before the runtime took it.
func (w *worker) awaitInit(ctx context.Context, inv *invocation) (out Outcome, ok bool, err error) {
	start := time.Now()
	t := time.NewTimer(w.cfg.initLimit - time.Since(w.started)) // Init runs from the process's start
	defer t.Stop()
	select {
	case w.handoff <- inv:
		return Outcome{}, true, nil
	case <-w.exited:
		if w.served > 0 {
			return Outcome{}, false, errGone
		}
		return w.exitOutcome(inv.id, time.Since(start)), false, nil
	case <-w.initErr:
		w.kill()
		return w.initOutcome(inv.id, time.Since(start)), false, nil
	case <-t.C:
		w.kill()
		return lambdaError(inv.id, InitTimeout, "Sandbox.Timedout", InitTimeoutMessage(w.cfg.initLimit), time.Since(start)), false, nil
	case <-ctx.Done():
		return Outcome{}, false, errCanceled
	}
}

// InitTimeoutMessage says which limit fired when a runtime never asks for
// its first invocation: Lambda's Init limit, not the function timeout.
func InitTimeoutMessage(limit time.Duration) string {
	return fmt.Sprintf("Init phase timed out after %.2f seconds: the runtime never asked for an invocation "+
		"(Lambda's Init limit; the function timeout starts only once it does)", limit.Seconds())
}

// InitReportLine is the line Lambda logs for an Init phase that timed out.
func InitReportLine(d time.Duration) string {
	return fmt.Sprintf("INIT_REPORT Init Duration: %.2f ms\tPhase: init\tStatus: timeout", float64(d.Microseconds())/1000)
}

func (w *worker) outcome(id string, r reply, d time.Duration) Outcome {
	o := Outcome{RequestID: id, Kind: r.kind, Body: r.body, ContentType: r.contentType, Duration: d}
	if r.kind != Success {
		o.Error = parseErrorBody(r.body, r.errType)
	}
	return o
}

// exitOutcome is what Lambda reports for a runtime that exits without
// answering: Runtime.ExitError naming the exit status.
func (w *worker) exitOutcome(id string, d time.Duration) Outcome {
	w.mu.Lock()
	state, initPosted := w.exitState, w.initBody != nil
	w.mu.Unlock()
	if initPosted {
		return w.initOutcome(id, d)
	}
	msg := "Runtime exited with error: " + state
	if state == "exit status 0" {
		msg = "Runtime exited without providing a reason"
	}
	return lambdaError(id, ExitError, "Runtime.ExitError", msg, d)
}

// initOutcome reports what the runtime posted to init/error.
func (w *worker) initOutcome(id string, d time.Duration) Outcome {
	w.mu.Lock()
	body, typ := w.initBody, w.initType
	w.mu.Unlock()
	return Outcome{RequestID: id, Kind: InitError, Body: body, ContentType: "application/json",
		Error: parseErrorBody(body, typ), Duration: d}
}
