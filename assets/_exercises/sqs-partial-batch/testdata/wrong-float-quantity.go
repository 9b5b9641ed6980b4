// fails: quantity-integer
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// quantity decoded as a float64: 1.5 and 1e2 pass for whole numbers.
func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, m := range ev.Records {
		var o struct {
			OrderID  *string  `json:"orderId"`
			Quantity *float64 `json:"quantity"`
		}
		if json.Unmarshal([]byte(m.Body), &o) != nil || o.OrderID == nil || *o.OrderID == "" || o.Quantity == nil || *o.Quantity < 1 {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
		}
	}
	return resp, nil
}
