package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda/messages"
	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/tutor-dev/tutor/sandbox/handlers"
)

// invokeFn invokes an ad-hoc handler function.
func invokeFn(t *testing.T, fn any, event string, opts Options) *Result {
	t.Helper()
	return NewFunction("test-fn", fn).Invoke(context.Background(), []byte(event), opts)
}

func TestErrorShape(t *testing.T) {
	type custom struct{ msg string }
	tests := []struct {
		name     string
		fn       any
		event    string
		wantType string
		wantMsg  string // substring
	}{
		{"errors.New", func() error { return errors.New("plain") }, `{}`, "errorString", "plain"},
		{"fmt.Errorf without %w", func() error { return fmt.Errorf("n=%d", 3) }, `{}`, "errorString", "n=3"},
		{"fmt.Errorf with %w", func() error { return fmt.Errorf("record 7: %w", errors.New("bad")) }, `{}`, "wrapError", "record 7: bad"},
		{"fmt.Errorf with two %w", func() error { return fmt.Errorf("%w and %w", errors.New("a"), errors.New("b")) }, `{}`, "wrapErrors", "a and b"},
		{"errors.Join", func() error { return errors.Join(errors.New("a"), errors.New("b")) }, `{}`, "joinError", "a\nb"},
		{"custom type", func() error {
			return messages.InvokeResponse_Error{Type: "OrderRejected", Message: "out of stock"}
		}, `{}`, "OrderRejected", "out of stock"},
		{"event does not fit the handler's type", func(e events.S3Event) error { return nil },
			`{"Records": {"s3": 1}}`, "UnmarshalTypeError", "cannot unmarshal object into Go struct field S3Event.Records of type []events.S3EventRecord"},
		{"event is an array", func(e events.SQSEvent) error { return nil },
			`[1, 2]`, "UnmarshalTypeError", "cannot unmarshal array into Go value of type events.SQSEvent"},
		{"event is not JSON", func(e events.SQSEvent) error { return nil }, `{"Records": x}`, "SyntaxError", "invalid character 'x' looking for beginning of value"},
		{"event is cut short", func(e events.SQSEvent) error { return nil }, `{"Records": [`, "errorString", "unexpected EOF"},
		{"S3 key that cannot be URL-decoded", func(e events.S3Event) error { return nil },
			`{"Records": [{"s3": {"object": {"key": "a%zz"}}}]}`, "EscapeError", `invalid URL escape "%zz"`},
		{"invalid handler signature", func(a, b, c int) {}, `{}`, "errorString", "handlers may not take more than two arguments"},
		{"panic with a string", func() error { panic("boom") }, `{}`, "string", "boom"},
		{"panic with an error", func() error { panic(errors.New("kaput")) }, `{}`, "errorString", "kaput"},
		{"panic with a struct", func() error { panic(custom{"x"}) }, `{}`, "custom", "{x}"},
		{"index out of range", func() error { var s []int; _ = s[3]; return nil }, `{}`, "boundsError", "index out of range [3] with length 0"},
		{"DynamoDB accessor on the wrong type", func(e events.DynamoDBEvent) error {
			_ = e.Records[0].Change.NewImage["total"].Number()
			return nil
		}, `{"Records": [{"dynamodb": {"NewImage": {"total": {"S": "12"}}}}]}`, "IncompatibleDynamoDBTypeError", "accessor called for incompatible type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := invokeFn(t, tt.fn, tt.event, Options{})
			if r.Error == nil {
				t.Fatalf("no error; response %s", r.Response)
			}
			if r.Error.ErrorType != tt.wantType || !strings.Contains(r.Error.ErrorMessage, tt.wantMsg) {
				t.Errorf("error = %+v, want type %q and message containing %q", *r.Error, tt.wantType, tt.wantMsg)
			}
			if r.Response != nil {
				t.Errorf("response = %s, want none with an error", r.Response)
			}
			if _, err := json.Marshal(r); err != nil {
				t.Errorf("the result does not marshal: %v", err)
			}
			// Like aws-lambda-go's runtime loop, the sandbox logs the error payload.
			payload, _ := json.Marshal(r.Error)
			if last := r.Logs[len(r.Logs)-1]; last != string(payload) {
				t.Errorf("last log line %q, want the error payload %s", last, payload)
			}
		})
	}
}

