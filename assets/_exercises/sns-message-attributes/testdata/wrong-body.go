// fails: attributes-not-body
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// Reads severity from the message body instead of its attributes.
func handler(ctx context.Context, ev events.SNSEvent) ([]string, error) {
	var page []string
	for _, r := range ev.Records {
		var body struct {
			Severity float64 `json:"severity"`
		}
		if json.Unmarshal([]byte(r.SNS.Message), &body) == nil && body.Severity >= 7 {
			page = append(page, r.SNS.MessageID)
		}
	}
	return page, nil
}
