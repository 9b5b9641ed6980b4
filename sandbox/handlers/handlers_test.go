package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"log"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

func TestRegistry(t *testing.T) {
	want := []string{"apigateway-orders", "s3-object-logger", "dynamodb-stream", "kinesis-decode", "sns-attributes", "sqs-batch", "sqs-partial", "eventbridge-orders", "functionurl-feedback"}
	all := All()
	if len(all) != len(want) {
		t.Fatalf("%d handlers, want %d", len(all), len(want))
	}
	for i, h := range all {
		if h.Name != want[i] {
			t.Errorf("handler %d = %s, want %s", i, h.Name, want[i])
		}
		if !h.Source.Valid() || !strings.HasPrefix(h.Name, string(h.Source)+"-") {
			t.Errorf("%s: source %q", h.Name, h.Source)
		}
		if h.Description == "" || strings.Contains(h.Description, "\n") {
			t.Errorf("%s: description %q is not one line", h.Name, h.Description)
		}
		if got, ok := Get(h.Name); !ok || got.Name != h.Name {
			t.Errorf("Get(%q) = %v, %v", h.Name, got.Name, ok)
		}
		// The embedded code is a Go file that defines the handler function.
		f, err := parser.ParseFile(token.NewFileSet(), h.Name+".go", h.Code, 0)
		if err != nil {
			t.Errorf("%s: embedded code does not parse: %v", h.Name, err)
			continue
		}
		if f.Scope.Lookup(funcName(h)) == nil {
			t.Errorf("%s: embedded code does not define %s", h.Name, funcName(h))
		}
		// The signature every sample uses: func(context.Context, Event) ([Response,] error).
		ft := reflect.TypeOf(h.Func)
		if ft.Kind() != reflect.Func || ft.NumIn() != 2 || ft.In(0) != reflect.TypeFor[context.Context]() ||
			ft.NumOut() < 1 || ft.Out(ft.NumOut()-1) != reflect.TypeFor[error]() {
			t.Errorf("%s: signature %v", h.Name, ft)
		}
	}
	if _, ok := Get("nope"); ok {
		t.Error("Get(nope) found a handler")
	}
}

// funcName is the name of the handler function each file defines.
func funcName(h Handler) string {
	return map[string]string{
		"apigateway-orders": "OrdersAPI", "s3-object-logger": "LogObjects", "dynamodb-stream": "StreamOrders",
		"kinesis-decode": "DecodeReadings", "sns-attributes": "RouteNotifications", "sqs-batch": "ProcessBatch", "sqs-partial": "ProcessPartial",
		"eventbridge-orders":   "HandleOrderEvent",
		"functionurl-feedback": "Feedback",
	}[h.Name]
}

// TestErrorsWrapTheirCause calls the handlers directly: the error names the
// record and keeps its cause for errors.Is / errors.As.
func TestErrorsWrapTheirCause(t *testing.T) {
	ctx := WithLogger(context.Background(), log.New(&bytes.Buffer{}, "", 0))
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	var escErr url.EscapeError
	tests := []struct {
		name    string
		call    func() error
		mention string
		is      error
		as      any
	}{
		{"orders: body with a string quantity", func() error {
			_, err := OrdersAPI(ctx, events.APIGatewayProxyRequest{HTTPMethod: "POST", Resource: "/orders", Path: "/orders",
				Body: `{"item": "beans", "quantity": "two"}`, RequestContext: events.APIGatewayProxyRequestContext{RequestID: "r-1"}})
			return err
		}, "request r-1", nil, &typeErr},
		{"orders: quantity 0", func() error {
			_, err := OrdersAPI(ctx, events.APIGatewayProxyRequest{HTTPMethod: "POST", Resource: "/orders", Body: `{"item": "beans", "quantity": 0}`})
			return err
		}, "quantity 0", errInvalidOrder, nil},
		{"s3: undecodable key", func() error {
			return LogObjects(ctx, s3Event("ok.csv", 10, "bad%zzkey", 10))
		}, `record 1 (bucket b, key "bad%zzkey")`, nil, &escErr},
		{"s3: empty object", func() error { return LogObjects(ctx, s3Event("ok.csv", 10, "empty.csv", 0)) }, "record 1 (s3://b/empty.csv)", errEmptyObject, nil},
		{"s3: too large", func() error { return LogObjects(ctx, s3Event("big+file.csv", 11<<20, "x", 1)) }, "record 0 (s3://b/big file.csv)", errObjectTooLarge, nil},
		{"dynamodb: wrong type", func() error { return StreamOrders(ctx, ddbEvent(`{"S": "12"}`)) }, "record e-1 (INSERT)", errWrongType, nil},
		{"dynamodb: missing", func() error { return StreamOrders(ctx, ddbEvent(``)) }, `record e-1 (INSERT): missing attribute "total"`, errMissingAttribute, nil},
		{"kinesis: not JSON", func() error {
			return DecodeReadings(ctx, events.KinesisEvent{Records: []events.KinesisEventRecord{{Kinesis: events.KinesisRecord{SequenceNumber: "42", PartitionKey: "p", Data: []byte("x")}}}})
		}, "record 42 (partition key p)", nil, &syntaxErr},
		{"kinesis: bad unit", func() error {
			return DecodeReadings(ctx, events.KinesisEvent{Records: []events.KinesisEventRecord{{Kinesis: events.KinesisRecord{SequenceNumber: "43", Data: []byte(`{"sensorId": "s", "unit": "K"}`)}}}})
		}, "record 43", errInvalidReading, nil},
		{"eventbridge: total as a string", func() error {
			return HandleOrderEvent(ctx, events.EventBridgeEvent{ID: "e-1", Source: "com.example.orders", DetailType: "OrderPlaced", Detail: []byte(`{"orderId": "o", "total": "1"}`)})
		}, "event e-1 (OrderPlaced from com.example.orders)", nil, &typeErr},
		{"eventbridge: no total", func() error {
			return HandleOrderEvent(ctx, events.EventBridgeEvent{ID: "e-2", DetailType: "OrderPlaced", Detail: []byte(`{"orderId": "o"}`)})
		}, "event e-2", errInvalidOrderEvent, nil},
		{"eventbridge: unexpected event", func() error {
			return HandleOrderEvent(ctx, events.EventBridgeEvent{ID: "e-3", Source: "aws.ec2", DetailType: "EC2 Instance State-change Notification"})
		}, "event e-3 (EC2 Instance State-change Notification from aws.ec2)", errUnexpectedEvent, nil},
		{"sqs: not JSON", func() error {
			return ProcessBatch(ctx, sqsEvent("m-1", `{"orderId": "o", "quantity": 1}`, "m-2", "nope"))
		}, "message m-2", nil, &syntaxErr},
		{"sqs: unknown field", func() error { return ProcessBatch(ctx, sqsEvent("m-1", `{"orderId": "o", "qty": 1}`)) }, "message m-1", nil, nil},
		{"sqs: invalid order", func() error { return ProcessBatch(ctx, sqsEvent("m-3", `{"orderId": "", "quantity": 1}`)) }, "message m-3", errInvalidMessage, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("error %q does not name %q", err, tt.mention)
			}
			if errors.Unwrap(err) == nil {
				t.Errorf("error %q wraps no cause", err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%q, %v) = false", err, tt.is)
			}
			if tt.as != nil && !errors.As(err, tt.as) {
				t.Errorf("errors.As(%q, %T) = false", err, tt.as)
			}
		})
	}
}

