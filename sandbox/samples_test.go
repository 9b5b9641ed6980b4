package sandbox

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/sandbox/handlers"

	"github.com/tutor-dev/tutor/sandbox/internal/conformance"
)

// sampleRun is what one sample handler does with one event.
type sampleRun struct {
	errType  string // "" when the invocation succeeds
	errMsg   string // substring of errorMessage
	response string // substring of the response JSON when it succeeds
	log      string // substring of one of the log lines
}

// sampleRuns covers every handler with every event of its source; a missing
// pair fails TestSampleHandlersOnTheirEvents, so new events get a check.
var sampleRuns = map[[2]string]sampleRun{
	{"apigateway-orders", "apigateway-ok"}:      {response: `"statusCode":200`, log: "GET /orders/ord-1001"},
	{"apigateway-orders", "apigateway-missing"}: {response: `"statusCode":404`, log: "GET /orders/ord-9999"},
	{"apigateway-orders", "apigateway-create"}:  {response: `"statusCode":201`, log: "created order ord-2b7e5d90: 2 x espresso beans 1 kg"},
	{"apigateway-orders", "apigateway-fail"}: {errType: "wrapError",
		errMsg: "POST /orders (request f3a9e1c7-5b2d-4e8f-a0c6-7d4b1e9f2a53): invalid body: json: cannot unmarshal string into Go struct field newOrder.quantity of type int"},
	{"s3-object-logger", "s3-ok"}: {response: "null", log: `s3://tutor-reports/reports/2026/café sales.csv (1290 bytes, raw key "reports/2026/caf%C3%A9+sales.csv")`},
	{"s3-object-logger", "s3-fail"}: {errType: "wrapError",
		errMsg: "record 1 (s3://tutor-reports/reports/2026/empty upload.csv): size 0: object is empty"},
	{"dynamodb-stream", "dynamodb-ok"}: {response: "null", log: "2a7b4c0d3e9f5a6b7c8d9e0f1a2b3c4d MODIFY: order ord-1001 is shipped, total 49.90"},
	{"dynamodb-stream", "dynamodb-fail"}: {errType: "wrapError",
		errMsg: `record 5d0e7f3a6b2c8d9e0f1a2b3c4d5e6f7a (INSERT): attribute has the wrong type: "total" is S, want N`},
	{"kinesis-decode", "kinesis-ok"}: {response: "null", log: "sensor sensor-3 reads 70.2 °F"},
	{"kinesis-decode", "kinesis-fail"}: {errType: "wrapError",
		errMsg: "record 49656627815405883428137483217367727989933970340540841986 (partition key sensor-9): data is not a JSON reading: invalid character 's'"},
	{"sns-attributes", "sns-ok"}: {response: "null", log: "eventType=order.shipped priority=2"},
	// A malformed notification is logged and set aside, not failed: a retry
	// would fail the same way (the SNS lesson's advice).
	{"sns-attributes", "sns-fail"}: {response: "null",
		log: `message 8d2a9f3b-5c4e-6f7a-0b1c-2d3e4f5a6b7c from arn:aws:sns:us-east-1:123456789012:order-events: missing required message attribute "eventType": set aside, not retried`},
	{"sqs-batch", "sqs-ok"}: {response: "null", log: "message 2e1424d4-f796-459a-8184-9c92662be6da: order ord-1002, quantity 1"},
	{"sqs-batch", "sqs-fail"}: {errType: "wrapError",
		errMsg: `message 4c1d0a2f-6b8e-4f3c-9d7a-2e0b1f5c8d34: invalid order message: orderId "ord-1003", quantity 0`},
	{"eventbridge-orders", "eventbridge-ok"}: {response: "null", log: "event 6a7e8feb-b491-4cf7-a9f1-bf3703467718: order ord-1001 placed by c-17 (gold), total 49.90 EUR"},
	{"eventbridge-orders", "eventbridge-fail"}: {errType: "wrapError",
		errMsg: "event 0d4e2b1c-93a8-4f6e-b2d7-5c8a1e9f3b60 (OrderPlaced from com.example.orders): detail is not an order: json: cannot unmarshal string into Go struct field orderPlaced.total of type float64"},
	{"eventbridge-orders", "eventbridge-schedule"}: {response: "null", log: "event cdc73f9d-aea9-11e3-9d5a-835b769c0d9c: scheduled run at 2026-11-27T02:00:00Z for [arn:aws:events:us-east-1:123456789012:rule/nightly-report]"},
	{"sqs-partial", "sqs-ok"}:                      {response: `{"batchItemFailures":[]}`, log: "order ord-1002"},
	{"sqs-partial", "sqs-fail"}: {response: `{"batchItemFailures":[{"itemIdentifier":"4c1d0a2f-6b8e-4f3c-9d7a-2e0b1f5c8d34"}]}`,
		log: "message 5d2e1b3a-7c9f-4a4d-8e8b-3f1c2a6d9e45: order ord-1004, quantity 3"},
	{"functionurl-feedback", "functionurl-ok"}: {response: `"statusCode":201`,
		log: `feedback 5/5: "arrived a day early" (cookies [session=7f3a9c21])`},
	// A bad request is answered 400, not failed: the client can fix it.
	{"functionurl-feedback", "functionurl-fail"}: {response: `"statusCode":400`,
		log: "rejected: invalid feedback: rating 9 is not between 1 and 5"},
	{"functionurl-feedback", "functionurl-iam"}: {response: `hello, arn:aws:iam::111122223333:user/ana`,
		log: "GET / from arn:aws:iam::111122223333:user/ana"},
}

