package handlers

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/events"
)

var errMissingMessageAttribute = errors.New("missing required message attribute")

// RouteNotifications reads each SNS notification's message attributes to
// decide what to do with it.
//
// In the event, SNS gives every attribute as {"Type": "String", "Value": "..."}
// (events.SNSEntity.MessageAttributes is a map[string]any). The attribute
// "eventType" is required; "priority" (a Number attribute) is optional.
//
// A notification without "eventType" is malformed, and a retry would fail
// the same way: SNS invokes the function asynchronously, so returning an
// error would only make Lambda run it twice more and then discard it. The
// handler logs it (with its message ID, so it can be found and replayed) and
// goes on with the rest. An error is for a failure a retry can fix, such as
// a downstream call that timed out.
func RouteNotifications(ctx context.Context, event events.SNSEvent) error {
	for _, record := range event.Records {
		msg := record.SNS
		eventType, ok := messageAttribute(msg.MessageAttributes, "eventType")
		if !ok {
			Logf(ctx, "message %s from %s: %v %q: set aside, not retried", msg.MessageID, msg.TopicArn, errMissingMessageAttribute, "eventType")
			continue
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
