package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

// OrderMessage is the body producers send to the orders queue.
type OrderMessage struct {
	OrderID  string `json:"orderId"`
	Quantity int    `json:"quantity"`
}

var errInvalidMessage = errors.New("invalid order message")

// ProcessBatch processes every message of an SQS batch in turn.
//
// Returning an error fails the whole batch: none of its messages is deleted,
// and after the visibility timeout SQS delivers all of them again, the ones
// already processed included. See sqs-partial for the fix.
func ProcessBatch(ctx context.Context, event events.SQSEvent) error {
	for _, msg := range event.Records {
		order, err := parseOrderMessage(msg)
		if err != nil {
			return fmt.Errorf("message %s: %w", msg.MessageId, err)
		}
		Logf(ctx, "message %s: order %s, quantity %d", msg.MessageId, order.OrderID, order.Quantity)
	}
	return nil
}

// parseOrderMessage decodes and checks one message body.
func parseOrderMessage(msg events.SQSMessage) (OrderMessage, error) {
	var o OrderMessage
	dec := json.NewDecoder(bytes.NewReader([]byte(msg.Body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, fmt.Errorf("body is not an order: %w", err)
	}
	if o.OrderID == "" || o.Quantity < 1 {
		return o, fmt.Errorf("%w: orderId %q, quantity %d", errInvalidMessage, o.OrderID, o.Quantity)
	}
	return o, nil
}
