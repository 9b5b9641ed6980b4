package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math/rand/v2"
	"reflect"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambda/messages"
	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/tutor-dev/tutor/sandbox/handlers"
)

// Defaults of a Lambda function, used when Options leave them unset.
const (
	DefaultTimeout  = 3 * time.Second // Lambda's default function timeout
	DefaultMemoryMB = 128             // Lambda's default memory size
	Region          = "us-east-1"
	AccountID       = "123456789012"
)

// Options tune one invocation.
type Options struct {
	Timeout   time.Duration // DefaultTimeout when zero
	RequestID string        // a random UUID when empty

	// expire, when set, ends the invocation as if its deadline had
	// passed, so tests need not race the scheduler against a short timeout.
	expire <-chan struct{}
}

// Function is a handler ready to invoke in process. It keeps a pool of
// lambda.Handler values built once by lambda.NewHandler: a lambda.Handler
// returns its response in a buffer it reuses on the next call, so one value
// must not serve two invocations at a time.
type Function struct {
	name     string
	arn      string
	handlers sync.Pool // of lambda.Handler
}

// NewFunction prepares fn (any signature lambda.Start accepts) for
// invocation under the given function name.
func NewFunction(name string, fn any) *Function {
	f := &Function{name: name, arn: FunctionARN(name)}
	f.handlers.New = func() any { return lambda.NewHandler(fn) }
	return f
}

// FunctionARN is the ARN the sandbox gives a function, as Lambda passes it in
// the context (lambdacontext.InvokedFunctionArn).
func FunctionARN(name string) string {
	return "arn:aws:lambda:" + Region + ":" + AccountID + ":function:" + name
}

var sampleFunctions sync.Map // handler name -> *Function

// Invoke runs a sample handler with the event payload.
func Invoke(ctx context.Context, h handlers.Handler, event []byte, opts Options) *Result {
	f, ok := sampleFunctions.Load(h.Name)
	if !ok {
		f, _ = sampleFunctions.LoadOrStore(h.Name, NewFunction(h.Name, h.Func))
	}
	return f.(*Function).Invoke(ctx, event, opts)
}

// outcome is what the goroutine running the handler reports.
type outcome struct {
	response []byte
	err      *ErrorInfo
	timedOut bool
}

// Invoke runs the function with the event as Lambda would: the context
// carries the request ID, the function ARN and the deadline; the result holds
// the response or the error in Lambda's shape, the log lines and the
// durations. A handler still running at its deadline is reported as timed out
// right then; it is left to finish on its own, and whatever it logs later is
// dropped.
func (f *Function) Invoke(ctx context.Context, event []byte, opts Options) *Result {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	reqID := opts.RequestID
	if reqID == "" {
		reqID = NewRequestID()
	}
	logs := &logSink{}
	start := time.Now()
	ctx, cancel := context.WithDeadline(ctx, start.Add(timeout))
	defer cancel()
	ctx = lambdacontext.NewContext(ctx, &lambdacontext.LambdaContext{AwsRequestID: reqID, InvokedFunctionArn: f.arn})
	ctx = handlers.WithLogger(ctx, log.New(logs, "", 0))

	done := make(chan outcome, 1)
	dispatch(job{f: f, ctx: ctx, event: event, done: done})
	var out outcome
	select {
	case out = <-done:
	case <-opts.expire:
		cancel()
		out = outcome{err: TimedOut(reqID, timeout), timedOut: true}
	case <-ctx.Done():
		select {
		case out = <-done: // finished at the same moment: keep its result
		default:
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				out = outcome{err: TimedOut(reqID, timeout), timedOut: true}
			} else {
				out.err = &ErrorInfo{ErrorType: "Canceled", ErrorMessage: "invocation canceled: " + ctx.Err().Error()}
			}
		}
	}
	elapsed := time.Since(start)
	var last string
	switch {
	case out.timedOut:
		// Lambda's own line: the runtime never got to report anything.
		last = out.err.ErrorMessage
	case out.err != nil:
		// Lambda's Go runtime logs every error it returns, as JSON.
		b, _ := json.Marshal(out.err)
		last = string(b)
	}
	ms := float64(elapsed.Microseconds()) / 1000
	if out.timedOut {
		ms = float64(timeout.Microseconds()) / 1000 // Lambda reports the timeout as the duration
	}
	r := &Result{
		RequestID:        reqID,
		Handler:          f.name,
		Event:            json.RawMessage(event),
		Error:            out.err,
		DurationMs:       ms,
		BilledDurationMs: BilledMs(ms),
		Logs:             logs.close(last),
		MemorySizeMB:     DefaultMemoryMB,
	}
	if out.err == nil {
		r.Response = json.RawMessage(out.response)
	} else if !json.Valid(event) {
		// Keep the result marshalable: a payload that is not JSON (the
		// decoding error just reported) is shown as a JSON string.
		r.Event, _ = json.Marshal(string(event))
	}
	return r
}

