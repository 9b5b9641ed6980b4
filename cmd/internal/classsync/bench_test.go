package classsync_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

// BenchmarkJoinOnce: one `tutor class join --once` of a machine with 1,000
// answers to a fresh SQLite class store over loopback SSH (connect,
// authenticate, five batches of 200, each one transaction).
//
//	go test -run '^$' -bench JoinOnce -benchtime 10x -count 3 ./cmd/internal/classsync/
func BenchmarkJoinOnce(b *testing.B) {
	l := newLearner(b)
	for i := range 1000 {
		if err := l.store.Apply(ctx, progress.LocalLearner, progress.Answer{Item: fmt.Sprintf("item-%d", i%40), Right: i%3 != 0,
			At: time.Unix(1_800_000_000+int64(i), 0), Picked: []string{"a choice"}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		c := newClass(b, serve.Config{Open: true})
		o := l.options(c, "")
		b.StartTimer()
		if err := classsync.Run(ctx, o); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if n, _ := c.store.AnswerCount(ctx, l.id()); n != 1000 {
			b.Fatalf("%d answers arrived, want 1000", n)
		}
		c.down()
		b.StartTimer()
	}
}
