package handlers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

var (
	errInvalidOrderEvent = errors.New("invalid OrderPlaced event")
	errUnexpectedEvent   = errors.New("no handling for this event")
)

// orderPlaced is the detail of the OrderPlaced events the orders service
// puts on the event bus.
type orderPlaced struct {
	OrderID  string  `json:"orderId"`
	Total    float64 `json:"total"`
	Currency string  `json:"currency"`
	Customer struct {
		ID   string `json:"id"`
		Tier string `json:"tier"`
	} `json:"customer"`
}

// HandleOrderEvent is the target of two EventBridge rules: one whose event
// pattern matches the orders service's OrderPlaced events, and a schedule
// that starts a nightly report.
//
// EventBridge delivers one event per invocation, in the envelope every
// event shares (events.EventBridgeEvent, an alias of
// events.CloudWatchEvent): id, source, detail-type, time, resources, and
// the event's own "detail" as raw JSON for the handler to decode. It
// invokes the function asynchronously, so a returned error makes Lambda
// retry the same event; the error names the event id for tracing. Lambda
// ignores what an asynchronously invoked function returns.
func HandleOrderEvent(ctx context.Context, event events.EventBridgeEvent) error {
	switch {
	case event.Source == "aws.events" && event.DetailType == "Scheduled Event":
		Logf(ctx, "event %s: scheduled run at %s for %v", event.ID, event.Time.Format("2006-01-02T15:04:05Z07:00"), event.Resources)
		return nil
	case event.DetailType == "OrderPlaced":
		var o orderPlaced
		dec := json.NewDecoder(bytes.NewReader(event.Detail))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&o); err != nil {
			return fmt.Errorf("event %s (%s from %s): detail is not an order: %w", event.ID, event.DetailType, event.Source, err)
		}
		if o.OrderID == "" || o.Total <= 0 {
			return fmt.Errorf("event %s (%s from %s): %w: orderId %q, total %v", event.ID, event.DetailType, event.Source, errInvalidOrderEvent, o.OrderID, o.Total)
		}
		Logf(ctx, "event %s: order %s placed by %s (%s), total %.2f %s", event.ID, o.OrderID, o.Customer.ID, o.Customer.Tier, o.Total, o.Currency)
		return nil
	}
	return fmt.Errorf("event %s (%s from %s): %w", event.ID, event.DetailType, event.Source, errUnexpectedEvent)
}
