// fails: plus-is-space
package main

import (
	"context"
	"net/url"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// PathUnescape leaves "+" as a plus sign: "my+photo.jpg" stays as it is.
func handler(ctx context.Context, ev events.S3Event) ([]string, error) {
	var keys []string
	for _, r := range ev.Records {
		key, err := url.PathUnescape(r.S3.Object.Key)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(key, "thumbnails/") {
			keys = append(keys, key)
		}
	}
	return keys, nil
}
