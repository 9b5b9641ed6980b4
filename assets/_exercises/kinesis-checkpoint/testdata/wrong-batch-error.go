// fails: no-batch-error
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// Fails the whole batch: every record is retried, the good ones too.
func handler(ctx context.Context, ev events.KinesisEvent) (events.KinesisEventResponse, error) {
	for _, r := range ev.Records {
		var v map[string]any
		if err := json.Unmarshal(r.Kinesis.Data, &v); err != nil {
			return events.KinesisEventResponse{}, err
		}
	}
	return events.KinesisEventResponse{}, nil
}
