package experiment

import (
	"fmt"
	"time"

	"github.com/tutor-dev/tutor/sandbox/sim"
)

// poison is the text that marks the record a preset's scripted handler
// fails on. The knobs that change the handler address the first behaviour
// rule, Rules[0]: the poison rule (S3: the report.csv rule), or for API
// Gateway the slow request's rule.
const poison = "poison"

// preset is the experiment a lesson opens with: a scenario that shows the
// lesson's point before any knob is touched, and the question it asks.
type preset struct {
	question string
	scenario func() sim.Scenario // a fresh copy per run: knobs edit it in place
}

// presets by source. Settings not named here keep sim.Default's values
// (AWS's defaults), so the knobs start from what a new mapping would have.
var presets = map[string]preset{
	"sqs": {
		question: "Ten messages arrive; the handler throws on m3 (poison). Batch size 10, no partial batch response, a DLQ after 3 receives. What happens to the nine good messages?",
		scenario: func() sim.Scenario {
			sc := sim.Default("sqs")
			sc.Behaviour = poisonRule(sim.ResultError)
			sc.Queue.DeadLetterQueue = true
			sc.Queue.MaxReceiveCount = 3
			sc.Mapping.BatchSize = 10
			for i := 1; i <= 10; i++ {
				sc.Records = append(sc.Records, sim.Record{ID: fmt.Sprintf("m%d", i), Body: orderJSON(i, i == 3)})
			}
			return sc
		},
	},
	"kinesis": {
		question: "Ten records on one shard; the handler throws on k3 (poison). Batch size 100, two retries, bisect off, an on-failure destination. What happens to k1-k10?",
		scenario: func() sim.Scenario {
			sc := sim.Default("kinesis")
			sc.Behaviour = poisonRule(sim.ResultError)
			sc.Mapping.MaximumRetryAttempts = 2
			sc.Mapping.OnFailure = true
			for i := 1; i <= 10; i++ {
				sc.Records = append(sc.Records, sim.Record{
					ID:           fmt.Sprintf("k%d", i),
					Data:         readingJSON(i, i == 3),
					PartitionKey: fmt.Sprintf("sensor-%d", (i-1)%3+1),
				})
			}
			return sc
		},
	},
	"dynamodb": {
		question: "Six INSERTs reach the stream; the handler throws on the order o3 (poison). Retries are left at the default (until the record expires). How long is the shard stuck, and what happens to o4-o6?",
		scenario: func() sim.Scenario {
			sc := sim.Default("dynamodb")
			sc.Behaviour = poisonRule(sim.ResultError)
			sc.Mapping.OnFailure = true
			for i := 1; i <= 6; i++ {
				id := fmt.Sprintf("o%d", i)
				status := "new"
				if i == 3 {
					status = poison
				}
				sc.Records = append(sc.Records, sim.Record{
					ID:        fmt.Sprintf("d%d", i),
					EventName: "INSERT",
					Keys:      map[string]any{"orderId": map[string]any{"S": id}},
					NewImage: map[string]any{
						"orderId": map[string]any{"S": id},
						"status":  map[string]any{"S": status},
						"total":   map[string]any{"N": fmt.Sprintf("%d.50", 10*i)},
					},
				})
			}
			return sc
		},
	},
	"s3": {
		question: "Two uploads notify the function asynchronously; it fails on report.csv (poison) every time. When is it retried, and where does the event end up?",
		scenario: func() sim.Scenario {
			sc := sim.Default("s3")
			sc.Behaviour = poisonRule(sim.ResultError)
			sc.Behaviour.Rules[0].Match.Contains = "report.csv"
			sc.Function.OnFailure = true
			sc.Records = []sim.Record{
				{ID: "photo", Key: "uploads/photo.jpg", EventName: "ObjectCreated:Put"},
				{ID: "report", Key: "uploads/report.csv", EventName: "ObjectCreated:Put"},
			}
			return sc
		},
	},
	"sns": {
		question: "A topic has two subscriptions of the function, orders and refunds, each with a filter policy on the type attribute. Four messages are published; the handler fails on n4 (poison). Who gets what?",
		scenario: func() sim.Scenario {
			sc := sim.Default("sns")
			sc.Behaviour = poisonRule(sim.ResultError)
			sc.Function.DeadLetterQueue = true
			sc.Subscriptions = []sim.Subscription{
				{Name: "orders", FilterPolicy: map[string]any{"type": []any{"order"}}},
				{Name: "refunds", FilterPolicy: map[string]any{"type": []any{"refund"}}},
			}
			msg := func(id, typ, body string) sim.Record {
				return sim.Record{ID: id, Message: body, Attributes: map[string]sim.Attribute{"type": {Type: "String", Value: typ}}}
			}
			sc.Records = []sim.Record{
				msg("n1", "order", `{"orderId": 1}`),
				msg("n2", "refund", `{"orderId": 1, "amount": 20}`),
				msg("n3", "other", `{"note": "newsletter"}`),
				msg("n4", "order", `{"orderId": 4, "note": "poison"}`),
			}
			return sc
		},
	},
	"apigateway": {
		question: "Four requests: one works, one makes the handler throw, one gets a malformed response, one runs 40 s. What status does each client get?",
		scenario: func() sim.Scenario {
			sc := sim.Default("apigateway")
			sc.Behaviour = &sim.Behaviour{Rules: []sim.Rule{
				{Match: sim.Match{ID: "slow"}, Result: sim.ResultOK, Duration: sim.Duration(40 * time.Second)},
				{Match: sim.Match{ID: "boom"}, Result: sim.ResultError},
				{Match: sim.Match{ID: "garbled"}, Result: sim.ResultMalformed},
			}}
			sc.Function.Timeout = sim.Duration(60 * time.Second)
			sc.Records = []sim.Record{
				{ID: "ok", Method: "GET", Path: "/orders/ord-1001"},
				{ID: "boom", Method: "POST", Path: "/orders", Body: `{"item": ""}`},
				{ID: "garbled", Method: "GET", Path: "/orders/ord-1002"},
				{ID: "slow", Method: "GET", Path: "/reports/yearly"},
			}
			return sc
		},
	},
}

func poisonRule(result string) *sim.Behaviour {
	return &sim.Behaviour{Rules: []sim.Rule{{Match: sim.Match{Contains: poison}, Result: result}}}
}

func orderJSON(n int, bad bool) string {
	if bad {
		return fmt.Sprintf(`{"orderId": %d, "note": "%s"}`, n, poison)
	}
	return fmt.Sprintf(`{"orderId": %d}`, n)
}

func readingJSON(n int, bad bool) string {
	if bad {
		return fmt.Sprintf(`{"t": "%s"}`, poison)
	}
	return fmt.Sprintf(`{"t": %d}`, n)
}
