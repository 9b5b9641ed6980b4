package sim

import (
	"context"
	"strings"
	"testing"
)

// The FIFO worked scenarios join the lessons' scenarios (TestScenarios,
// TestYAMLRoundTrip). Every number is derived in the comment above it.
var fifoCases = []struct {
	file    string
	metrics Metrics
	records map[string]recWant
	invokes []int64
	subs    []SubscriptionResult
}{
	{
		// Batch size 2, 1 s invocations, groups A (4), B (4), C (1). At 0 a
		// receive per group: [a1 a2], [b1 b2], [c1]: three invocations, as
		// many as groups. At 1 s A and B go on: [a3 a4], [b3 b4].
		file:    "fifo-groups.yaml",
		metrics: Metrics{Invocations: 5, Succeeded: 9, SimulatedMs: 2_000},
		records: map[string]recWant{"a1": {"succeeded", 1, 0}, "a4": {"succeeded", 1, 0}, "c1": {"succeeded", 1, 0}},
		invokes: []int64{0, 0, 0, 1_000, 1_000},
	},
	{
		// Batch size 1. a1 fails at 0, 30 s, 60 s and moves to the DLQ on
		// its 4th receive at 90 s, where a2 is received. Group B runs at
		// 0, 20 ms, 40 ms, never waiting for A.
		file:    "fifo-poison-group.yaml",
		metrics: Metrics{Invocations: 7, FunctionErrors: 3, Retries: 2, Succeeded: 4, ToDLQ: 1, SimulatedMs: 90_020},
		records: map[string]recWant{"a1": {"dlq", 3, 0}, "a2": {"succeeded", 1, 0}, "b3": {"succeeded", 1, 0}},
		invokes: []int64{0, 0, 20, 40, 30_000, 60_000, 90_000},
	},
	{
		// One batch [a1 a2 a3 b1 b2]; a2 fails once; a2 a3 b1 b2 are
		// reported and come back at 30 s as one batch.
		file:    "fifo-partial-rule.yaml",
		metrics: Metrics{Invocations: 2, Retries: 4, Succeeded: 5, SimulatedMs: 30_020},
		records: map[string]recWant{"a1": {"succeeded", 1, 0}, "a2": {"succeeded", 2, 0}, "a3": {"succeeded", 2, 0}, "b2": {"succeeded", 2, 0}},
		invokes: []int64{0, 30_000},
	},
	{
		// Only a2 reported: the four others are deleted at 20 ms, a2 comes
		// back alone at 30 s.
		file:    "fifo-order-broken.yaml",
		metrics: Metrics{Invocations: 2, Retries: 1, Succeeded: 5, SimulatedMs: 30_020},
		records: map[string]recWant{"a2": {"succeeded", 2, 0}, "a3": {"succeeded", 1, 0}, "b1": {"succeeded", 1, 0}},
		invokes: []int64{0, 30_000},
	},
	{
		// m2 (1 min after m1, same dedup_id) and m4 (1 min after m3, same
		// body, content-based) are deduplicated; m5 comes 6 min after m1.
		file:    "fifo-dedup.yaml",
		metrics: Metrics{Invocations: 3, Succeeded: 3, Deduplicated: 2, SimulatedMs: 360_020},
		records: map[string]recWant{"m2": {"deduplicated", 0, 0}, "m4": {"deduplicated", 0, 0}, "m5": {"succeeded", 1, 0}},
		invokes: []int64{0, 120_000, 360_000},
	},
	{
		// The real sqs-partial handler reports a2 only: a1 and a3 are
		// deleted at 20 ms; a2 fails at 0, 30 s, 60 s, DLQ at 90 s.
		file:    "real-sqs-fifo-partial.yaml",
		metrics: Metrics{Invocations: 3, Retries: 2, Succeeded: 2, ToDLQ: 1, SimulatedMs: 90_000},
		records: map[string]recWant{"a2": {"dlq", 3, 0}, "a3": {"succeeded", 1, 0}},
		invokes: []int64{0, 30_000, 60_000},
	},
}

func init() { scenarioCases = append(scenarioCases, fifoCases...) }

func runText(t *testing.T, file string) string {
	t.Helper()
	sc, err := LoadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range res.Timeline {
		b.WriteString(e.Kind + " " + strings.Join(e.Records, " ") + " " + e.Detail + "\n")
	}
	return b.String()
}

