package handlers

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

var errMissingMessageAttribute = errors.New("missing required message attribute")

// RouteNotifications reads each SNS notification's message attributes to
// decide what to do with it.
//
// In the event, SNS gives every attribute as {"Type": "String", "Value": "..."}
// (events.SNSEntity.MessageAttributes is a map[string]any). The attribute
// "eventType" is required; "priority" (a Number attribute) is optional.
// SNS invokes the function asynchronously, so Lambda retries a failed
// invocation; the error names the message so the retries can be traced.
func RouteNotifications(ctx context.Context, event events.SNSEvent) error {
	for _, record := range event.Records {
		msg := record.SNS
		eventType, ok := messageAttribute(msg.MessageAttributes, "eventType")
		if !ok {
			return fmt.Errorf("message %s from %s: %w %q", msg.MessageID, msg.TopicArn, errMissingMessageAttribute, "eventType")
		}
		priority, ok := messageAttribute(msg.MessageAttributes, "priority")
		if !ok {
			priority = "normal"
		}
		Logf(ctx, "message %s: eventType=%s priority=%s subject=%q", msg.MessageID, eventType, priority, msg.Subject)
	}
	return nil
}

// messageAttribute returns the string value of an SNS message attribute.
func messageAttribute(attrs map[string]any, name string) (string, bool) {
	a, ok := attrs[name].(map[string]any)
	if !ok {
		return "", false
	}
	v, ok := a["Value"].(string)
	return v, ok && v != ""
}
