package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// handler processes a batch of SQS messages with process(m), which takes
// workTime each. A big batch does not fit in the function's timeout.
//
// TODO: before each message, look at the time left (ctx.Deadline()). When
// it is too short for another message, stop, and report this message and
// every one after it in BatchItemFailures, so SQS delivers them again,
// instead of running into the timeout (which fails the whole batch).
func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, m := range ev.Records {
		process(m)
	}
	return resp, nil
}
