package handlers

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// ProcessPartial processes an SQS batch and reports the messages that failed
// in batchItemFailures, so SQS deletes the others and delivers only the failed
// ones again. Lambda honours the response only when the event source mapping
// has ReportBatchItemFailures in its FunctionResponseTypes; without it, the
// response is ignored and the whole batch counts as processed.
// (parseOrderMessage is in sqs-batch's file.)
func ProcessPartial(ctx context.Context, event events.SQSEvent) (events.SQSEventResponse, error) {
	// An empty list (not null) tells Lambda every message succeeded.
	resp := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}
	for _, msg := range event.Records {
		order, err := parseOrderMessage(msg)
		if err != nil {
			Logf(ctx, "message %s failed: %v", msg.MessageId, err)
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: msg.MessageId})
			continue
		}
		Logf(ctx, "message %s: order %s, quantity %d", msg.MessageId, order.OrderID, order.Quantity)
	}
	return resp, nil
}
