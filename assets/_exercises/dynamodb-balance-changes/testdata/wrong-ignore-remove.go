// fails: remove
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// Handles INSERT and MODIFY but forgets that a REMOVE takes money away.
func handler(ctx context.Context, ev events.DynamoDBEvent) (int64, error) {
	var total int64
	for _, r := range ev.Records {
		switch r.EventName {
		case "INSERT":
			n, _ := r.Change.NewImage["balance"].Integer()
			total += n
		case "MODIFY":
			n, _ := r.Change.NewImage["balance"].Integer()
			o, _ := r.Change.OldImage["balance"].Integer()
			total += n - o
		}
	}
	return total, nil
}
