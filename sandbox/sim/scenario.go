package sim

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/tutor-dev/tutor/sandbox/filter"
)

// Sources the simulator models.
var Sources = []string{"apigateway", "s3", "sns", "sqs", "kinesis", "dynamodb"}

// Scenario is one experiment: an event source, its settings, a handler and
// the records that arrive. Its YAML form is the contract of
// `tutor sandbox simulate`; build one in code with Default and change fields.
type Scenario struct {
	Source        string         `yaml:"source"`
	Handler       string         `yaml:"handler,omitempty"`
	Behaviour     *Behaviour     `yaml:"behaviour,omitempty"`
	Function      Function       `yaml:"function"`
	Queue         Queue          `yaml:"queue"`
	Mapping       Mapping        `yaml:"mapping"`
	Stream        Stream         `yaml:"stream"`
	API           API            `yaml:"api"`
	Subscriptions []Subscription `yaml:"subscriptions,omitempty"`
	Records       []Record       `yaml:"records,omitempty"`
	Generate      *Generate      `yaml:"generate,omitempty"`
}

// Behaviour is a scripted handler, evaluated per record.
type Behaviour struct {
	Rules    []Rule   `yaml:"rules,omitempty"`
	Duration Duration `yaml:"duration"`
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
}

// Default returns a scenario for source with every field at AWS's default
// (or the simulator's, where AWS has none) and no records.
func Default(source string) Scenario {
	sc := Scenario{
		Source: source,
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
	}
	switch source {
	case "kinesis":
		sc.Mapping.BatchSize = kinesisBatchDefault
	case "dynamodb":
		sc.Mapping.BatchSize = dynamoBatchDefault
	}
	return sc
}

// fieldError is a problem with one field, located later by its YAML path.
type fieldError struct {
	path string // $.mapping.batch_size
	msg  string
}

func (e fieldError) Error() string { return e.path[2:] + ": " + e.msg }

// Validate checks every field against AWS's limits.
func (sc *Scenario) Validate() error {
	errs := sc.validate()
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}

func (sc *Scenario) validate() []fieldError {
	var errs []fieldError
	bad := func(path, format string, a ...any) {
		errs = append(errs, fieldError{path, fmt.Sprintf(format, a...)})
	}
	if !isSource(sc.Source) {
		bad("$.source", "must be one of apigateway, s3, sns, sqs, kinesis, dynamodb (got %q)", sc.Source)
		return errs
	}
	if sc.Handler != "" && sc.Behaviour != nil {
		bad("$.handler", "give either handler or behaviour, not both")
	}
	if b := sc.Behaviour; b != nil {
		if b.Duration < 0 {
			bad("$.behaviour.duration", "must not be negative")
		}
		for i, r := range b.Rules {
			p := fmt.Sprintf("$.behaviour.rules[%d]", i)
			switch r.Result {
			case ResultOK, ResultError, ResultReport, ResultTimeout, ResultMalformed:
			default:
				bad(p+".result", "must be one of ok, error, report, timeout, malformed (got %q)", r.Result)
			}
			if r.Times < 0 {
				bad(p+".times", "must be 0 (every delivery) or more")
			}
			if r.Duration < 0 {
				bad(p+".duration", "must not be negative")
			}
			if r.Status != 0 && (r.Status < 100 || r.Status > 599) {
				bad(p+".status", "must be an HTTP status code, 100-599")
			}
		}
	}
	f := sc.Function
	rangeDur(bad, "$.function.timeout", f.Timeout, time.Second, maxFunctionTimeout)
	if f.ReservedConcurrency < -1 || f.ReservedConcurrency > accountConcurrency {
		bad("$.function.reserved_concurrency", "must be 0-%d (or -1 for none)", accountConcurrency)
	}
	if f.MaximumRetryAttempts < 0 || f.MaximumRetryAttempts > asyncRetriesMax {
		bad("$.function.maximum_retry_attempts", "must be 0-%d (asynchronous invocation)", asyncRetriesMax)
	}
	rangeDur(bad, "$.function.maximum_event_age", f.MaximumEventAge, asyncEventAgeMin, asyncEventAgeMax)
	q := sc.Queue
	rangeDur(bad, "$.queue.visibility_timeout", q.VisibilityTimeout, 0, sqsVisibilityMax)
	rangeDur(bad, "$.queue.retention", q.Retention, sqsRetentionMin, sqsRetentionMax)
	if q.MaxReceiveCount < sqsMaxReceiveMin || q.MaxReceiveCount > sqsMaxReceiveMax {
		bad("$.queue.max_receive_count", "must be %d-%d", sqsMaxReceiveMin, sqsMaxReceiveMax)
	}
	errs = append(errs, sc.validateMapping()...)
	if sc.Stream.Shards < 1 || sc.Stream.Shards > 1000 {
		bad("$.stream.shards", "must be 1-1000")
	}
	rangeDur(bad, "$.api.integration_timeout", sc.API.IntegrationTimeout, restIntegrationTimeoutMin, restIntegrationTimeout)
	seen := map[string]bool{}
	for i, s := range sc.Subscriptions {
		p := fmt.Sprintf("$.subscriptions[%d]", i)
		if sc.Source != "sns" {
			bad(p, "subscriptions are for source sns")
			break
		}
		if s.Name == "" {
			bad(p+".name", "missing name")
		} else if seen[s.Name] {
			bad(p+".name", "duplicate subscription %q", s.Name)
		}
		seen[s.Name] = true
		switch s.FilterPolicyScope {
		case "", "MessageAttributes", "MessageBody":
			if _, err := compileSNS(s); err != nil {
				bad(p+".filter_policy", "%v", err)
			}
		default:
			bad(p+".filter_policy_scope", "must be MessageAttributes or MessageBody (got %q)", s.FilterPolicyScope)
		}
	}
	errs = append(errs, sc.validateRecords()...)
	return errs
}

