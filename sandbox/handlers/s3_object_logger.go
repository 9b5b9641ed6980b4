package handlers

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// maxObjectSize is the largest object this handler reads into memory.
const maxObjectSize = 10 << 20 // 10 MiB

var (
	errEmptyObject    = errors.New("object is empty")
	errObjectTooLarge = errors.New("object is too large to process in memory")
)

// LogObjects logs every object an S3 event notification announces.
//
// S3 sends object keys URL-encoded, with a space as '+': the key
// "reports/Q1 summary.csv" arrives as "reports/Q1+summary.csv". Use the key
// as it arrives in a GetObject call and S3 answers NoSuchKey, so decode it
// first with url.QueryUnescape.
func LogObjects(ctx context.Context, event events.S3Event) error {
	for i, record := range event.Records {
		bucket, obj := record.S3.Bucket.Name, record.S3.Object
		key, err := url.QueryUnescape(obj.Key)
		if err != nil {
			return fmt.Errorf("record %d (bucket %s, key %q): cannot decode the key: %w", i, bucket, obj.Key, err)
		}
		if strings.HasPrefix(record.EventName, "ObjectCreated:") {
			switch {
			case obj.Size <= 0:
				return fmt.Errorf("record %d (s3://%s/%s): size %d: %w", i, bucket, key, obj.Size, errEmptyObject)
			case obj.Size > maxObjectSize:
				return fmt.Errorf("record %d (s3://%s/%s): size %d bytes: %w", i, bucket, key, obj.Size, errObjectTooLarge)
			}
		}
		Logf(ctx, "%s s3://%s/%s (%d bytes, raw key %q)", record.EventName, bucket, key, obj.Size, obj.Key)
	}
	return nil
}