func TestPartialReportsOnlyTheBadMessages(t *testing.T) {
	ctx := WithLogger(context.Background(), log.New(&bytes.Buffer{}, "", 0))
	resp, err := ProcessPartial(ctx, sqsEvent("m-1", `{"orderId": "a", "quantity": 1}`, "m-2", "nope", "m-3", `{"orderId": "c", "quantity": 2}`, "m-4", `{"orderId": "d", "quantity": 0}`))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range resp.BatchItemFailures {
		ids = append(ids, f.ItemIdentifier)
	}
	if strings.Join(ids, ",") != "m-2,m-4" {
		t.Errorf("batchItemFailures = %v, want m-2, m-4", ids)
	}
}

func TestLogfUsesTheContextLogger(t *testing.T) {
	var mine, std bytes.Buffer
	defer log.SetOutput(log.Writer())
	defer log.SetFlags(log.Flags())
	log.SetOutput(&std)
	log.SetFlags(0)
	Logf(WithLogger(context.Background(), log.New(&mine, "", 0)), "to %s", "mine")
	Logf(context.Background(), "to %s", "std")
	if mine.String() != "to mine\n" || std.String() != "to std\n" {
		t.Errorf("context logger got %q, standard logger got %q", mine.String(), std.String())
	}
}

func s3Event(kv ...any) events.S3Event {
	var e events.S3Event
	for i := 0; i < len(kv); i += 2 {
		r := events.S3EventRecord{EventName: "ObjectCreated:Put"}
		r.S3.Bucket.Name = "b"
		r.S3.Object.Key, r.S3.Object.Size = kv[i].(string), int64(kv[i+1].(int))
		e.Records = append(e.Records, r)
	}
	return e
}

func ddbEvent(total string) events.DynamoDBEvent {
	img := `{"orderId": {"S": "o-1"}, "status": {"S": "pending"}`
	if total != "" {
		img += `, "total": ` + total
	}
	var e events.DynamoDBEvent
	if err := json.Unmarshal([]byte(`{"Records": [{"eventID": "e-1", "eventName": "INSERT", "dynamodb": {"NewImage": `+img+`}}}]}`), &e); err != nil {
		panic(err)
	}
	return e
}

func sqsEvent(idBody ...string) events.SQSEvent {
	var e events.SQSEvent
	for i := 0; i < len(idBody); i += 2 {
		e.Records = append(e.Records, events.SQSMessage{MessageId: idBody[i], Body: idBody[i+1]})
	}
	return e
}

// TestSNSMalformedIsSetAside: a notification without the required eventType
// attribute is logged and skipped, not failed, since a retry would fail the
// same way; the notifications after it are still routed.
func TestSNSMalformedIsSetAside(t *testing.T) {
	var buf bytes.Buffer
	ctx := WithLogger(context.Background(), log.New(&buf, "", 0))
	err := RouteNotifications(ctx, events.SNSEvent{Records: []events.SNSEventRecord{
		{SNS: events.SNSEntity{MessageID: "m-9", MessageAttributes: map[string]any{"priority": map[string]any{"Type": "Number", "Value": "1"}}}},
		{SNS: events.SNSEntity{MessageID: "m-10", MessageAttributes: map[string]any{"eventType": map[string]any{"Type": "String", "Value": "order.placed"}}}},
	}})
	if err != nil {
		t.Fatalf("RouteNotifications returned %v, want nil: a malformed notification is set aside, not retried", err)
	}
	out := buf.String()
	if !strings.Contains(out, "message m-9") || !strings.Contains(out, errMissingMessageAttribute.Error()) {
		t.Errorf("log %q does not name the set-aside message and why", out)
	}
	if !strings.Contains(out, "message m-10: eventType=order.placed") {
		t.Errorf("log %q: the notification after the malformed one was not routed", out)
	}
}
