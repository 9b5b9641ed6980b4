package sim

import (
	"context"
	"io"
	"testing"
)

// BenchmarkSQSMillion runs 1,000,000 SQS messages through a scripted
// handler with partial batch responses and a DLQ: budget under 5 s per run
// on the 2-core machine.
func BenchmarkSQSMillion(b *testing.B) {
	sc := Default("sqs")
	// r500000 is reported at receives 1-3 and moves to the DLQ on the 4th.
	sc.Behaviour = &Behaviour{Rules: []Rule{{Match: Match{ID: "r500000"}, Result: ResultReport}}}
	sc.Mapping.ReportBatchItemFailures = true
	sc.Queue.DeadLetterQueue = true
	sc.Generate = &Generate{Count: 1_000_000, Body: `{"orderId": {{.N}}}`}
	for b.Loop() {
		res, err := Run(context.Background(), &sc, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if m := res.Metrics; m.Succeeded != 999_999 || m.ToDLQ != 1 || m.Invocations != 100_002 || !res.Truncated {
			b.Fatalf("metrics %+v", res.Metrics)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ns/message")
}

// BenchmarkSQSRealHandler runs 100,000 SQS messages through the real
// sqs-partial handler in-process (10,000 invocations of 10 messages).
func BenchmarkSQSRealHandler(b *testing.B) {
	sc := Default("sqs")
	sc.Handler = "sqs-partial"
	sc.Mapping.ReportBatchItemFailures = true
	sc.Generate = &Generate{Count: 100_000, Body: `{"orderId": "ord-{{.N}}", "quantity": 1}`}
	for b.Loop() {
		res, err := Run(context.Background(), &sc, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Metrics.Succeeded != 100_000 || res.Metrics.Invocations != 10_000 {
			b.Fatalf("metrics %+v", res.Metrics)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e4, "ns/invocation")
}

// BenchmarkWriteJSONMillion streams the --full JSON of 1,000,000 SQS
// messages (about 120 MB) to io.Discard.
func BenchmarkWriteJSONMillion(b *testing.B) {
	sc := Default("sqs")
	sc.Generate = &Generate{Count: 1_000_000, Body: `n{{.N}}`}
	for b.Loop() {
		if err := WriteJSON(context.Background(), io.Discard, &sc, Options{Full: true}); err != nil {
			b.Fatal(err)
		}
	}
}
