package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// handler reads the stream of an accounts table (view type
// NEW_AND_OLD_IMAGES; each item has a number attribute "balance") and
// returns by how much the total of all balances changed in this batch.
//
// TODO: an INSERT has only a NewImage, a REMOVE only an OldImage, a MODIFY
// both: add the new balance, subtract the old one, or add the difference.
func handler(ctx context.Context, ev events.DynamoDBEvent) (int64, error) {
	var total int64
	for _, r := range ev.Records {
		_ = r.EventName // TODO: INSERT, MODIFY or REMOVE
	}
	return total, nil
}
