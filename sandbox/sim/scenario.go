package sim

import (
	"encoding/json"
	"fmt"

	"github.com/tutor-dev/tutor/assets/source"
)

// Scenario is one experiment: an event source, its settings, a handler and
// the records that arrive. Its YAML form is the contract of
// `tutor sandbox simulate`; build one in code with Default and change fields.
type Scenario struct {
	Source        source.Source  `yaml:"source"`
	Handler       string         `yaml:"handler,omitempty"`
	Behaviour     *Behaviour     `yaml:"behaviour,omitempty"`
	Function      Function       `yaml:"function"`
	Queue         Queue          `yaml:"queue"`
	Mapping       Mapping        `yaml:"mapping"`
	Stream        Stream         `yaml:"stream"`
	API           API            `yaml:"api"`
	Subscriptions []Subscription `yaml:"subscriptions,omitempty"`
	Rule          EventRule      `yaml:"rule"`
	Records       []Record       `yaml:"records,omitempty"`
	Generate      *Generate      `yaml:"generate,omitempty"`
}

// Behaviour is a scripted handler, evaluated per record.
type Behaviour struct {
	Rules    []Rule   `yaml:"rules,omitempty"`
	Duration Duration `yaml:"duration,omitempty"` // 0 = the default, defInvocationTime
	// StopAtFirstFailure (sqs): once a record is reported, the handler
	// processes no more records and reports every one after it too, as AWS
	// asks of a handler on a FIFO queue.
	StopAtFirstFailure bool `yaml:"stop_at_first_failure,omitempty"`
}

// Rule decides what the handler does with a matching record.
type Rule struct {
	Match    Match    `yaml:"match"`
	Result   string   `yaml:"result"`             // error | report | timeout | malformed | ok
	Times    int      `yaml:"times,omitempty"`    // 0 = every delivery; N = first N deliveries of the record
	Duration Duration `yaml:"duration,omitempty"` // virtual time the invocation takes when this rule applies
	Status   int      `yaml:"status,omitempty"`   // apigateway: statusCode of an ok response (default 200)
}

// Match selects records: Contains looks in the record's body, data,
// new_image (as JSON), key, message or path; ID names one record. An empty
// match selects every record.
type Match struct {
	Contains string `yaml:"contains,omitempty"`
	ID       string `yaml:"id,omitempty"`
}

// Rule results.
const (
	ResultOK        = "ok"
	ResultError     = "error"
	ResultReport    = "report"
	ResultTimeout   = "timeout"
	ResultMalformed = "malformed"
)

// Function is the Lambda function's own configuration.
type Function struct {
	Timeout              Duration `yaml:"timeout"`
	ReservedConcurrency  int      `yaml:"reserved_concurrency"` // -1 = none (the account's unreserved pool)
	MaximumRetryAttempts int      `yaml:"maximum_retry_attempts"`
	MaximumEventAge      Duration `yaml:"maximum_event_age"`
	OnFailure            bool     `yaml:"on_failure"`
	DeadLetterQueue      bool     `yaml:"dead_letter_queue"`
}

// Queue is the SQS queue's configuration.
type Queue struct {
	VisibilityTimeout Duration `yaml:"visibility_timeout"`
	MaxReceiveCount   int      `yaml:"max_receive_count"`
	DeadLetterQueue   bool     `yaml:"dead_letter_queue"`
	Retention         Duration `yaml:"retention"`
	// FIFO makes it a FIFO queue: records carry a message group (group)
	// and may carry a deduplication ID (dedup_id). See sqs_fifo.go.
	FIFO                      bool `yaml:"fifo,omitempty"`
	ContentBasedDeduplication bool `yaml:"content_based_deduplication,omitempty"` // FIFO: the body is the deduplication ID when a record has none
}

// Mapping is the event source mapping (SQS, Kinesis, DynamoDB).
type Mapping struct {
	BatchSize                  int      `yaml:"batch_size"`
	MaximumBatchingWindow      Duration `yaml:"maximum_batching_window"`
	ReportBatchItemFailures    bool     `yaml:"report_batch_item_failures"`
	BisectBatchOnFunctionError bool     `yaml:"bisect_batch_on_function_error"`
	MaximumRetryAttempts       int      `yaml:"maximum_retry_attempts"`
	MaximumRecordAge           Duration `yaml:"maximum_record_age"` // -1 = unlimited
	ParallelizationFactor      int      `yaml:"parallelization_factor"`
	OnFailure                  bool     `yaml:"on_failure"`
	Filters                    []any    `yaml:"filters,omitempty"` // event patterns (objects or JSON strings)
}

// Stream is the Kinesis stream or DynamoDB stream.
type Stream struct {
	Shards int `yaml:"shards"`
}

// API is the API Gateway REST API.
type API struct {
	IntegrationTimeout Duration `yaml:"integration_timeout"`
}

// Subscription is one SNS subscription of the function, with its filter policy.
type Subscription struct {
	Name              string `yaml:"name"`
	FilterPolicy      any    `yaml:"filter_policy,omitempty"`
	FilterPolicyScope string `yaml:"filter_policy_scope,omitempty"` // MessageAttributes (default) | MessageBody
}

// EventRule is the EventBridge rule whose target is the function: an event
// pattern (events it rejects never reach the target) or a schedule.
type EventRule struct {
	EventPattern any    `yaml:"event_pattern,omitempty"` // an object or a JSON string
	Schedule     string `yaml:"schedule,omitempty"`      // rate(N minutes|hours|days): generate.count firings, one per period
	Target       Target `yaml:"target"`
}

