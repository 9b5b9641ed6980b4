package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

// Reading is one sensor measurement a producer puts on the stream.
type Reading struct {
	SensorID    string  `json:"sensorId"`
	Temperature float64 `json:"temperature"`
	Unit        string  `json:"unit"`
}

var errInvalidReading = errors.New("invalid reading")

// DecodeReadings decodes the JSON reading in every Kinesis record.
//
// Kinesis delivers each record's data base64-encoded in the event's JSON;
// events.KinesisRecord.Data is a []byte, so encoding/json has already decoded
// the base64 when the handler runs. Decoding it again is a classic bug.
// A bad record fails the batch, and Lambda retries the batch (holding up
// the shard) until it succeeds or the record expires, so the error names the
// record's sequence number.
func DecodeReadings(ctx context.Context, event events.KinesisEvent) error {
	for _, record := range event.Records {
		k := record.Kinesis
		var r Reading
		dec := json.NewDecoder(bytes.NewReader(k.Data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("record %s (partition key %s): data is not a JSON reading: %w", k.SequenceNumber, k.PartitionKey, err)
		}
		if r.SensorID == "" || (r.Unit != "C" && r.Unit != "F") {
			return fmt.Errorf("record %s (partition key %s): %w: sensorId %q, unit %q", k.SequenceNumber, k.PartitionKey, errInvalidReading, r.SensorID, r.Unit)
		}
		Logf(ctx, "shard record %s: sensor %s reads %.1f °%s", k.SequenceNumber, r.SensorID, r.Temperature, r.Unit)
	}
	return nil
}
