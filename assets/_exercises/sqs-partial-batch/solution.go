package main

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/aws/aws-lambda-go/events"
)

func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	var resp events.SQSEventResponse
	for _, m := range ev.Records {
		if !valid(m.Body) {
			resp.BatchItemFailures = append(resp.BatchItemFailures,
				events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
		}
	}
	return resp, nil
}

// valid reads the body field by field, so that a wrong type, a missing
// field and a number with a fraction or an exponent are all told apart
// from a good order.
func valid(body string) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &fields) != nil || fields == nil {
		return false // not JSON, or not an object
	}
	var id string
	if json.Unmarshal(fields["orderId"], &id) != nil || id == "" {
		return false // missing, not a string, or empty
	}
	// A JSON integer is digits with an optional minus sign: ParseInt refuses
	// "1.5", "1e2", "\"3\"", true and null.
	n, err := strconv.ParseInt(string(fields["quantity"]), 10, 64)
	return err == nil && n >= 1
}