// A handler still running at its deadline is reported as timed out right
// then, with the lines it logged before and none of those after. The
// deadline is triggered by the test once the first line is logged, so
// nothing depends on how fast the scheduler runs the handler.
func TestTimeoutReportedAtDeadline(t *testing.T) {
	release := make(chan struct{})
	logged := make(chan struct{})
	finished := make(chan struct{})
	expire := make(chan struct{})
	fn := func(ctx context.Context) error {
		handlers.Logf(ctx, "started")
		close(logged)
		<-release // runs past its deadline until the test lets it go
		handlers.Logf(ctx, "late line")
		close(finished)
		return nil
	}
	go func() { <-logged; close(expire) }()
	r := invokeFn(t, fn, `{}`, Options{Timeout: 50 * time.Millisecond, expire: expire})
	// Invoke returned while the handler is still blocked: it did not wait.
	close(release)
	<-finished
	want := "RequestId: " + r.RequestID + " Error: Task timed out after 0.05 seconds"
	if r.Error == nil || r.Error.ErrorType != "Sandbox.Timedout" || r.Error.ErrorMessage != want {
		t.Fatalf("error = %+v, want Sandbox.Timedout / %s", r.Error, want)
	}
	if len(r.Logs) != 2 || r.Logs[0] != "started" || r.Logs[1] != want {
		t.Errorf("logs = %q, want the line logged before the deadline, then Lambda's time-out line", r.Logs)
	}
	if r.DurationMs != 50 || r.BilledDurationMs != 50 {
		t.Errorf("duration %.2f ms, billed %d ms: a timed-out run reports its timeout, as Lambda does", r.DurationMs, r.BilledDurationMs)
	}
}

// The real timer, with no assumption on what the handler got done by then.
func TestTimeoutFiresOnItsOwn(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	r := invokeFn(t, func(ctx context.Context) error { <-release; return nil }, `{}`, Options{Timeout: 20 * time.Millisecond})
	if r.Error == nil || r.Error.ErrorType != "Sandbox.Timedout" {
		t.Fatalf("error = %+v, want Sandbox.Timedout", r.Error)
	}
}

func TestLongLogLineIsCutWithANote(t *testing.T) {
	big := strings.Repeat("x", MaxLogLine+1000)
	r := invokeFn(t, func(ctx context.Context) error { handlers.Logf(ctx, "%s", big); return nil }, `{}`, Options{})
	if len(r.Logs) != 1 || len(r.Logs[0]) > MaxLogLine+200 || !strings.HasSuffix(r.Logs[0], TruncationNote(1000)) {
		t.Fatalf("log line of %d bytes (want at most %d, ending in the truncation note)", len(r.Logs[0]), MaxLogLine+200)
	}
}

