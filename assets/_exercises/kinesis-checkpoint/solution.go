package main

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/aws/aws-lambda-go/events"
)

func handler(ctx context.Context, ev events.KinesisEvent) (events.KinesisEventResponse, error) {
	var resp events.KinesisEventResponse
	for _, r := range ev.Records {
		if err := process(r.Kinesis.Data); err != nil {
			// Stop at the first failure: the records after it are
			// delivered again from the checkpoint, in order.
			resp.BatchItemFailures = []events.KinesisBatchItemFailure{{ItemIdentifier: r.Kinesis.SequenceNumber}}
			return resp, nil
		}
	}
	return resp, nil
}

func process(data []byte) error {
	var reading struct {
		DeviceID *string  `json:"deviceId"`
		Reading  *float64 `json:"reading"`
	}
	if err := json.Unmarshal(data, &reading); err != nil {
		return err
	}
	if reading.DeviceID == nil || reading.Reading == nil {
		return errMissing
	}
	return nil
}

var errMissing = errors.New("deviceId or reading is missing")