func TestSampleHandlersOnTheirEvents(t *testing.T) {
	evs, err := BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	covered := 0
	for _, h := range handlers.All() {
		for _, ev := range evs.ForSource(h.Source) {
			t.Run(h.Name+"/"+ev.Name, func(t *testing.T) {
				want, ok := sampleRuns[[2]string{h.Name, ev.Name}]
				if !ok {
					t.Fatalf("no expectation in sampleRuns for %s on %s", h.Name, ev.Name)
				}
				covered++
				payload, err := evs.Load(ev.Name)
				if err != nil {
					t.Fatal(err)
				}
				r := Invoke(context.Background(), h, payload, Options{})
				checkRun(t, r, want)
				if r.Handler != h.Name || string(r.Event) != string(payload) || r.BilledDurationMs < 1 || r.DurationMs <= 0 {
					t.Errorf("result header = %q %d bytes of event, %.3f ms, billed %d", r.Handler, len(r.Event), r.DurationMs, r.BilledDurationMs)
				}
			})
		}
	}
	if covered != len(sampleRuns) {
		t.Errorf("ran %d pairs, sampleRuns has %d: an expectation names a handler or event that does not exist", covered, len(sampleRuns))
	}
}

func checkRun(t *testing.T, r *Result, want sampleRun) {
	t.Helper()
	if want.errType != "" {
		if r.Error == nil {
			t.Fatalf("succeeded with %s, want %s error", r.Response, want.errType)
		}
		if r.Error.ErrorType != want.errType || !strings.Contains(r.Error.ErrorMessage, want.errMsg) {
			t.Errorf("error = %+v\nwant %s containing %q", *r.Error, want.errType, want.errMsg)
		}
		return
	}
	if r.Error != nil {
		t.Fatalf("error %+v, want success", *r.Error)
	}
	if !json.Valid(r.Response) || !strings.Contains(string(r.Response), want.response) {
		t.Errorf("response = %s, want it to contain %s", r.Response, want.response)
	}
	if want.log != "" && !strings.Contains(strings.Join(r.Logs, "\n"), want.log) {
		t.Errorf("logs = %q, want a line containing %q", r.Logs, want.log)
	}
}

// conformanceDir is the conformance corpus shipped in the repository.
func conformanceDir(t *testing.T) string { return conformance.MustDir(t) }

// TestSAMEventsRunInTheirHandlers feeds the payloads `sam local
// generate-event` prints to the matching handlers: each must decode (no
// UnmarshalTypeError or SyntaxError) and run to the outcome its content
// leads to.
func TestSAMEventsRunInTheirHandlers(t *testing.T) {
	dir := filepath.Join(conformanceDir(t), "sam-events")
	tests := []struct {
		file, handler string
		want          sampleRun
	}{
		// POST /path/to/resource is no route of the orders API: a 404 response.
		{"apigateway/aws-proxy.json", "apigateway-orders", sampleRun{response: `"statusCode":404`, log: "POST /path/to/resource"}},
		{"s3/put.json", "s3-object-logger", sampleRun{response: "null", log: "ObjectCreated:Put s3://example-bucket/test/key (1024 bytes"}},
		// "Hello from SQS!" is no order.
		{"sqs/receive-message.json", "sqs-batch", sampleRun{errType: "wrapError",
			errMsg: "message 19dd0b57-b21e-4ac1-bd88-01bbb068cb78: body is not an order: invalid character 'H'"}},
		{"sqs/receive-message.json", "sqs-partial", sampleRun{response: `{"batchItemFailures":[{"itemIdentifier":"19dd0b57-b21e-4ac1-bd88-01bbb068cb78"}]}`}},
		// SAM's notification carries "Test" and "TestBinary" attributes only.
		{"sns/notification.json", "sns-attributes", sampleRun{response: "null",
			log: `message 95df01b4-ee98-5cb9-9903-4c221d41eb5e from arn:aws:sns:us-east-1:123456789012:ExampleTopic: missing required message attribute "eventType": set aside`}},
		// SAM's table has Id and Message attributes, not an order.
		{"dynamodb/update.json", "dynamodb-stream", sampleRun{errType: "wrapError",
			errMsg: `record c4ca4238a0b923820dcc509a6f75849b (INSERT): missing attribute "orderId"`}},
		// "Hello, this is a test 123." is no JSON reading.
		{"kinesis/get-records.json", "kinesis-decode", sampleRun{errType: "wrapError",
			errMsg: "record 49545115243490985018280067714973144582180062593244200961 (partition key partitionKey-03): data is not a JSON reading: invalid character 'H'"}},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.handler, func(t *testing.T) {
			payload, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			h, ok := handlers.Get(tt.handler)
			if !ok {
				t.Fatalf("no handler %s", tt.handler)
			}
			if err := DecodeStrict(h.Source, payload); err != nil {
				t.Errorf("%s does not decode strictly into %s: %v", tt.file, h.Source.EventType(), err)
			}
			checkRun(t, Invoke(context.Background(), h, payload, Options{}), tt.want)
		})
	}
}