func TestTimeoutMessageFormat(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{3 * time.Second, "Task timed out after 3.00 seconds"},
		{1500 * time.Millisecond, "Task timed out after 1.50 seconds"},
		{900 * time.Second, "Task timed out after 900.00 seconds"},
	} {
		if got := TimeoutMessage(tt.d); got != tt.want {
			t.Errorf("TimedOut(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestContextCarriesLambdaContextAndDeadline(t *testing.T) {
	var (
		lc       *lambdacontext.LambdaContext
		deadline time.Time
		hasDl    bool
	)
	fn := func(ctx context.Context) error {
		lc, _ = lambdacontext.FromContext(ctx)
		deadline, hasDl = ctx.Deadline()
		return nil
	}
	before := time.Now()
	r := NewFunction("orders-api", fn).Invoke(context.Background(), []byte(`{}`), Options{Timeout: 7 * time.Second, RequestID: "req-1"})
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	if lc == nil || lc.AwsRequestID != "req-1" || lc.InvokedFunctionArn != "arn:aws:lambda:us-east-1:123456789012:function:orders-api" {
		t.Errorf("lambdacontext = %+v", lc)
	}
	if !hasDl || deadline.Before(before.Add(7*time.Second)) || deadline.After(time.Now().Add(7*time.Second)) {
		t.Errorf("deadline = %v (set %v), want start + 7s", deadline, hasDl)
	}
	if r.RequestID != "req-1" || r.Handler != "orders-api" || string(r.Response) != "null" {
		t.Errorf("result = %+v", r)
	}
}

func TestCanceledParent(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	defer close(release)
	fn := func(ctx context.Context) error { <-release; return nil }
	go cancel()
	r := NewFunction("f", fn).Invoke(ctx, []byte(`{}`), Options{})
	if r.Error == nil || r.Error.ErrorType != "Canceled" {
		t.Errorf("error = %+v, want Canceled", r.Error)
	}
}

// TestConcurrentInvocationsKeepTheirOwnLogsAndResponses runs many
// invocations of one function at once (run it with -race): each result must
// hold only its own log lines and its own response, although they share the
// pooled lambda.Handler values and the worker goroutines.
func TestConcurrentInvocationsKeepTheirOwnLogsAndResponses(t *testing.T) {
	type in struct{ N int }
	type out struct{ N int }
	fn := func(ctx context.Context, e in) (out, error) {
		lc, _ := lambdacontext.FromContext(ctx)
		for i := range 5 {
			handlers.Logf(ctx, "%s line %d", lc.AwsRequestID, i)
			time.Sleep(time.Duration(e.N%3) * 100 * time.Microsecond)
		}
		if e.N%4 == 0 {
			return out{}, fmt.Errorf("n=%d rejected", e.N)
		}
		return out{N: e.N * 10}, nil
	}
	f := NewFunction("concurrent", fn)
	const n = 64
	results := make([]*Result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = f.Invoke(context.Background(), fmt.Appendf(nil, `{"N": %d}`, i), Options{})
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, r := range results {
		if seen[r.RequestID] {
			t.Fatalf("request ID %s used twice", r.RequestID)
		}
		seen[r.RequestID] = true
		wantLines := 5
		if i%4 == 0 {
			wantLines = 6 // the runtime's error line
			if r.Error == nil || r.Error.ErrorMessage != fmt.Sprintf("n=%d rejected", i) {
				t.Errorf("invocation %d: error %+v", i, r.Error)
			}
		} else if want := fmt.Sprintf(`{"N":%d}`, i*10); string(r.Response) != want {
			t.Errorf("invocation %d: response %s, want %s", i, r.Response, want)
		}
		if len(r.Logs) != wantLines {
			t.Errorf("invocation %d: %d log lines, want %d: %q", i, len(r.Logs), wantLines, r.Logs)
		}
		for j, l := range r.Logs[:5] {
			if want := fmt.Sprintf("%s line %d", r.RequestID, j); l != want {
				t.Errorf("invocation %d: log %d = %q, want %q", i, j, l, want)
			}
		}
	}
}

func TestResultJSONHasEveryField(t *testing.T) {
	h, _ := handlers.Get("sqs-partial")
	evs, err := BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sqs-ok", "sqs-fail"} {
		payload, _ := evs.Load(name)
		r := Invoke(context.Background(), h, payload, Options{})
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"requestId", "handler", "event", "response", "error", "durationMs", "billedDurationMs", "logs"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: --json output lacks %q: %s", name, k, b)
			}
		}
		if len(m) != 8 {
			t.Errorf("%s: %d fields, want 8: %s", name, len(m), b)
		}
	}
}

func TestNewRequestIDIsUUIDv4(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := NewRequestID()
		if len(id) != 36 || id[14] != '4' || !strings.ContainsRune("89ab", rune(id[19])) || strings.Count(id, "-") != 4 {
			t.Fatalf("%q is not a version-4 UUID", id)
		}
		if seen[id] {
			t.Fatalf("%q repeated", id)
		}
		seen[id] = true
	}
}

// TestSequentialInvocationsReuseOneWorker: a worker is idle again before
// its caller wakes, so back-to-back invocations start no new goroutine.
func TestSequentialInvocationsReuseOneWorker(t *testing.T) {
	f := NewFunction("seq", func(ctx context.Context) error { return nil })
	f.Invoke(context.Background(), []byte(`{}`), Options{}) // may start the worker
	before := workersStarted.Load()
	for range 200 {
		if r := f.Invoke(context.Background(), []byte(`{}`), Options{}); r.Error != nil {
			t.Fatal(r.Error)
		}
	}
	if n := workersStarted.Load() - before; n != 0 {
		t.Errorf("200 sequential invocations started %d workers, want 0", n)
	}
}
