package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/tutor-dev/tutor/assets/source"
)

// Result is one run. Its JSON form is the contract of
// `tutor sandbox simulate --json`.
type Result struct {
	Source        source.Source    `json:"source"`
	Notes         []string         `json:"notes"`
	Metrics       Metrics          `json:"metrics"`
	Records       RecordList       `json:"records"`
	Subscriptions SubscriptionList `json:"subscriptions"`
	Timeline      []Entry          `json:"timeline"`
	Truncated     bool             `json:"truncated,omitempty"`
}

// Metrics count what happened. For SNS they count per subscription delivery.
type Metrics struct {
	Invocations    int   `json:"invocations"`
	FunctionErrors int   `json:"function_errors"`
	Throttles      int   `json:"throttles"`
	Retries        int   `json:"retries"`
	Succeeded      int   `json:"succeeded"`
	ToDLQ          int   `json:"to_dlq"`
	ToOnFailure    int   `json:"to_on_failure"`
	Dropped        int   `json:"dropped"`
	FilteredOut    int   `json:"filtered_out"`
	Deduplicated   int   `json:"deduplicated,omitempty"` // sqs FIFO
	SimulatedMs    int64 `json:"simulated_ms"`
	// EventBridge only: delivering events to the target (the function).
	DeliveryFailures int `json:"delivery_failures,omitempty"` // failed attempts to invoke the function
	DeliveryRetries  int `json:"delivery_retries,omitempty"`  // EventBridge's retries of a failed delivery
	ToTargetDLQ      int `json:"to_target_dlq,omitempty"`     // events sent to the target's dead-letter queue
}

// RecordResult is what happened to one record.
type RecordResult struct {
	ID         string `json:"-"`
	Deliveries int    `json:"deliveries"`
	Outcome    string `json:"outcome"` // succeeded | dlq | on_failure | dropped | filtered | deduplicated | pending
	Status     int    `json:"status,omitempty"`
}

// RecordList is written as a JSON object keyed by record id, in arrival order.
type RecordList []RecordResult

// MarshalJSON keeps arrival order, which a Go map would lose.
func (l RecordList) MarshalJSON() ([]byte, error) {
	return orderedObject(l, func(r RecordResult) string { return r.ID })
}

// Get returns the result of the record with the given id.
func (l RecordList) Get(id string) (RecordResult, bool) {
	for _, r := range l {
		if r.ID == id {
			return r, true
		}
	}
	return RecordResult{}, false
}

// SubscriptionResult counts one SNS subscription's deliveries.
type SubscriptionResult struct {
	Name        string `json:"-"`
	Invocations int    `json:"invocations"`
	FilteredOut int    `json:"filtered_out"`
}

// SubscriptionList is written as a JSON object keyed by name, in scenario order.
type SubscriptionList []SubscriptionResult

// MarshalJSON keeps scenario order.
func (l SubscriptionList) MarshalJSON() ([]byte, error) {
	return orderedObject(l, func(s SubscriptionResult) string { return s.Name })
}

// orderedObject writes items as one JSON object keyed by key(item), in the
// slice's order.
func orderedObject[T any](items []T, key func(T) string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(key(it))
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(it)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Entry is one line of the timeline.
type Entry struct {
	TMs     int64    `json:"t_ms"`
	Kind    string   `json:"kind"` // receive invoke result retry delete dlq on_failure checkpoint throttle drop filter split deliver
	Records []string `json:"records"`
	Detail  string   `json:"detail"`
}

// MarshalJSON writes records as [] rather than null.
func (e Entry) MarshalJSON() ([]byte, error) {
	type plain Entry
	if e.Records == nil {
		e.Records = []string{}
	}
	return json.Marshal(plain(e))
}

// Lines renders a result for a person: the timeline, then a summary.
func Lines(r *Result) []string {
	out := make([]string, 0, len(r.Timeline)+16)
	out = append(out, fmt.Sprintf("Timeline (%s):", r.Source))
	for _, e := range r.Timeline {
		out = append(out, EntryLine(e))
	}
	if r.Truncated {
		out = append(out, "  … timeline cut at its first entries; run with --full for all of it")
	}
	return append(out, Summary(r)...)
}

// EntryLine renders one timeline entry: "    +1m30s  dlq        [m3] ...".
// The TUI's scrollable timeline uses it line by line.
func EntryLine(e Entry) string {
	return fmt.Sprintf("%10s  %-10s %s%s", "+"+fmtDur(e.TMs), e.Kind, idList(e.Records), e.Detail)
}

// Summary is the closing part of Lines: metrics, outcomes and notes.
func Summary(r *Result) []string {
	m := r.Metrics
	out := []string{
		"",
		fmt.Sprintf("Summary after %s of simulated time:", fmtDur(m.SimulatedMs)),
		fmt.Sprintf("  invocations %d, function errors %d, throttles %d, retries %d", m.Invocations, m.FunctionErrors, m.Throttles, m.Retries),
		fmt.Sprintf("  succeeded %d, to DLQ %d, to on-failure destination %d, dropped %d, filtered out %d%s", m.Succeeded, m.ToDLQ, m.ToOnFailure, m.Dropped, m.FilteredOut, dedupText(m)),
	}
	if r.Source == source.EventBridge {
		out = append(out, fmt.Sprintf("  EventBridge delivery: failed attempts %d, retries %d, to the target's DLQ %d", m.DeliveryFailures, m.DeliveryRetries, m.ToTargetDLQ))
	}
	for _, s := range r.Subscriptions {
		out = append(out, fmt.Sprintf("  subscription %s: %d invocations, %d filtered out", s.Name, s.Invocations, s.FilteredOut))
	}
	const show = 20
	if len(r.Records) > 0 {
		out = append(out, "Records:")
		for i, rr := range r.Records {
			if i == show {
				out = append(out, fmt.Sprintf("  … and %d more (see --json)", len(r.Records)-show))
				break
			}
			line := fmt.Sprintf("  %-8s %-10s deliveries %d", rr.ID, rr.Outcome, rr.Deliveries)
			if rr.Status != 0 {
				line += fmt.Sprintf(", HTTP %d", rr.Status)
			}
			out = append(out, line)
		}
	}
	if len(r.Notes) > 0 {
		out = append(out, "How this model simplifies AWS:")
		for _, n := range r.Notes {
			out = append(out, "  - "+n)
		}
	}
	return out
}

func idList(ids []string) string {
	switch {
	case len(ids) == 0:
		return ""
	case len(ids) <= 6:
		return "[" + strings.Join(ids, " ") + "] "
	}
	return fmt.Sprintf("[%s … %s, %d records] ", strings.Join(ids[:3], " "), ids[len(ids)-1], len(ids))
}

// dedupText is ", deduplicated N" when a FIFO queue deduplicated messages.
func dedupText(m Metrics) string {
	if m.Deduplicated == 0 {
		return ""
	}
	return fmt.Sprintf(", deduplicated %d", m.Deduplicated)
}
