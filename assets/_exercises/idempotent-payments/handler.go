package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// handler charges payments read from SQS. A message body is a JSON object
// {"paymentId": "p-1", "amount": 5}. Charge each paymentId exactly once,
// and return the paymentIds this invocation charged.
//
// TODO: SQS delivers at least once (the same message can come again), and
// a producer may send the same payment twice (a new messageId, the same
// paymentId). Remember which payments were charged and skip them.
// (Here a map in memory stands in for a DynamoDB table written with a
// condition; memory lasts only as long as the execution environment.)
func handler(ctx context.Context, ev events.SQSEvent) (Charged, error) {
	var out Charged
	for _, m := range ev.Records {
		_ = m // TODO: decode m.Body, charge each payment once
	}
	return out, nil
}
