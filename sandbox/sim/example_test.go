package sim_test

import (
	"context"
	"fmt"

	"github.com/tutor-dev/tutor/sandbox/sim"
)

// Build an experiment in code, as the TUI's experiment panel does: start
// from AWS's defaults, turn the knobs the lesson teaches, run, read.
func ExampleRun() {
	sc := sim.Default("sqs")
	sc.Behaviour = &sim.Behaviour{Rules: []sim.Rule{{Match: sim.Match{ID: "m2"}, Result: sim.ResultReport}}}
	sc.Queue.DeadLetterQueue = true
	sc.Records = []sim.Record{{ID: "m1", Body: `{"orderId": 1}`}, {ID: "m2", Body: `{"orderId": 2}`}}
	for _, report := range []bool{false, true} {
		sc.Mapping.ReportBatchItemFailures = report
		res, err := sim.Run(context.Background(), &sc, sim.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		m2, _ := res.Records.Get("m2")
		fmt.Printf("report_batch_item_failures=%v: m2 %s after %d deliveries; %d invocations\n",
			report, m2.Outcome, m2.Deliveries, res.Metrics.Invocations)
	}
	// Output:
	// report_batch_item_failures=false: m2 succeeded after 1 deliveries; 1 invocations
	// report_batch_item_failures=true: m2 dlq after 3 deliveries; 3 invocations
}
