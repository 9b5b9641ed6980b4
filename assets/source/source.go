// Package source names the Lambda event sources the course teaches, as a
// type, with one table of what every other package needs to know about each
// one: course order, display title, how Lambda is invoked from it, the
// aws-lambda-go type its events decode into and the eventSource string its
// records carry. Adding a source is one entry in table
// plus its content (lessons, sample events, handlers, a simulator model).
//
// The package is a leaf: it knows nothing of lessons, the sandbox or
// terminals. A Source is a plain string in YAML and JSON ("sqs").
package source

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// Source is one event source, by its short name: "sqs".
type Source string

// The event sources, in course order.
const (
	APIGateway Source = "apigateway"
	S3         Source = "s3"
	DynamoDB   Source = "dynamodb"
	Kinesis    Source = "kinesis"
	SNS        Source = "sns"
	SQS        Source = "sqs"
	// EventBridge is an EventBridge rule (or schedule) whose target is the
	// function: EventBridge invokes it asynchronously.
	EventBridge Source = "eventbridge"
	// FunctionURL is a Lambda function URL: an HTTPS endpoint of the
	// function itself, with API Gateway's payload format version 2.0.
	FunctionURL Source = "functionurl"
)

// Invocation is how Lambda is invoked for a source's events.
type Invocation uint8

const (
	// Sync: the caller waits for the function's response (API Gateway,
	// function URLs).
	Sync Invocation = iota + 1
	// Async: the event goes to Lambda's event queue; Lambda retries and
	// sends failures to a DLQ or on-failure destination (S3, SNS, EventBridge).
	Async
	// Poll: an event source mapping polls the source and invokes the
	// function synchronously with batches (SQS, Kinesis, DynamoDB Streams).
	Poll
)

var invocationNames = [...]string{Sync: "sync", Async: "async", Poll: "poll"}

func (i Invocation) String() string {
	if int(i) < len(invocationNames) && invocationNames[i] != "" {
		return invocationNames[i]
	}
	return fmt.Sprintf("Invocation(%d)", uint8(i))
}

// Filter is how a source lets events be filtered before they reach the
// function, which decides what a filter lab about it teaches.
type Filter uint8

const (
	// NoFilter: every event reaches the function (API Gateway, S3 without
	// prefix and suffix rules aside).
	NoFilter Filter = iota
	// SubscriptionPolicy: a subscription filter policy, on the message
	// attributes or the body (SNS).
	SubscriptionPolicy
	// MappingPattern: event patterns in an event source mapping's filter
	// criteria, applied to each record (SQS, Kinesis, DynamoDB Streams).
	MappingPattern
	// RulePattern: an EventBridge rule's event pattern, applied to the
	// whole event (envelope and detail) before any target is invoked.
	RulePattern
)

var filterNames = [...]string{NoFilter: "none", SubscriptionPolicy: "subscription filter policy", MappingPattern: "event source mapping filter", RulePattern: "rule event pattern"}

func (f Filter) String() string {
	if int(f) < len(filterNames) {
		return filterNames[f]
	}
	return fmt.Sprintf("Filter(%d)", uint8(f))
}

// Info is what the course knows about one source.
type Info struct {
	Source     Source
	Title      string       // as a person reads it: "DynamoDB Streams"
	Short      string       // in running text: "DynamoDB"
	Invocation Invocation   // how Lambda is invoked from it
	Stream     bool         // a poll source read from ordered shards (Kinesis, DynamoDB)
	Filter     Filter       // how its events can be filtered before the function
	EventType  reflect.Type // the aws-lambda-go type its events decode into
	// EventSource is the eventSource field of its records ("aws:sqs"); empty
	// for a source whose event has none.
	EventSource string
}