// A response that reports only the failed message is named for what it
// does to the group; the one AWS asks for is not.
func TestFIFOOrderCheck(t *testing.T) {
	if tl := runText(t, "fifo-order-broken.yaml"); !strings.Contains(tl, "FIFO order broken: a3 (after a2 in group A)") {
		t.Errorf("no order warning:\n%s", tl)
	}
	if tl := runText(t, "real-sqs-fifo-partial.yaml"); !strings.Contains(tl, "FIFO order broken: a3 (after a2 in group A)") {
		t.Errorf("no order warning for the real handler:\n%s", tl)
	}
	if tl := runText(t, "fifo-partial-rule.yaml"); strings.Contains(tl, "order broken") || strings.Contains(tl, "not reported after") {
		t.Errorf("warning on a correct response:\n%s", tl)
	}
}

// Generated messages spread over groups; a receive fills a batch with one
// group, then the next: g1 and g2 (5 each) in one batch, g3 and g4 in
// another.
func TestFIFOGenerate(t *testing.T) {
	sc, err := Load("g.yaml", []byte("source: sqs\nqueue: {fifo: true}\ngenerate: {count: 20, groups: 4, body: 'n{{.N}}'}\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Metrics{Invocations: 2, Succeeded: 20, SimulatedMs: 20}); res.Metrics != want {
		t.Errorf("metrics %+v, want %+v", res.Metrics, want)
	}
	if !strings.Contains(res.Timeline[0].Detail, "group g1: r1 r5 r9 r13 r17; group g2: r2 r6 r10 r14 r18") {
		t.Errorf("first receive: %s", res.Timeline[0].Detail)
	}
}

// FIFO-only fields on a standard queue, and what AWS refuses on a FIFO
// queue, are one line each naming file:line:col and the field.
func TestFIFOValidation(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"source: sqs\nrecords:\n  - {id: m1, body: x}\n  - {id: m2, body: y, group: A}\n",
			"f.yaml:4:30: records[1].group: message groups are modelled for FIFO queues"},
		{"source: sqs\nrecords:\n  - {id: m1, body: x, dedup_id: d1}\n",
			"f.yaml:3:33: records[0].dedup_id: a deduplication ID is for FIFO queues"},
		{"source: sqs\nqueue: {content_based_deduplication: true}\n",
			"f.yaml:2:38: queue.content_based_deduplication: is for FIFO queues"},
		{"source: sqs\ngenerate: {count: 3, groups: 2}\n",
			"f.yaml:2:30: generate.groups: is for sqs FIFO queues"},
		{"source: sqs\nqueue: {fifo: true}\nrecords:\n  - {id: m1, body: x}\n",
			"f.yaml:4:5: records[0]: a message on a FIFO queue needs a message group"},
		{"source: sqs\nqueue: {fifo: true}\nmapping: {batch_size: 11, maximum_batching_window: 1s}\n",
			"f.yaml:3:23: mapping.batch_size: must be 1-10 for a FIFO queue (got 11)"},
		{"source: sqs\nqueue: {fifo: true}\nmapping: {maximum_batching_window: 5s}\n",
			"f.yaml:3:36: mapping.maximum_batching_window: must be 0s for a FIFO queue"},
		{"source: sqs\nqueue: {fifo: true}\ngenerate: {count: 3}\n",
			"f.yaml:3:11: generate: generated messages on a FIFO queue need message groups"},
		{"source: kinesis\nbehaviour: {stop_at_first_failure: true}\n",
			"f.yaml:2:36: behaviour.stop_at_first_failure: is for source sqs"},
	}
	for _, c := range cases {
		_, err := Load("f.yaml", []byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q:\n got %v\nwant %s", c.doc, err, c.want)
		}
	}
}

// BenchmarkSQSFIFOMillion runs 1,000,000 messages in 1,000 message groups
// through a FIFO queue: a receive fills its batch from one group (1,000
// messages each, batch size 10), so 100,000 invocations.
func BenchmarkSQSFIFOMillion(b *testing.B) {
	sc := Default("sqs")
	sc.Queue.FIFO = true
	sc.Generate = &Generate{Count: 1_000_000, Groups: 1_000, Body: `{"orderId": {{.N}}}`}
	for b.Loop() {
		res, err := Run(context.Background(), &sc, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if m := res.Metrics; m.Succeeded != 1_000_000 || m.Invocations != 100_000 {
			b.Fatalf("metrics %+v", res.Metrics)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/message")
}
