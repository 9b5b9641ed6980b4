// fails: missing-fields
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// Only quantity is checked: a missing, empty or numeric orderId passes.
func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, m := range ev.Records {
		var o struct {
			OrderID  any `json:"orderId"`
			Quantity int `json:"quantity"`
		}
		if json.Unmarshal([]byte(m.Body), &o) != nil || o.Quantity < 1 {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
		}
	}
	return resp, nil
}
