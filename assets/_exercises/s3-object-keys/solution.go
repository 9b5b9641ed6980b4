package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

func handler(ctx context.Context, ev events.S3Event) ([]string, error) {
	var keys []string
	for _, r := range ev.Records {
		// Form encoding: "+" is a space and "%2B" a plus sign.
		key, err := url.QueryUnescape(r.S3.Object.Key)
		if err != nil {
			return nil, fmt.Errorf("object key %q: %w", r.S3.Object.Key, err)
		}
		// Decode first, then look at the prefix of the real key.
		if strings.HasPrefix(key, "thumbnails/") {
			continue
		}
		keys = append(keys, key)
	}
	return keys, nil
}