// Target is the rule's target (the function): EventBridge's retry policy
// and dead-letter queue for delivering the event to Lambda, and what makes
// that delivery fail.
type Target struct {
	MaximumRetryAttempts int      `yaml:"maximum_retry_attempts"` // 0-185
	MaximumEventAge      Duration `yaml:"maximum_event_age"`      // 60s-24h
	DeadLetterQueue      bool     `yaml:"dead_letter_queue"`
	// Unavailable: until this virtual time, invoking the function fails with
	// a retriable error (the target unavailable, network conditions).
	Unavailable Duration `yaml:"unavailable"`
	// MissingPermission: the function's resource-based policy does not let
	// EventBridge invoke it, an error EventBridge does not retry.
	MissingPermission bool `yaml:"missing_permission"`
}

// Record is one message, event, request or stream record, in arrival order.
type Record struct {
	ID           string               `yaml:"id,omitempty"`
	At           Duration             `yaml:"at,omitempty"`
	Body         string               `yaml:"body,omitempty"`          // sqs, apigateway
	Attributes   map[string]Attribute `yaml:"attributes,omitempty"`    // sqs, sns message attributes
	Data         string               `yaml:"data,omitempty"`          // kinesis (plain text; the event carries it base64-encoded)
	PartitionKey string               `yaml:"partition_key,omitempty"` // kinesis
	EventName    string               `yaml:"event_name,omitempty"`    // dynamodb: INSERT|MODIFY|REMOVE; s3: e.g. ObjectCreated:Put
	Keys         map[string]any       `yaml:"keys,omitempty"`          // dynamodb, typed: {id: {N: "1"}}
	NewImage     map[string]any       `yaml:"new_image,omitempty"`     // dynamodb, typed
	Key          string               `yaml:"key,omitempty"`           // s3 object key
	Message      string               `yaml:"message,omitempty"`       // sns
	Path         string               `yaml:"path,omitempty"`          // apigateway
	Method       string               `yaml:"method,omitempty"`        // apigateway
	Group        string               `yaml:"group,omitempty"`         // sqs FIFO: message group ID
	DedupID      string               `yaml:"dedup_id,omitempty"`      // sqs FIFO: message deduplication ID
	Detail       string               `yaml:"detail,omitempty"`        // eventbridge: the event's detail, a JSON object
	DetailType   string               `yaml:"detail_type,omitempty"`   // eventbridge: detail-type
	EventSource  string               `yaml:"event_source,omitempty"`  // eventbridge: the event's "source" field
}

// Attribute is an SNS or SQS message attribute.
type Attribute struct {
	Type  string `yaml:"Type" json:"Type"`
	Value string `yaml:"Value" json:"Value"`
}

// Generate adds Count records with ids r1..rN after the listed ones. Body is
// the source's main field (sqs/apigateway body, kinesis data, sns message,
// s3 key, dynamodb new_image as JSON); {{.N}} in it becomes the record number.
type Generate struct {
	Count int      `yaml:"count"`
	Body  string   `yaml:"body"`
	Every Duration `yaml:"every,omitempty"` // arrival spacing; 0 = all at t=0
	// Groups (sqs FIFO): record rN is in message group g((N-1) mod Groups + 1).
	Groups int `yaml:"groups,omitempty"`
}

// Default returns a scenario for source with every field at AWS's default
// (or the simulator's, where AWS has none) and no records.
func Default(src source.Source) Scenario {
	sc := Scenario{
		Source: src,
		Function: Function{
			Timeout:              Duration(defFunctionTimeout),
			ReservedConcurrency:  -1,
			MaximumRetryAttempts: asyncRetriesDefault,
			MaximumEventAge:      Duration(asyncEventAgeDefault),
		},
		Queue: Queue{
			VisibilityTimeout: Duration(sqsVisibilityDefault),
			MaxReceiveCount:   defMaxReceiveCount,
			Retention:         Duration(sqsRetentionDefault),
		},
		Mapping: Mapping{
			BatchSize:             sqsBatchDefault,
			MaximumBatchingWindow: Duration(sqsWindowDefault),
			MaximumRetryAttempts:  streamRetriesDefault,
			MaximumRecordAge:      -1,
			ParallelizationFactor: 1,
		},
		Stream: Stream{Shards: 1},
		API:    API{IntegrationTimeout: Duration(restIntegrationTimeout)},
		Rule: EventRule{Target: Target{
			MaximumRetryAttempts: ebRetryAttemptsDefault,
			MaximumEventAge:      Duration(ebEventAgeDefault),
		}},
	}
	if m := models[src]; m.batchDefault > 0 {
		sc.Mapping.BatchSize = m.batchDefault
	}
	return sc
}

// filterJSON turns a filter written as a YAML object or a JSON string into JSON.
func filterJSON(f any) ([]byte, error) {
	if s, ok := f.(string); ok {
		if !json.Valid([]byte(s)) {
			return nil, fmt.Errorf("not a JSON pattern: %q", s)
		}
		return []byte(s), nil
	}
	b, err := json.Marshal(normalize(f))
	if err != nil {
		return nil, fmt.Errorf("not a pattern: %v", err)
	}
	return b, nil
}

// normalize turns YAML-decoded maps with any keys into JSON-encodable ones.
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	}
	return v
}
