// fails: redelivery
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// Charges whatever arrives: a redelivered message is charged again.
func handler(ctx context.Context, ev events.SQSEvent) (Charged, error) {
	var out Charged
	for _, m := range ev.Records {
		var p struct {
			PaymentID string `json:"paymentId"`
		}
		json.Unmarshal([]byte(m.Body), &p)
		out.Charged = append(out.Charged, p.PaymentID)
	}
	return out, nil
}
