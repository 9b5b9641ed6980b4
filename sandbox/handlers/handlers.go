// Package handlers holds the sample Lambda handlers the course runs in its
// labs: ordinary Go functions written against github.com/aws/aws-lambda-go's
// event types, the way a production handler is written, each failing the way
// production code should (naming the record that failed and wrapping the
// cause). Every handler carries its own source file, embedded for display.
//
// The package knows nothing of the sandbox that invokes it nor of terminals;
// the only hook between them is the per-invocation logger in the context
// (see Logf).
package handlers

import (
	_ "embed"
	"sort"

	"github.com/tutor-dev/tutor/assets/source"
)

// Handler describes one sample handler.
type Handler struct {
	Name        string        // e.g. "sqs-partial"; lessons' labs refer to it
	Source      source.Source // the event source
	Description string        // one line
	Func        any           // the handler function, as passed to lambda.NewHandler / lambda.Start
	Code        string        // the Go source file that defines Func
}

// The handlers' own source files, embedded so a lab can show the code it runs.
var (
	//go:embed apigateway_orders.go
	apigatewayOrdersCode string
	//go:embed s3_object_logger.go
	s3ObjectLoggerCode string
	//go:embed dynamodb_stream.go
	dynamodbStreamCode string
	//go:embed kinesis_decode.go
	kinesisDecodeCode string
	//go:embed sns_attributes.go
	snsAttributesCode string
	//go:embed sqs_batch.go
	sqsBatchCode string
	//go:embed sqs_partial.go
	sqsPartialCode string
	//go:embed eventbridge_orders.go
	eventbridgeOrdersCode string
	//go:embed functionurl_feedback.go
	functionURLFeedbackCode string
)

var all = []Handler{
	{
		Name: "apigateway-orders", Source: source.APIGateway, Func: OrdersAPI, Code: apigatewayOrdersCode,
		Description: "REST API behind an API Gateway proxy integration: GET /orders/{id} answers JSON, POST /orders fails on a bad body",
	},
	{
		Name: "s3-object-logger", Source: source.S3, Func: LogObjects, Code: s3ObjectLoggerCode,
		Description: "logs each object an S3 notification announces, decoding its URL-encoded key",
	},
	{
		Name: "dynamodb-stream", Source: source.DynamoDB, Func: StreamOrders, Code: dynamodbStreamCode,
		Description: "reads typed NewImage attributes from a DynamoDB stream and fails on an attribute of the wrong type",
	},
	{
		Name: "kinesis-decode", Source: source.Kinesis, Func: DecodeReadings, Code: kinesisDecodeCode,
		Description: "decodes the JSON sensor readings carried (base64-encoded on the wire) in Kinesis records",
	},
	{
		Name: "sns-attributes", Source: source.SNS, Func: RouteNotifications, Code: snsAttributesCode,
		Description: "routes SNS notifications by their message attributes and logs and sets aside one missing a required attribute (a retry would not help)",
	},
	{
		Name: "sqs-batch", Source: source.SQS, Func: ProcessBatch, Code: sqsBatchCode,
		Description: "processes an SQS batch; one invalid message fails the whole batch, so every message comes back",
	},
	{
		Name: "sqs-partial", Source: source.SQS, Func: ProcessPartial, Code: sqsPartialCode,
		Description: "processes an SQS batch and reports only the invalid messages in batchItemFailures",
	},
	{
		Name: "eventbridge-orders", Source: source.EventBridge, Func: HandleOrderEvent, Code: eventbridgeOrdersCode,
		Description: "the target of an EventBridge rule and a schedule: decodes an OrderPlaced event's detail, fails on a bad one",
	},
	{
		Name: "functionurl-feedback", Source: source.FunctionURL, Func: Feedback, Code: functionURLFeedbackCode,
		Description: "a function URL (payload format 2.0): greets the caller, answers a bad POST with 400, sets a cookie",
	},
}

var byName = func() map[string]Handler {
	m := make(map[string]Handler, len(all))
	for _, h := range all {
		m[h.Name] = h
	}
	return m
}()

// All returns every sample handler, in course order (by source).
func All() []Handler {
	return append([]Handler(nil), all...)
}

// Get returns the handler with this name.
func Get(name string) (Handler, bool) {
	h, ok := byName[name]
	return h, ok
}

// Names returns the handler names, sorted, for error messages.
func Names() []string {
	names := make([]string, 0, len(all))
	for _, h := range all {
		names = append(names, h.Name)
	}
	sort.Strings(names)
	return names
}