// run invokes the handler and returns its outcome, a panic included.
func (f *Function) run(ctx context.Context, event []byte) (out outcome) {
	h := f.handlers.Get().(lambda.Handler)
	defer func() {
		if v := recover(); v != nil {
			out = outcome{err: PanicError(v)}
		}
		f.handlers.Put(h)
	}()
	resp, err := h.Invoke(ctx, event)
	if err != nil {
		return outcome{err: ErrorFor(err)}
	}
	// resp lives in h's buffer, reused by h's next invocation: copy it.
	return outcome{response: bytes.Clone(resp)}
}

// ErrorFor converts an error a handler returned into Lambda's shape, the way
// aws-lambda-go does: errorType is the name of the error's type, without
// package or pointer ("errorString" for errors.New, "wrapError" for
// fmt.Errorf with %w, "UnmarshalTypeError" for an event that does not fit);
// a messages.InvokeResponse_Error is passed through.
func ErrorFor(err error) *ErrorInfo {
	if ie, ok := err.(messages.InvokeResponse_Error); ok {
		return &ErrorInfo{ErrorType: ie.Type, ErrorMessage: ie.Message}
	}
	return &ErrorInfo{ErrorType: typeName(err), ErrorMessage: err.Error()}
}

// PanicError converts a recovered panic value into Lambda's shape, as
// aws-lambda-go reports a panic: the value's type name ("string" for
// panic("..."), "boundsError" for an index out of range) and its %v text.
func PanicError(v any) *ErrorInfo {
	if ie, ok := v.(messages.InvokeResponse_Error); ok {
		return &ErrorInfo{ErrorType: ie.Type, ErrorMessage: ie.Message}
	}
	return &ErrorInfo{ErrorType: typeName(v), ErrorMessage: fmt.Sprintf("%v", v)}
}

// TimeoutMessage is Lambda's wording for a time-out, the timeout in seconds
// to two decimals.
func TimeoutMessage(timeout time.Duration) string {
	return fmt.Sprintf("Task timed out after %.2f seconds", timeout.Seconds())
}

// TimedOut is the error Lambda reports for an invocation that ran past its
// timeout; the in-process sandbox and the Runtime API report the same.
func TimedOut(requestID string, timeout time.Duration) *ErrorInfo {
	return &ErrorInfo{
		ErrorType:    "Sandbox.Timedout",
		ErrorMessage: "RequestId: " + requestID + " Error: " + TimeoutMessage(timeout),
	}
}

func typeName(v any) string {
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		return t.Elem().Name()
	}
	return t.Name()
}

// NewRequestID returns a random version-4 UUID, the form of Lambda's request
// IDs. Uniqueness, not secrecy, matters here, so math/rand is enough.
func NewRequestID() string {
	var b [16]byte
	hi, lo := rand.Uint64(), rand.Uint64()
	for i := range 8 {
		b[i], b[8+i] = byte(hi>>(8*i)), byte(lo>>(8*i))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	var s [36]byte
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s[j] = '-'
			j++
		}
		s[j], s[j+1] = hex[c>>4], hex[c&0x0f]
		j += 2
	}
	return string(s[:])
}

// logSink collects one invocation's log lines. It is safe for concurrent
// writes, and once closed it drops writes from a handler that outlived its
// deadline.
type logSink struct {
	mu     sync.Mutex
	lines  []string
	closed bool
}

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return len(p), nil
	}
	rest := bytes.TrimSuffix(p, []byte("\n"))
	for {
		line, more, found := bytes.Cut(rest, []byte("\n"))
		if len(line) > MaxLogLine {
			s.lines = append(s.lines, string(line[:MaxLogLine])+TruncationNote(int64(len(line)-MaxLogLine)))
		} else {
			s.lines = append(s.lines, string(line))
		}
		if !found {
			return len(p), nil
		}
		rest = more
	}
}

// close appends a last line (unless empty), returns the lines and drops any
// later write.
func (s *logSink) close(last string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if last != "" {
		s.lines = append(s.lines, last)
	}
	if s.lines == nil {
		return []string{}
	}
	return s.lines
}
