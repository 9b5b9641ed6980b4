// fails: modify
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// Adds the NewImage's balance for every record: a MODIFY counts the whole
// new balance, and a REMOVE (no NewImage) panics.
func handler(ctx context.Context, ev events.DynamoDBEvent) (int64, error) {
	var total int64
	for _, r := range ev.Records {
		n, err := r.Change.NewImage["balance"].Integer()
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
