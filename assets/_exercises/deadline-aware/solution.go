package main

import (
	"context"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// margin is time kept back for returning the response.
const margin = 100 * time.Millisecond

func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	deadline, hasDeadline := ctx.Deadline()
	for i, m := range ev.Records {
		if hasDeadline && time.Until(deadline) < workTime+margin {
			// No time for another message: hand this one and the rest
			// back to SQS rather than be stopped halfway.
			for _, rest := range ev.Records[i:] {
				resp.BatchItemFailures = append(resp.BatchItemFailures,
					events.SQSBatchItemFailure{ItemIdentifier: rest.MessageId})
			}
			return resp, nil
		}
		process(m)
	}
	return resp, nil
}
