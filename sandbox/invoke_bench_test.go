package sandbox

import (
	"context"
	"io"
	"log"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/tutor-dev/tutor/sandbox/handlers"
)

// BenchmarkInvoke compares the sandbox with a raw lambda.NewHandler(fn).Invoke
// of the same handler and event (budget: at most 1.5x). Raw gets a logger in
// its context too, writing to io.Discard, so both runs do the handler's
// logging and only the sandbox's own work differs.
//
//	go test -run '^$' -bench Invoke -count 10 ./sandbox/ > /tmp/b.txt
//	go run golang.org/x/perf/cmd/benchstat@latest /tmp/b.txt
func BenchmarkInvoke(b *testing.B) {
	h, _ := handlers.Get("s3-object-logger")
	evs, err := BuiltinEvents()
	if err != nil {
		b.Fatal(err)
	}
	event, err := evs.Load("s3-ok")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Raw", func(b *testing.B) {
		raw := lambda.NewHandler(h.Func)
		ctx := handlers.WithLogger(context.Background(), log.New(io.Discard, "", 0))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := raw.Invoke(ctx, event); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Sandbox", func(b *testing.B) {
		ctx := context.Background()
		// A generous timeout: on a loaded machine a slow run is noise to
		// measure, not a failure.
		opts := Options{Timeout: time.Minute}
		b.ReportAllocs()
		for b.Loop() {
			if r := Invoke(ctx, h, event, opts); r.Error != nil {
				b.Fatal(r.Error)
			}
		}
	})
}
