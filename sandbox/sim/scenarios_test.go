package sim

import (
	"context"
	"testing"
)

type recWant struct {
	outcome    string
	deliveries int
	status     int
}

// The worked scenarios of the lessons. Every expected number is derived
// from the AWS rules (and the simulator's stated ones) in the comment above
// it, not copied from a run.
var scenarioCases = []struct {
	file    string
	metrics Metrics
	records map[string]recWant
	invokes []int64 // t_ms of every "invoke" entry, when the timing is the point
	subs    []SubscriptionResult
}{
	{
		// One batch of 10 fails as a whole at receives 1, 2 and 3 (t = 0,
		// 30 s, 60 s: the visibility timeout); at the 4th receive (90 s) the
		// receive count has reached max_receive_count 3, so all ten move to
		// the DLQ. Retries: 10 messages x 2 re-receives.
		file:    "sqs-poison-no-partial.yaml",
		metrics: Metrics{Invocations: 3, FunctionErrors: 3, Retries: 20, ToDLQ: 10, SimulatedMs: 90_000},
		records: map[string]recWant{"m1": {"dlq", 3, 0}, "m3": {"dlq", 3, 0}, "m10": {"dlq", 3, 0}},
		invokes: []int64{0, 30_000, 60_000},
	},
	{
		// m3 is reported; the other nine are deleted after the first
		// invocation. m3 alone comes back at 30 s and 60 s, and moves to the
		// DLQ on its 4th receive at 90 s.
		file:    "sqs-poison-partial.yaml",
		metrics: Metrics{Invocations: 3, Retries: 2, Succeeded: 9, ToDLQ: 1, SimulatedMs: 90_000},
		records: map[string]recWant{"m1": {"succeeded", 1, 0}, "m3": {"dlq", 3, 0}, "m4": {"succeeded", 1, 0}},
		invokes: []int64{0, 30_000, 60_000},
	},
	{
		// ReportBatchItemFailures off: the response is ignored, the
		// invocation succeeded, all ten are deleted, m3 included.
		file:    "sqs-trap-report-off.yaml",
		metrics: Metrics{Invocations: 1, Succeeded: 10, SimulatedMs: 20},
		records: map[string]recWant{"m3": {"succeeded", 1, 0}},
	},
	{
		// m2 fails its first delivery only: the batch of 3 fails at 20 ms,
		// returns at 30 s and succeeds at 30.02 s.
		file:    "sqs-transient.yaml",
		metrics: Metrics{Invocations: 2, FunctionErrors: 1, Retries: 3, Succeeded: 3, SimulatedMs: 30_020},
		records: map[string]recWant{"m1": {"succeeded", 2, 0}, "m2": {"succeeded", 2, 0}},
		invokes: []int64{0, 30_000},
	},
	{
		// max_receive_count 5: receives at 0, 30, 60, 90, 120 s all fail;
		// the 6th receive at 150 s moves it to the DLQ.
		file:    "sqs-redrive.yaml",
		metrics: Metrics{Invocations: 5, FunctionErrors: 5, Retries: 4, ToDLQ: 1, SimulatedMs: 150_000},
		records: map[string]recWant{"bad": {"dlq", 5, 0}},
		invokes: []int64{0, 30_000, 60_000, 90_000, 120_000},
	},
	{
		// No DLQ: a receive every 30 s for 4 days (345,600 s) is 11,520
		// failed invocations; at 4 days the retention period ends.
		file:    "sqs-no-dlq-retention.yaml",
		metrics: Metrics{Invocations: 11_520, FunctionErrors: 11_520, Retries: 11_519, Dropped: 1, SimulatedMs: 345_600_000},
		records: map[string]recWant{"bad": {"dropped", 11_520, 0}},
	},
	{
		// m2 and m3 match no filter and are deleted at the receive; only m1
		// is invoked.
		file:    "sqs-filter.yaml",
		metrics: Metrics{Invocations: 1, Succeeded: 1, FilteredOut: 2, SimulatedMs: 20},
		records: map[string]recWant{"m1": {"succeeded", 1, 0}, "m2": {"filtered", 0, 0}, "m3": {"filtered", 0, 0}},
	},
	{
		// Throttled receives at 0, 30 s, 60 s count as receives; at 90 s the
		// count has reached 3: both to the DLQ, never invoked.
		file:    "sqs-reserved-zero.yaml",
		metrics: Metrics{Throttles: 3, Retries: 4, ToDLQ: 2, SimulatedMs: 90_000},
		records: map[string]recWant{"m1": {"dlq", 0, 0}, "m2": {"dlq", 0, 0}},
	},
	{
		// The window opens with m1 at 0 and closes at 5 s with 3 messages.
		file:    "sqs-batching-window.yaml",
		metrics: Metrics{Invocations: 1, Succeeded: 3, SimulatedMs: 5_020},
		invokes: []int64{5_000},
	},
	{
		// Lane of sensor-a: fails at 20 ms and at 1.04 s (retry after 1 s),
		// then on-failure; lane of sensor-d: one successful batch at 0.
		file:    "kinesis-parallelization.yaml",
		metrics: Metrics{Invocations: 3, FunctionErrors: 2, Retries: 1, Succeeded: 2, ToOnFailure: 2, SimulatedMs: 1_040},
		records: map[string]recWant{"a2": {"on_failure", 2, 0}, "d2": {"succeeded", 1, 0}},
		invokes: []int64{0, 0, 1_020},
	},
	{
		// Batch of 10 fails at 0, is retried after 1 s and 2 s (the
		// simulator's backoff), fails 3 times, then all 10 records go to the
		// on-failure destination.
		file:    "kinesis-poison-retries.yaml",
		metrics: Metrics{Invocations: 3, FunctionErrors: 3, Retries: 2, ToOnFailure: 10, SimulatedMs: 3_060},
		records: map[string]recWant{"k1": {"on_failure", 3, 0}, "k3": {"on_failure", 3, 0}},
		invokes: []int64{0, 1_020, 3_040},
	},
	{
		// Bisect: [1-10] fails -> [1-5] fails -> [1-2] ok, [3-5] fails ->
		// [3] fails, retried twice (1 s, 2 s), on-failure; [4-5] ok; [6-10]
		// ok. 9 invocations, 6 errors, 2 retries (splits use none).
		file:    "kinesis-bisect.yaml",
		metrics: Metrics{Invocations: 9, FunctionErrors: 6, Retries: 2, Succeeded: 9, ToOnFailure: 1, SimulatedMs: 3_180},
		records: map[string]recWant{"k1": {"succeeded", 3, 0}, "k3": {"on_failure", 6, 0}, "k4": {"succeeded", 4, 0}, "k6": {"succeeded", 2, 0}},
		invokes: []int64{0, 20, 40, 60, 80, 1_100, 3_120, 3_140, 3_160},
	},
	{
		// Partial batch response: k3 reported; k1, k2 checkpointed; k3-k10
		// retried twice, then those 8 go to the on-failure destination.
		file:    "kinesis-partial.yaml",
		metrics: Metrics{Invocations: 3, Retries: 2, Succeeded: 2, ToOnFailure: 8, SimulatedMs: 3_060},
		records: map[string]recWant{"k2": {"succeeded", 1, 0}, "k3": {"on_failure", 3, 0}, "k10": {"on_failure", 3, 0}},
		invokes: []int64{0, 1_020, 3_040},
	},
	{
		// Defaults (-1, -1): attempt n+1 comes 20 ms + min(2^(n-1) s, 5 min)
		// after attempt n; the first poll at or past 24 h (86,616.92 s, after
		// 296 attempts) finds all three records expired from the stream.
		file:    "kinesis-blocked-shard.yaml",
		metrics: Metrics{Invocations: 296, FunctionErrors: 296, Retries: 295, Dropped: 3, SimulatedMs: 86_616_920},
		records: map[string]recWant{"k1": {"dropped", 296, 0}, "k3": {"dropped", 296, 0}},
	},
	{
		// k2's data does not match: skipped; k1 and k3 form one batch.
		file:    "kinesis-filter.yaml",
		metrics: Metrics{Invocations: 1, Succeeded: 2, FilteredOut: 1, SimulatedMs: 20},
		records: map[string]recWant{"k1": {"succeeded", 1, 0}, "k2": {"filtered", 0, 0}, "k3": {"succeeded", 1, 0}},
	},
	{
		// Throttled at 0, 1, 3, 7, 15 and 31 s (backoff 1 s doubling); at
		// 63 s the records are older than 60 s: on-failure, never invoked.
		file:    "kinesis-throttled.yaml",
		metrics: Metrics{Throttles: 6, ToOnFailure: 2, SimulatedMs: 63_000},
		records: map[string]recWant{"k1": {"on_failure", 0, 0}},
	},
	{
		// MD5 of the ids puts 485 records on shard 0 and 515 on shard 1
		// (r500 among them): 5 + 6 batches of up to 100. r500's batch fails
		// and bisects 7 times down to r500 alone (100, 50, 25, 13, 7, 4, 2,
		// 1: 8 failures, 7 good halves), then one retry after 1 s fails:
		// 11 + 7 + 7 + 1 = 26 invocations, 9 errors, 9 deliveries of r500;
		// shard 1 ends after 6 + 7 + 7 invocations and the retry: 1.42 s.
		file:    "dynamodb-generate.yaml",
		metrics: Metrics{Invocations: 26, FunctionErrors: 9, Retries: 1, Succeeded: 999, ToOnFailure: 1, SimulatedMs: 1_420},
		records: map[string]recWant{"r500": {"on_failure", 9, 0}, "r1": {"succeeded", 1, 0}},
	},
	{
		// Attempts at 0, 1 min after the first failure (60.02 s) and 2 min
		// after the second (180.04 s); then the on-failure destination.
		file:    "async-retry-ladder.yaml",
		metrics: Metrics{Invocations: 3, FunctionErrors: 3, Retries: 2, ToOnFailure: 1, SimulatedMs: 180_060},
		records: map[string]recWant{"e1": {"on_failure", 3, 0}},
		invokes: []int64{0, 60_020, 180_040},
	},
	{
		// The retry due at 60.02 s finds the event 60.02 s old, past 60 s.
		file:    "async-max-event-age.yaml",
		metrics: Metrics{Invocations: 1, FunctionErrors: 1, ToDLQ: 1, SimulatedMs: 60_020},
		records: map[string]recWant{"e1": {"dlq", 1, 0}},
		invokes: []int64{0},
	},
	{
		// Reserved concurrency 0 on an asynchronously invoked function:
		// Lambda sends the new event straight to the on-failure destination,
		// without retries (invocation-async-retain-records.html). One
		// throttle, no back-off, at t = 0.
		file:    "async-throttle-reserved-zero.yaml",
		metrics: Metrics{Throttles: 1, ToOnFailure: 1, SimulatedMs: 0},
		records: map[string]recWant{"e1": {"on_failure", 0, 0}},
	},
	{
		// Ordinary throttling keeps the back-off: throttle n is followed by
		// a wait of min(2^(n-1) s, 5 min), so e2 is throttled at 0, 1, 3, 7,
		// 15, 31, 63, 127, 255 and 511 s; e1 frees the slot at 600 s and the
		// attempt at 511 + 300 = 811 s runs (20 ms).
		file:    "async-throttle-backoff.yaml",
		metrics: Metrics{Invocations: 2, Throttles: 10, Succeeded: 2, SimulatedMs: 811_020},
		records: map[string]recWant{"e1": {"succeeded", 1, 0}, "e2": {"succeeded", 1, 0}},
		invokes: []int64{0, 811_000},
	},
	{
		// The same throttles with maximum_event_age 5 min: the attempt due
		// at 511 s finds e2 511 s old, past 300 s, after 9 throttles.
		file:    "async-throttle-event-age.yaml",
		metrics: Metrics{Invocations: 1, Throttles: 9, Succeeded: 1, Dropped: 1, SimulatedMs: 600_000},
		records: map[string]recWant{"e1": {"succeeded", 1, 0}, "e2": {"dropped", 0, 0}},
	},
	{
		file:    "apigateway-status.yaml",
		metrics: Metrics{Invocations: 4, FunctionErrors: 1, Succeeded: 1, Dropped: 3, SimulatedMs: 40_000},
		records: map[string]recWant{
			"ok": {"succeeded", 1, 200}, "boom": {"dropped", 1, 502},
			"garbled": {"dropped", 1, 502}, "slow": {"dropped", 1, 504},
		},
	},
	{
		file:    "apigateway-throttle.yaml",
		metrics: Metrics{Invocations: 1, Throttles: 1, Succeeded: 1, Dropped: 1, SimulatedMs: 20},
		records: map[string]recWant{"first": {"succeeded", 1, 200}, "second": {"dropped", 0, 500}},
	},
	{
		// orders takes n1; audit takes all three; big-refunds (body scope,
		// amount > 100 and kind refund) takes n2, and never n3 (not JSON).
		file:    "sns-fanout.yaml",
		metrics: Metrics{Invocations: 5, Succeeded: 5, FilteredOut: 4, SimulatedMs: 20},
		records: map[string]recWant{"n1": {"succeeded", 2, 0}, "n2": {"succeeded", 2, 0}, "n3": {"succeeded", 1, 0}},
		subs:    []SubscriptionResult{{"orders", 1, 2}, {"audit", 3, 0}, {"big-refunds", 1, 2}},
	},
	{
		// Real sqs-partial: o2 (quantity 0) is reported at receives 1 and 2;
		// its 3rd receive (60 s) finds max_receive_count 2 reached: DLQ.
		file:    "real-sqs-partial.yaml",
		metrics: Metrics{Invocations: 2, Retries: 1, Succeeded: 2, ToDLQ: 1, SimulatedMs: 60_000},
		records: map[string]recWant{"o1": {"succeeded", 1, 0}, "o2": {"dlq", 2, 0}},
	},
	{
		// Real apigateway-orders: its own 200 and 404, and 502 for its error.
		file:    "real-apigateway-orders.yaml",
		metrics: Metrics{Invocations: 3, FunctionErrors: 1, Succeeded: 2, Dropped: 1, SimulatedMs: 20},
		records: map[string]recWant{"known": {"succeeded", 1, 200}, "unknown": {"succeeded", 1, 404}, "bad-post": {"dropped", 1, 502}},
	},
	{
		// Real kinesis-decode with bisect: [1-4] fails -> [1-2] fails -> [1]
		// ok, [2] fails, one retry after 1 s fails, on-failure; [3-4] ok.
		file:    "real-kinesis-decode.yaml",
		metrics: Metrics{Invocations: 6, FunctionErrors: 4, Retries: 1, Succeeded: 3, ToOnFailure: 1, SimulatedMs: 1_120},
		records: map[string]recWant{"r1": {"succeeded", 3, 0}, "r2": {"on_failure", 4, 0}, "r4": {"succeeded", 2, 0}},
		invokes: []int64{0, 20, 40, 60, 1_080, 1_100},
	},
	{
		// Real dynamodb-stream: the batch fails 3 times (0, 1.02 s, 3.04 s),
		// then both records go to the on-failure destination.
		file:    "real-dynamodb-stream.yaml",
		metrics: Metrics{Invocations: 3, FunctionErrors: 3, Retries: 2, ToOnFailure: 2, SimulatedMs: 3_060},
		invokes: []int64{0, 1_020, 3_040},
	},
	{
		// Real sns-attributes: "missing" is malformed; the handler logs it
		// and returns nil (a retry would fail the same way), so both
		// notifications succeed on their only attempt.
		file:    "real-sns-attributes.yaml",
		metrics: Metrics{Invocations: 2, Succeeded: 2, SimulatedMs: 20},
		records: map[string]recWant{"good": {"succeeded", 1, 0}, "missing": {"succeeded", 1, 0}},
		subs:    []SubscriptionResult{{"function", 2, 0}},
	},
	{
		// Real sqs-batch with behaviour.duration 45 s and a visibility
		// timeout of 6 min: received at 0, deleted at 45 s, once.
		file:    "real-sqs-slow.yaml",
		metrics: Metrics{Invocations: 1, Succeeded: 1, SimulatedMs: 45_000},
		records: map[string]recWant{"o1": {"succeeded", 1, 0}},
		invokes: []int64{0},
	},
	{
		file:    "real-s3-object-logger.yaml",
		metrics: Metrics{Invocations: 1, Succeeded: 1, SimulatedMs: 20},
	},
}

func TestScenarios(t *testing.T) {
	for _, c := range scenarioCases {
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
				r, ok := res.Records.Get(id)
				if !ok {
					t.Errorf("record %s missing", id)
					continue
				}
				if r.Outcome != w.outcome || r.Deliveries != w.deliveries || r.Status != w.status {
					t.Errorf("record %s: got %+v, want %+v", id, r, w)
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
			if c.subs != nil && !equal(res.Subscriptions, c.subs) {
				t.Errorf("subscriptions %+v, want %+v", res.Subscriptions, c.subs)
			}
			if len(res.Notes) < 2 {
				t.Errorf("a run must state how it simplifies AWS; notes: %v", res.Notes)
			}
		})
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
