package progress

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// BenchmarkRecordAnswer commits one answer (log row plus card update, one
// IMMEDIATE transaction, WAL, synchronous=FULL) and reports the latency
// percentiles of the commits.
func BenchmarkRecordAnswer(b *testing.B) {
	s, _ := open(b, b.TempDir())
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if err := s.Apply(ctx, LocalLearner, Answer{Item: fmt.Sprintf("item-%d", i%50), Right: i%3 != 0, At: start, Picked: []string{"a"}}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	if n := len(lat); n > 0 {
		b.ReportMetric(float64(lat[n/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(lat[min(n*99/100, n-1)].Microseconds()), "p99-µs")
	}
}
