package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// handler reads sensor readings from a Kinesis shard, in order. A record's
// data is a JSON object with a string "deviceId" and a number "reading";
// anything else cannot be processed.
//
// TODO: process the records in order; at the first one that fails, stop
// and report its sequence number in BatchItemFailures, so Lambda
// checkpoints just before it and retries from there, in order.
// TODO: do not return an error: the whole batch would be retried.
func handler(ctx context.Context, ev events.KinesisEvent) (events.KinesisEventResponse, error) {
	var resp events.KinesisEventResponse
	for _, r := range ev.Records {
		_ = r.Kinesis.Data // TODO: decode and check it
	}
	return resp, nil
}
