package exercises

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/runtimeapi"
)

// runner keeps the learner's binary warm across the criteria of one check:
// one Runtime API pool per function timeout the criteria ask for.
type runner struct {
	bin   string
	event func(string) ([]byte, error)
	pools map[time.Duration]*runtimeapi.Pool
	logs  *capture
	// broken is set once the binary never asked for an invocation: the
	// criteria after it fail at once instead of each waiting out Init.
	broken error
}

func newRunner(bin string, event func(string) ([]byte, error)) *runner {
	return &runner{bin: bin, event: event, pools: map[time.Duration]*runtimeapi.Pool{}, logs: &capture{}}
}

func (r *runner) close() {
	for _, p := range r.pools {
		p.Close()
	}
}

// invoke runs one event with the given function timeout and returns the
// result as `sandbox run` reports it, its log lines included.
func (r *runner) invoke(ctx context.Context, timeout time.Duration, event []byte, wantLogs bool) (*sandbox.Result, error) {
	p := r.pools[timeout]
	if p == nil {
		var err error
		p, err = runtimeapi.NewPool(runtimeapi.Config{Bin: r.bin, Timeout: timeout, FunctionName: "exercise"}, 1, r.logs)
		if err != nil {
			return nil, err
		}
		r.pools[timeout] = p
	}
	if r.broken != nil {
		return nil, r.broken
	}
	mark := r.logs.mark()
	out, err := p.Invoke(ctx, "", event)
	if err != nil {
		return nil, err
	}
	if out.Kind == runtimeapi.InitTimeout {
		r.broken = errNeverAsked
		return nil, errNeverAsked
	}
	if wantLogs {
		r.logs.settle()
	}
	res := &sandbox.Result{RequestID: out.RequestID, Event: event, Response: []byte("null"), Error: out.Error,
		DurationMs: float64(out.Duration.Microseconds()) / 1000, Logs: r.logs.since(mark)}
	if out.Kind == runtimeapi.Success {
		res.Response = out.Body
	}
	if out.Kind == runtimeapi.Timeout && res.Error != nil {
		res.Error.ErrorType = "Sandbox.Timedout"
	}
	return res, nil
}

// errNeverAsked is a process that did not ask for an invocation within
// Lambda's Init limit.
var errNeverAsked = errors.New("the process never asked the Runtime API for an invocation (Lambda's Init phase timed out): main must call lambda.Start(handler)")

// capture collects the process's output as lines, dropping Lambda's own
// START/END/REPORT lines, and keeping at most maxCapture bytes.
type capture struct {
	mu      sync.Mutex
	lines   []string
	partial []byte
	size    int
	changed time.Time
}

const maxCapture = 1 << 20

func (c *capture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changed = time.Now()
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			if len(c.partial) < 4096 {
				c.partial = append(c.partial, p...)
			}
			break
		}
		line := string(append(c.partial, p[:i]...))
		c.partial = c.partial[:0]
		p = p[i+1:]
		if strings.HasPrefix(line, "START RequestId: ") || strings.HasPrefix(line, "END RequestId: ") || strings.HasPrefix(line, "REPORT RequestId: ") {
			continue
		}
		if c.size+len(line) > maxCapture {
			continue
		}
		c.size += len(line)
		c.lines = append(c.lines, line)
	}
	return n, nil
}

func (c *capture) mark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.lines)
}

func (c *capture) since(mark int) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if mark > len(c.lines) {
		return nil
	}
	return append([]string(nil), c.lines[mark:]...)
}

// settle waits until the output has been quiet for a moment (the process
// writes its log lines before it answers, but they reach us through a pipe).
func (c *capture) settle() {
	for deadline := time.Now().Add(200 * time.Millisecond); time.Now().Before(deadline); {
		c.mu.Lock()
		quiet := time.Since(c.changed) > 15*time.Millisecond
		c.mu.Unlock()
		if quiet {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}
