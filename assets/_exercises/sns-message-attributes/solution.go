package main

import (
	"context"
	"strconv"

	"github.com/aws/aws-lambda-go/events"
)

func handler(ctx context.Context, ev events.SNSEvent) ([]string, error) {
	var page []string
	for _, r := range ev.Records {
		if severity(r.SNS.MessageAttributes) >= 7 {
			page = append(page, r.SNS.MessageID)
		}
	}
	return page, nil
}

// severity reads the Number attribute "severity"; -1 when it is missing,
// of another type, or not a number.
func severity(attrs map[string]any) float64 {
	a, ok := attrs["severity"].(map[string]any)
	if !ok || a["Type"] != "Number" {
		return -1
	}
	s, _ := a["Value"].(string)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1
	}
	return v
}
