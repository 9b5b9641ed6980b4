package sim

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

// fieldError is a problem with one field, located later by its YAML path.
type fieldError struct {
	path string // $.mapping.batch_size
	msg  string
	alt  string // where to point when path is absent from the file (a default), if not at its parent
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
		errs = append(errs, fieldError{path: path, msg: fmt.Sprintf(format, a...)})
	}
	if _, ok := models[sc.Source]; !ok {
		bad("$.source", "must be one of %s (got %q)", modelledList(), sc.Source)
		return errs
	}
	if sc.Handler != "" && sc.Behaviour != nil && len(sc.Behaviour.Rules) > 0 {
		bad("$.behaviour.rules", "rules script a handler; with handler %s give only behaviour.duration", sc.Handler)
	}
	if b := sc.Behaviour; b != nil {
		if b.Duration < 0 {
			bad("$.behaviour.duration", "must not be negative")
		}
		wholeMs(bad, "$.behaviour.duration", b.Duration)
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
			wholeMs(bad, p+".duration", r.Duration)
			if r.Status != 0 && (r.Status < 100 || r.Status > 599) {
				bad(p+".status", "must be an HTTP status code, 100-599")
			}
		}
	}
	f := sc.Function
	rangeDur(bad, "$.function.timeout", f.Timeout, time.Second, maxFunctionTimeout, time.Second)
	if f.ReservedConcurrency < -1 || f.ReservedConcurrency > accountConcurrency {
		bad("$.function.reserved_concurrency", "must be 0-%d (or -1 for none)", accountConcurrency)
	}
	if f.MaximumRetryAttempts < 0 || f.MaximumRetryAttempts > asyncRetriesMax {
		bad("$.function.maximum_retry_attempts", "must be 0-%d (asynchronous invocation)", asyncRetriesMax)
	}
	rangeDur(bad, "$.function.maximum_event_age", f.MaximumEventAge, asyncEventAgeMin, asyncEventAgeMax, time.Second)
	q := sc.Queue
	rangeDur(bad, "$.queue.visibility_timeout", q.VisibilityTimeout, 0, sqsVisibilityMax, time.Second)
	if sc.Source == source.SQS && q.VisibilityTimeout < f.Timeout {
		// services-sqs-configure.html: Lambda validates this when a mapping
		// is created or updated (fact sqs.visibility-timeout.min-function-timeout).
		errs = append(errs, fieldError{path: "$.queue.visibility_timeout", alt: "$.function.timeout", msg: fmt.Sprintf(
			"%s is shorter than function.timeout %s: Lambda refuses to create such an event source mapping (the function timeout must not exceed the queue's visibility timeout); set visibility_timeout to at least %s, AWS advises %d times it (%s)",
			q.VisibilityTimeout, f.Timeout, f.Timeout, sqsVisibilityFactor, Duration(sqsVisibilityFactor*f.Timeout))})
	}
	rangeDur(bad, "$.queue.retention", q.Retention, sqsRetentionMin, sqsRetentionMax, time.Second)
	if q.MaxReceiveCount < sqsMaxReceiveMin || q.MaxReceiveCount > sqsMaxReceiveMax {
		bad("$.queue.max_receive_count", "must be %d-%d", sqsMaxReceiveMin, sqsMaxReceiveMax)
	}
	errs = append(errs, sc.validateMapping()...)
	if sc.Stream.Shards < 1 || sc.Stream.Shards > 1000 {
		bad("$.stream.shards", "must be 1-1000")
	}
	rangeDur(bad, "$.api.integration_timeout", sc.API.IntegrationTimeout, restIntegrationTimeoutMin, restIntegrationTimeout, time.Millisecond)
	seen := map[string]bool{}
	for i, s := range sc.Subscriptions {
		p := fmt.Sprintf("$.subscriptions[%d]", i)
		if sc.Source != source.SNS {
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
	errs = append(errs, sc.validateFIFO()...)
	errs = append(errs, sc.validateRule()...)
	return errs
}

func (sc *Scenario) validateMapping() []fieldError {
	var errs []fieldError
	bad := func(path, format string, a ...any) {
		errs = append(errs, fieldError{path: path, msg: fmt.Sprintf(format, a...)})
	}
	m := sc.Mapping
	max := models[sc.Source].batchMax
	if max == 0 {
		max = sqsBatchMax // not used: the source has no mapping
	}
	if m.BatchSize < 1 || m.BatchSize > max {
		bad("$.mapping.batch_size", "must be 1-%d for %s", max, sc.Source)
	}
	rangeDur(bad, "$.mapping.maximum_batching_window", m.MaximumBatchingWindow, 0, windowMax, time.Second)
	if sc.Source == source.SQS && m.BatchSize > sqsBatchDefault && m.MaximumBatchingWindow.D() < largeBatchMinWindow {
		bad("$.mapping.maximum_batching_window", "must be at least %s when batch_size is above %d", fmtDur(largeBatchMinWindow.Milliseconds()), sqsBatchDefault)
	}
	if m.MaximumRetryAttempts < -1 || m.MaximumRetryAttempts > streamRetriesMax {
		bad("$.mapping.maximum_retry_attempts", "must be -1 (until the record expires) to %d", streamRetriesMax)
	}
	if m.MaximumRecordAge != -1 {
		rangeDur(bad, "$.mapping.maximum_record_age", m.MaximumRecordAge, streamRecordAgeMin, streamRecordAgeMax, time.Second)
	}
	if m.ParallelizationFactor < 1 || m.ParallelizationFactor > parallelizationMax {
		bad("$.mapping.parallelization_factor", "must be 1-%d", parallelizationMax)
	}
	if len(m.Filters) > 0 && models[sc.Source].filterInput == nil {
		bad("$.mapping.filters", "filter criteria are for %s; SNS uses subscriptions' filter_policy, EventBridge rule.event_pattern", filterable())
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

// rangeDur checks a duration against AWS's range and unit: AWS takes most
// of these settings in whole seconds (Timeout, VisibilityTimeout, ...), the
// simulator's clock counts whole milliseconds.
func rangeDur(bad func(string, string, ...any), path string, d Duration, lo, hi, unit time.Duration) {
	unitName := "whole number of seconds"
	why := "AWS sets it in seconds"
	if unit == time.Millisecond {
		unitName, why = "whole number of milliseconds", "the simulator's clock counts milliseconds"
	}
	switch {
	case d.D()%unit != 0 && d >= 0:
		bad(path, "must be a %s between %s and %s: %s (got %s)", unitName, fmtDur(lo.Milliseconds()), fmtDur(hi.Milliseconds()), why, d)
	case d.D() < lo || d.D() > hi:
		bad(path, "must be between %s and %s (got %s)", fmtDur(lo.Milliseconds()), fmtDur(hi.Milliseconds()), d)
	}
}

// wholeMs checks a duration that has no AWS range against the clock's unit.
func wholeMs(bad func(string, string, ...any), path string, d Duration) {
	if d.D()%time.Millisecond != 0 {
		bad(path, "must be a whole number of milliseconds: the simulator's clock counts milliseconds (got %s)", d)
	}
}

// filterable lists the sources with event source mapping filters.
func filterable() string {
	out := ""
	for _, src := range modelled() {
		if models[src].filterInput != nil {
			if out != "" {
				out += ", "
			}
			out += string(src)
		}
	}
	return out
}

func (sc *Scenario) validateRecords() []fieldError {
	var errs []fieldError
	ok := map[string]bool{}
	fields := models[sc.Source].fields
	for _, f := range fields {
		ok[f] = true
	}
	ids := map[string]bool{}
	for i, r := range sc.Records {
		p := fmt.Sprintf("$.records[%d]", i)
		for _, f := range r.setFields() {
			if !ok[f] {
				errs = append(errs, fieldError{path: p + "." + f, msg: fmt.Sprintf("not a field of %s records (use %v)", sc.Source, fields)})
			}
		}
		id := r.ID
		if id == "" {
			id = fmt.Sprintf("m%d", i+1)
		}
		if ids[id] {
			errs = append(errs, fieldError{path: p + ".id", msg: fmt.Sprintf("duplicate record id %q", id)})
		}
		if n, ok := generatedNumber(id); ok && sc.Generate != nil && int(n) <= sc.Generate.Count {
			errs = append(errs, fieldError{path: p + ".id", msg: fmt.Sprintf("record id %q is also the id of a generated record (r1..r%d)", id, sc.Generate.Count)})
		}
		ids[id] = true
		if r.At < 0 {
			errs = append(errs, fieldError{path: p + ".at", msg: "must not be negative"})
		} else if r.At.D()%time.Millisecond != 0 {
			errs = append(errs, fieldError{path: p + ".at", msg: fmt.Sprintf("must be a whole number of milliseconds: the simulator's clock counts milliseconds (got %s)", r.At)})
		}
		if sc.Source == source.DynamoDB && r.EventName != "" && r.EventName != "INSERT" && r.EventName != "MODIFY" && r.EventName != "REMOVE" {
			errs = append(errs, fieldError{path: p + ".event_name", msg: "must be INSERT, MODIFY or REMOVE"})
		}
	}
	if g := sc.Generate; g != nil {
		if g.Count < 0 || g.Count > 10_000_000 {
			errs = append(errs, fieldError{path: "$.generate.count", msg: "must be 0-10000000"})
		}
		if g.Every < 0 {
			errs = append(errs, fieldError{path: "$.generate.every", msg: "must not be negative"})
		} else if g.Every.D()%time.Millisecond != 0 {
			errs = append(errs, fieldError{path: "$.generate.every", msg: fmt.Sprintf("must be a whole number of milliseconds: the simulator's clock counts milliseconds (got %s)", g.Every)})
		}
		if sc.Source == source.DynamoDB && g.Body != "" && !json.Valid([]byte(fillN(g.Body, 1))) {
			errs = append(errs, fieldError{path: "$.generate.body", msg: "for dynamodb must be a JSON object (the typed new_image)"})
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
	add(r.Group != "", "group")
	add(r.DedupID != "", "dedup_id")
	add(r.Detail != "", "detail")
	add(r.DetailType != "", "detail_type")
	add(r.EventSource != "", "event_source")
	return out
}
