// fails: skip-thumbnails
package main

import (
	"context"
	"net/url"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// Contains skips photos/thumbnails/... too, which is not under thumbnails/.
func handler(ctx context.Context, ev events.S3Event) ([]string, error) {
	var keys []string
	for _, r := range ev.Records {
		key, err := url.QueryUnescape(r.S3.Object.Key)
		if err != nil {
			return nil, err
		}
		if !strings.Contains(key, "thumbnails/") {
			keys = append(keys, key)
		}
	}
	return keys, nil
}