func (sc *Scenario) validateMapping() []fieldError {
	var errs []fieldError
	bad := func(path, format string, a ...any) {
		errs = append(errs, fieldError{path, fmt.Sprintf(format, a...)})
	}
	m := sc.Mapping
	max := sqsBatchMax
	if isStream(sc.Source) {
		max = streamBatchMax
	}
	if m.BatchSize < 1 || m.BatchSize > max {
		bad("$.mapping.batch_size", "must be 1-%d for %s", max, sc.Source)
	}
	rangeDur(bad, "$.mapping.maximum_batching_window", m.MaximumBatchingWindow, 0, windowMax)
	if sc.Source == "sqs" && m.BatchSize > sqsBatchDefault && m.MaximumBatchingWindow.D() < largeBatchMinWindow {
		bad("$.mapping.maximum_batching_window", "must be at least %s when batch_size is above %d", fmtDur(largeBatchMinWindow.Milliseconds()), sqsBatchDefault)
	}
	if m.MaximumRetryAttempts < -1 || m.MaximumRetryAttempts > streamRetriesMax {
		bad("$.mapping.maximum_retry_attempts", "must be -1 (until the record expires) to %d", streamRetriesMax)
	}
	if m.MaximumRecordAge != -1 {
		rangeDur(bad, "$.mapping.maximum_record_age", m.MaximumRecordAge, streamRecordAgeMin, streamRecordAgeMax)
	}
	if m.ParallelizationFactor < 1 || m.ParallelizationFactor > parallelizationMax {
		bad("$.mapping.parallelization_factor", "must be 1-%d", parallelizationMax)
	}
	if len(m.Filters) > 0 && !isStream(sc.Source) && sc.Source != "sqs" {
		bad("$.mapping.filters", "filter criteria are for sqs, kinesis and dynamodb; SNS uses subscriptions' filter_policy")
	}
	for i, f := range m.Filters {
		b, err := filterJSON(f)
		if err == nil {
			_, err = filter.CompilePattern(b)
		}
		if err != nil {
			bad(fmt.Sprintf("$.mapping.filters[%d]", i), "%v", err)
		}
	}
	return errs
}

func rangeDur(bad func(string, string, ...any), path string, d Duration, lo, hi time.Duration) {
	if d.D() < lo || d.D() > hi {
		bad(path, "must be between %s and %s (got %s)", fmtDur(lo.Milliseconds()), fmtDur(hi.Milliseconds()), d)
	}
}

// fieldsBySource lists the record fields each source accepts.
var fieldsBySource = map[string][]string{
	"sqs":        {"body", "attributes"},
	"sns":        {"message", "attributes"},
	"s3":         {"key", "event_name"},
	"kinesis":    {"data", "partition_key"},
	"dynamodb":   {"event_name", "keys", "new_image"},
	"apigateway": {"path", "method", "body"},
}

func (sc *Scenario) validateRecords() []fieldError {
	var errs []fieldError
	ok := map[string]bool{}
	for _, f := range fieldsBySource[sc.Source] {
		ok[f] = true
	}
	ids := map[string]bool{}
	for i, r := range sc.Records {
		p := fmt.Sprintf("$.records[%d]", i)
		for _, f := range r.setFields() {
			if !ok[f] {
				errs = append(errs, fieldError{p + "." + f, fmt.Sprintf("not a field of %s records (use %v)", sc.Source, fieldsBySource[sc.Source])})
			}
		}
		id := r.ID
		if id == "" {
			id = fmt.Sprintf("m%d", i+1)
		}
		if ids[id] {
			errs = append(errs, fieldError{p + ".id", fmt.Sprintf("duplicate record id %q", id)})
		}
		ids[id] = true
		if r.At < 0 {
			errs = append(errs, fieldError{p + ".at", "must not be negative"})
		}
		if sc.Source == "dynamodb" && r.EventName != "" && r.EventName != "INSERT" && r.EventName != "MODIFY" && r.EventName != "REMOVE" {
			errs = append(errs, fieldError{p + ".event_name", "must be INSERT, MODIFY or REMOVE"})
		}
	}
	if g := sc.Generate; g != nil {
		if g.Count < 0 || g.Count > 10_000_000 {
			errs = append(errs, fieldError{"$.generate.count", "must be 0-10000000"})
		}
		if g.Every < 0 {
			errs = append(errs, fieldError{"$.generate.every", "must not be negative"})
		}
		if sc.Source == "dynamodb" && g.Body != "" && !json.Valid([]byte(fillN(g.Body, 1))) {
			errs = append(errs, fieldError{"$.generate.body", "for dynamodb must be a JSON object (the typed new_image)"})
		}
	}
	return errs
}

func (r *Record) setFields() []string {
	var out []string
	add := func(set bool, name string) {
		if set {
			out = append(out, name)
		}
	}
	add(r.Body != "", "body")
	add(len(r.Attributes) > 0, "attributes")
	add(r.Data != "", "data")
	add(r.PartitionKey != "", "partition_key")
	add(r.EventName != "", "event_name")
	add(len(r.Keys) > 0, "keys")
	add(len(r.NewImage) > 0, "new_image")
	add(r.Key != "", "key")
	add(r.Message != "", "message")
	add(r.Path != "", "path")
	add(r.Method != "", "method")
	return out
}

func isSource(s string) bool {
	for _, x := range Sources {
		if x == s {
			return true
		}
	}
	return false
}

func isStream(s string) bool { return s == "kinesis" || s == "dynamodb" }

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
