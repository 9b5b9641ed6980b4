package sim

import (
	"context"
	"strings"
	"testing"
)

// The EventBridge worked scenarios. Every expected number comes from the
// rules in the comment above it: EventBridge's delivery retries wait 1 s
// doubling to at most 8 min (the simulator's curve, ebBackoff), Lambda's
// asynchronous retries 1 min then 2 min after a failure ending at +20 ms.
var eventbridgeCases = []struct {
	file    string
	metrics Metrics
	records map[string]recWant
	invokes []int64
}{
	{
		// e2 (total 20), e3 (detail-type) and e4 (source) do not match. e1
		// succeeds; e5 fails at 0, 60.02 s and 180.04 s, then on_failure.
		file:    "eventbridge-pattern.yaml",
		metrics: Metrics{Invocations: 4, FunctionErrors: 3, Retries: 2, Succeeded: 1, ToOnFailure: 1, FilteredOut: 3, SimulatedMs: 180_060},
		records: map[string]recWant{"e1": {"succeeded", 1, 0}, "e2": {"filtered", 0, 0}, "e3": {"filtered", 0, 0}, "e4": {"filtered", 0, 0}, "e5": {"on_failure", 3, 0}},
		invokes: []int64{0, 0, 60_020, 180_040},
	},
	{
		// Deliveries fail at 0, 1, 3, 7, 15, 31, 63, 127, 255, 511 s (10
		// failures); the next wait is min(512 s, 480 s): at 991 s the outage
		// (600 s) is over and Lambda accepts the event.
		file:    "eventbridge-target-retry.yaml",
		metrics: Metrics{Invocations: 1, Succeeded: 1, SimulatedMs: 991_020, DeliveryFailures: 10, DeliveryRetries: 10},
		records: map[string]recWant{"e1": {"succeeded", 1, 0}},
		invokes: []int64{991_000},
	},
	{
		// Failures at 0 ... 511 s, then every 480 s: 991, 1471, 1951, 2431,
		// 2911, 3391 s (16 failures, 15 of them retries); the attempt due at
		// 3871 s finds the event past 3600 s: the target's DLQ.
		file:    "eventbridge-target-dlq.yaml",
		metrics: Metrics{SimulatedMs: 3_871_000, DeliveryFailures: 16, DeliveryRetries: 15, ToTargetDLQ: 1},
		records: map[string]recWant{"e1": {"target_dlq", 0, 0}},
	},
	{
		// Attempts at 0, 1, 3, 7 s all fail; the 4th failure has used the
		// 3 retries: dropped.
		file:    "eventbridge-retries-exhausted.yaml",
		metrics: Metrics{Dropped: 1, SimulatedMs: 7_000, DeliveryFailures: 4, DeliveryRetries: 3},
		records: map[string]recWant{"e1": {"dropped", 0, 0}},
	},
	{
		// Not retried: straight to the target's DLQ at 0.
		file:    "eventbridge-permission.yaml",
		metrics: Metrics{DeliveryFailures: 1, ToTargetDLQ: 1},
		records: map[string]recWant{"e1": {"target_dlq", 0, 0}},
	},
	{
		// Firings at 0, 5 min, 10 min.
		file:    "eventbridge-schedule.yaml",
		metrics: Metrics{Invocations: 3, Succeeded: 3, SimulatedMs: 600_020},
		records: map[string]recWant{"r1": {"succeeded", 1, 0}, "r3": {"succeeded", 1, 0}},
		invokes: []int64{0, 300_000, 600_000},
	},
	{
		// bad fails at 0, 60.02 s, 180.04 s and is dropped.
		file:    "real-eventbridge-orders.yaml",
		metrics: Metrics{Invocations: 4, FunctionErrors: 3, Retries: 2, Succeeded: 1, Dropped: 1, SimulatedMs: 180_060},
		records: map[string]recWant{"good": {"succeeded", 1, 0}, "bad": {"dropped", 3, 0}},
	},
}

func TestEventBridgeScenarios(t *testing.T) {
	for _, c := range eventbridgeCases {
		t.Run(c.file, func(t *testing.T) {
			sc, err := LoadFile("testdata/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(context.Background(), sc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Metrics != c.metrics {
				t.Errorf("metrics\n got %+v\nwant %+v", res.Metrics, c.metrics)
			}
			for id, w := range c.records {
				if r, ok := res.Records.Get(id); !ok || r.Outcome != w.outcome || r.Deliveries != w.deliveries {
					t.Errorf("record %s: got %+v (found %v), want %+v", id, r, ok, w)
				}
			}
			if c.invokes != nil {
				var got []int64
				for _, e := range res.Timeline {
					if e.Kind == "invoke" {
						got = append(got, e.TMs)
					}
				}
				if !equal(got, c.invokes) {
					t.Errorf("invocations at %v ms, want %v", got, c.invokes)
				}
			}
		})
	}
}

// The scheduled rule's events are aws.events "Scheduled Event"s naming the rule.
func TestEventBridgeEventShape(t *testing.T) {
	sc, err := Load("s.yaml", []byte("source: eventbridge\nrule: {schedule: rate(1 hour)}\ngenerate: {count: 1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := &sim{sc: sc}
	s.recs, s.listed = buildRecords(sc)
	b, err := s.eventbridgeEvent([]int32{0})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"detail-type":"Scheduled Event"`, `"source":"aws.events"`, `:rule/sim"]`, `"detail":{}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
}

func TestEventBridgeRejects(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"source: eventbridge\nrule: {target: {maximum_retry_attempts: 186}}\n", "rule.target.maximum_retry_attempts: must be 0-185"},
		{"source: eventbridge\nrule: {target: {maximum_event_age: 25h}}\n", "rule.target.maximum_event_age: must be between 1m and 1d"},
		{"source: eventbridge\nrule: {event_pattern: {source: [{prefix: 1}]}}\n", "rule.event_pattern"},
		{"source: eventbridge\nrule: {schedule: cron(0 2 * * ? *)}\ngenerate: {count: 1}\n", "rule.schedule: must be a rate expression"},
		{"source: eventbridge\nrule: {schedule: rate(5 minutes)}\n", "give generate.count"},
		{"source: eventbridge\nrule: {schedule: rate(5 minutes), event_pattern: {source: [x]}}\ngenerate: {count: 1}\n", "not both"},
		{"source: eventbridge\nrecords: [{detail: '[1]'}]\n", "records[0].detail: must be a JSON object"},
		{"source: eventbridge\nrecords: [{body: x}]\n", "not a field of eventbridge records"},
		{"source: sqs\nrule: {event_pattern: {source: [x]}}\n", "rule.event_pattern: an event pattern is for source eventbridge"},
	}
	for _, c := range cases {
		_, err := Load("s.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: error %v, want one line containing %q", c.yaml, err, c.want)
		}
	}
}

// Written back as YAML, each EventBridge example runs the same.
func TestEventBridgeYAMLRoundTrip(t *testing.T) {
	for _, c := range eventbridgeCases {
		sc, err := LoadFile("testdata/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		b, err := sc.YAML()
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		back, err := Load(c.file+" (written back)", b)
		if err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		r1, err1 := Run(context.Background(), sc, Options{})
		r2, err2 := Run(context.Background(), back, Options{})
		if err1 != nil || err2 != nil || r1.Metrics != r2.Metrics {
			t.Errorf("%s: written back it runs differently: %+v %v vs %+v %v\n%s", c.file, r1, err1, r2, err2, b)
		}
	}
}
