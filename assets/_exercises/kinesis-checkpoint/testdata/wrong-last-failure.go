// fails: two-bad-records
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// Goes on past a failure and reports only the last one: Lambda checkpoints
// after the first bad record, which is never retried.
func handler(ctx context.Context, ev events.KinesisEvent) (events.KinesisEventResponse, error) {
	var resp events.KinesisEventResponse
	var last string
	for _, r := range ev.Records {
		var v struct {
			DeviceID *string  `json:"deviceId"`
			Reading  *float64 `json:"reading"`
		}
		if json.Unmarshal(r.Kinesis.Data, &v) != nil || v.DeviceID == nil || v.Reading == nil {
			last = r.Kinesis.SequenceNumber
		}
	}
	if last != "" {
		resp.BatchItemFailures = []events.KinesisBatchItemFailure{{ItemIdentifier: last}}
	}
	return resp, nil
}
