// fails: reports-the-rest
package main

import (
	"context"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// Stops in time but reports only the message it stopped at: the ones
// after it are deleted as if they had succeeded.
func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	deadline, _ := ctx.Deadline()
	for _, m := range ev.Records {
		if time.Until(deadline) < workTime+100*time.Millisecond {
			resp.BatchItemFailures = []events.SQSBatchItemFailure{{ItemIdentifier: m.MessageId}}
			return resp, nil
		}
		process(m)
	}
	return resp, nil
}
