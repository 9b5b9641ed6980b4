package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// handler decides which alerts page the on-call engineer: those whose
// message attribute "severity" (Type Number) is at least 7. It returns
// their MessageIds, in record order.
//
// TODO: read the attribute from r.SNS.MessageAttributes, not from the
// message body; each attribute is {"Type": ..., "Value": ...} and a
// Number's Value is a string holding the number.
func handler(ctx context.Context, ev events.SNSEvent) ([]string, error) {
	var page []string
	for _, r := range ev.Records {
		_ = r.SNS.MessageAttributes // TODO
	}
	return page, nil
}
