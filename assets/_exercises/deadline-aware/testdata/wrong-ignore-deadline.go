// fails: answers-in-time
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// Processes everything and runs into the timeout: the whole batch fails
// and comes back, the processed messages too.
func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	for _, m := range ev.Records {
		process(m)
	}
	return events.SQSEventResponse{}, nil
}
