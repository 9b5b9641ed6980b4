package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/aws/aws-lambda-go/events"
)

// charged stands in for a table of processed payments, written with a
// condition ("only if paymentId is new"), which is what makes a real
// function idempotent across execution environments.
var (
	mu      sync.Mutex
	charged = map[string]bool{}
)

// claim records paymentID and reports whether it was new.
func claim(paymentID string) bool {
	mu.Lock()
	defer mu.Unlock()
	if charged[paymentID] {
		return false
	}
	charged[paymentID] = true
	return true
}

func handler(ctx context.Context, ev events.SQSEvent) (Charged, error) {
	var out Charged
	for _, m := range ev.Records {
		var p struct {
			PaymentID string `json:"paymentId"`
		}
		if err := json.Unmarshal([]byte(m.Body), &p); err != nil || p.PaymentID == "" {
			return out, fmt.Errorf("message %s: not a payment", m.MessageId)
		}
		// The key is the payment, not the message: a resent payment has a
		// new messageId.
		if claim(p.PaymentID) {
			out.Charged = append(out.Charged, p.PaymentID)
		}
	}
	return out, nil
}