// table is every source, in course order.
var table = []Info{
	{Source: APIGateway, Title: "API Gateway", Short: "API Gateway", Invocation: Sync,
		EventType: reflect.TypeFor[events.APIGatewayProxyRequest]()},
	{Source: S3, Title: "Amazon S3", Short: "S3", Invocation: Async,
		EventType: reflect.TypeFor[events.S3Event](), EventSource: "aws:s3"},
	{Source: DynamoDB, Title: "DynamoDB Streams", Short: "DynamoDB", Invocation: Poll, Stream: true, Filter: MappingPattern,
		EventType: reflect.TypeFor[events.DynamoDBEvent](), EventSource: "aws:dynamodb"},
	{Source: Kinesis, Title: "Kinesis Data Streams", Short: "Kinesis", Invocation: Poll, Stream: true, Filter: MappingPattern,
		EventType: reflect.TypeFor[events.KinesisEvent](), EventSource: "aws:kinesis"},
	{Source: SNS, Title: "Amazon SNS", Short: "SNS", Invocation: Async, Filter: SubscriptionPolicy,
		EventType: reflect.TypeFor[events.SNSEvent](), EventSource: "aws:sns"},
	{Source: SQS, Title: "Amazon SQS", Short: "SQS", Invocation: Poll, Filter: MappingPattern,
		EventType: reflect.TypeFor[events.SQSEvent](), EventSource: "aws:sqs"},
	// events.EventBridgeEvent is an alias of events.CloudWatchEvent; the
	// event carries "source" (the emitter, "aws.ec2"), not eventSource.
	{Source: EventBridge, Title: "Amazon EventBridge", Short: "EventBridge", Invocation: Async, Filter: RulePattern,
		EventType: reflect.TypeFor[events.EventBridgeEvent]()},
	{Source: FunctionURL, Title: "Lambda function URLs", Short: "function URL", Invocation: Sync,
		EventType: reflect.TypeFor[events.LambdaFunctionURLRequest]()},
}

var byName = func() map[Source]int {
	m := make(map[Source]int, len(table))
	for i, in := range table {
		m[in.Source] = i
	}
	return m
}()

// All returns every source, in course order.
func All() []Source {
	out := make([]Source, len(table))
	for i, in := range table {
		out[i] = in.Source
	}
	return out
}

// Infos returns the table, in course order.
func Infos() []Info { return append([]Info(nil), table...) }

// Parse returns the source named s, or an error listing the known ones.
func Parse(s string) (Source, error) {
	if _, ok := byName[Source(s)]; ok {
		return Source(s), nil
	}
	return "", fmt.Errorf("unknown event source %q (known: %s)", s, List())
}

// List is the known sources as one line, in course order: "apigateway, s3, ...".
func List() string { return strings.Join(Strings(All()), ", ") }

// Strings converts sources to their names.
func Strings(ss []Source) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// String is the source's short name.
func (s Source) String() string { return string(s) }

// Valid reports whether s is a known source.
func (s Source) Valid() bool {
	_, ok := byName[s]
	return ok
}

// Info returns the source's table entry; the zero Info for an unknown source.
func (s Source) Info() Info {
	if i, ok := byName[s]; ok {
		return table[i]
	}
	return Info{Source: s}
}

// Order is the source's place in course order (0 first), or -1.
func (s Source) Order() int {
	if i, ok := byName[s]; ok {
		return i
	}
	return -1
}

// Title is the source's display name ("Amazon SQS"), or its short name when unknown.
func (s Source) Title() string {
	if in := s.Info(); in.Title != "" {
		return in.Title
	}
	return string(s)
}

// Invocation is how Lambda is invoked for the source's events (0 when unknown).
func (s Source) Invocation() Invocation { return s.Info().Invocation }

// Stream reports whether the source is read from ordered shards.
func (s Source) Stream() bool { return s.Info().Stream }

// Short is the source's name in running text ("SQS"), or its short name when unknown.
func (s Source) Short() string {
	if in := s.Info(); in.Short != "" {
		return in.Short
	}
	return string(s)
}

// Filter is how the source's events can be filtered (NoFilter when unknown).
func (s Source) Filter() Filter { return s.Info().Filter }

// Filtered returns the sources whose events can be filtered, in course order.
func Filtered() []Source {
	var out []Source
	for _, in := range table {
		if in.Filter != NoFilter {
			out = append(out, in.Source)
		}
	}
	return out
}

// EventType is the aws-lambda-go type the source's events decode into (nil when unknown).
func (s Source) EventType() reflect.Type { return s.Info().EventType }
