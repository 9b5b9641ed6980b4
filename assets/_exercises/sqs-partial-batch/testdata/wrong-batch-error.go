// fails: no-batch-error
package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

// A bad message fails the whole batch: every good message comes back too.
func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	for _, m := range ev.Records {
		var o struct {
			OrderID  string `json:"orderId"`
			Quantity int    `json:"quantity"`
		}
		if err := json.Unmarshal([]byte(m.Body), &o); err != nil || o.OrderID == "" || o.Quantity < 1 {
			return events.SQSEventResponse{}, fmt.Errorf("bad message %s", m.MessageId)
		}
	}
	return events.SQSEventResponse{}, nil
}
