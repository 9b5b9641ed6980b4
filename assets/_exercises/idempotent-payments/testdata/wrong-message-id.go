// fails: duplicate-send
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

var seen = map[string]bool{}

// Deduplicates by messageId: a payment the producer sent twice has two
// messageIds and is charged twice.
func handler(ctx context.Context, ev events.SQSEvent) (Charged, error) {
	var out Charged
	for _, m := range ev.Records {
		if seen[m.MessageId] {
			continue
		}
		seen[m.MessageId] = true
		var p struct {
			PaymentID string `json:"paymentId"`
		}
		json.Unmarshal([]byte(m.Body), &p)
		out.Charged = append(out.Charged, p.PaymentID)
	}
	return out, nil
}
