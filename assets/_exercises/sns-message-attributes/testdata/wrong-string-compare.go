// fails: numeric
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// Compares the Value as a string: "10" sorts before "7".
func handler(ctx context.Context, ev events.SNSEvent) ([]string, error) {
	var page []string
	for _, r := range ev.Records {
		a, _ := r.SNS.MessageAttributes["severity"].(map[string]any)
		if v, _ := a["Value"].(string); v >= "7" {
			page = append(page, r.SNS.MessageID)
		}
	}
	return page, nil
}
