// fails: one-bad-record
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// Names the failed record by its eventID, as if it were an SQS messageId:
// a Kinesis partial batch response names records by sequence number.
func handler(ctx context.Context, ev events.KinesisEvent) (events.KinesisEventResponse, error) {
	var resp events.KinesisEventResponse
	for _, r := range ev.Records {
		var v struct {
			DeviceID *string  `json:"deviceId"`
			Reading  *float64 `json:"reading"`
		}
		if json.Unmarshal(r.Kinesis.Data, &v) != nil || v.DeviceID == nil || v.Reading == nil {
			resp.BatchItemFailures = []events.KinesisBatchItemFailure{{ItemIdentifier: r.EventID}}
			return resp, nil
		}
	}
	return resp, nil
}
