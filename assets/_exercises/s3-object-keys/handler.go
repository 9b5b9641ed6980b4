package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

// handler returns the object keys it processed, decoded, in record order.
//
// TODO: S3 URL-encodes the key in its events the way HTML forms are encoded
// (a space arrives as "+"): decode it that way; a key that cannot be
// decoded fails the invocation with an error.
// TODO: skip every key under thumbnails/: this function writes its output
// there, and processing it would trigger the function again.
func handler(ctx context.Context, ev events.S3Event) ([]string, error) {
	var keys []string
	for _, r := range ev.Records {
		keys = append(keys, r.S3.Object.Key)
	}
	return keys, nil
}
