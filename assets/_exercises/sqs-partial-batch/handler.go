package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// handler receives a batch of SQS messages. A message is valid when its body
// is a JSON object with a non-empty string "orderId" and an integer
// "quantity" of at least 1.
//
// TODO: report every invalid message in BatchItemFailures by its MessageId,
// so that only those are retried (and, after enough receives, moved to the
// dead-letter queue), while the valid ones are deleted.
// TODO: never return an error for a bad message: an error fails the whole
// batch, and the good messages come back too.
func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, m := range ev.Records {
		_ = m // TODO: check m.Body
	}
	return resp, nil
}
