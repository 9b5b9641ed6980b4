package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/quizzes"
)

// BenchmarkAnswerFeedback is the time from the key that answers a quiz item
// to the frame with its feedback, now that the feedback waits for the
// answer's commit: with the real SQLite store (WAL, synchronous=FULL) and,
// for comparison, with no store. It reports p50/p99, and late/op: the
// answers whose commit took longer than savingAfter, which show
// "Saving…" (it should read 0 on a local disk):
//
//	go test -run '^$' -bench AnswerFeedback -benchtime 300x ./cmd/internal/app/
func BenchmarkAnswerFeedback(b *testing.B) {
	items := testCourse(b).Quizzes.ForLesson("alpha")
	for _, name := range []string{"sqlite", "no-store"} {
		b.Run(name, func(b *testing.B) {
			var w *progress.Writer
			if name == "sqlite" {
				s, _, err := progress.OpenSQLite(context.Background(), b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				w = progress.NewWriter(s, progress.LocalLearner)
				defer w.Close()
			}
			lat := make([]time.Duration, 0, b.N)
			late := 0
			for b.Loop() {
				b.StopTimer()
				m := New(Options{Quiz: &Quiz{Items: items, Seed: 7}, Writer: w})
				m, _ = send(b, m, tea.WindowSizeMsg{Width: 80, Height: 24})
				b.StartTimer()
				start := time.Now()
				m, _ = send(b, m, press("enter"))
				v := view(m)
				lat = append(lat, time.Since(start))
				if !strings.Contains(v, quizzes.RightLine) && !strings.Contains(v, quizzes.MissedLine) {
					b.Fatalf("no feedback:\n%s", v)
				}
				if strings.Contains(v, "Saving") {
					late++
				}
			}
			b.StopTimer()
			slices.Sort(lat)
			if n := len(lat); n > 0 {
				b.ReportMetric(float64(lat[n/2].Microseconds()), "p50-µs")
				b.ReportMetric(float64(lat[min(n*99/100, n-1)].Microseconds()), "p99-µs")
				b.ReportMetric(float64(late)/float64(n), "late/op")
			}
		})
	}
}
