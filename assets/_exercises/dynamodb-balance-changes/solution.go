package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

func handler(ctx context.Context, ev events.DynamoDBEvent) (int64, error) {
	var total int64
	for _, r := range ev.Records {
		var before, after int64
		var err error
		switch events.DynamoDBOperationType(r.EventName) {
		case events.DynamoDBOperationTypeInsert: // no OldImage
			after, err = balance(r.Change.NewImage)
		case events.DynamoDBOperationTypeModify: // both images
			if before, err = balance(r.Change.OldImage); err == nil {
				after, err = balance(r.Change.NewImage)
			}
		case events.DynamoDBOperationTypeRemove: // no NewImage
			before, err = balance(r.Change.OldImage)
		default:
			err = fmt.Errorf("unknown eventName %q", r.EventName)
		}
		if err != nil {
			return 0, fmt.Errorf("record %s: %w", r.EventID, err)
		}
		total += after - before
	}
	return total, nil
}

// balance reads the number attribute "balance" of an image.
func balance(image map[string]events.DynamoDBAttributeValue) (int64, error) {
	av, ok := image["balance"]
	if !ok || av.DataType() != events.DataTypeNumber {
		return 0, fmt.Errorf("the image has no number attribute balance")
	}
	return av.Integer()
}
