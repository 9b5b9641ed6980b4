package app

import (
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// BenchmarkPageTurn is one page-down keypress and the frame after it, in the
// real built-in course's longest lesson, next to rendering that lesson's
// markdown (the work a keypress must never do):
//
//	go test -run '^$' -bench 'PageTurn|RenderLesson' -count 10 ./cmd/internal/app/ | benchstat -
func BenchmarkPageTurn(b *testing.B) {
	c, err := course.Load("")
	if err != nil {
		b.Fatal(err)
	}
	longest := c.Lessons.Lessons[0]
	for _, l := range c.Lessons.Lessons {
		if len(l.Body) > len(longest.Body) {
			longest = l
		}
	}
	m := New(Options{Course: c})
	m, _ = send(b, m, windowSize(100, 30))
	m.openLesson(longest.ID)
	m, _ = send(b, m, windowSize(100, 30))
	before := render.Count()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := press("pgdown")
		if i%50 == 49 {
			k = press("g") // back to the top now and then, so pages keep turning
		}
		tm, _ := m.Update(k)
		m = tm.(Model)
		_ = m.View()
	}
	b.StopTimer()
	b.ReportMetric(float64(render.Count()-before)/float64(b.N), "renders/op")
}

func BenchmarkRenderLesson(b *testing.B) {
	c, err := course.Load("")
	if err != nil {
		b.Fatal(err)
	}
	l := c.Lessons.Lessons[len(c.Lessons.Lessons)/2]
	b.SetBytes(int64(len(l.Body)))
	for i := 0; i < b.N; i++ {
		if _, err := render.Markdown(l.Body, 100, true); err != nil {
			b.Fatal(err)
		}
	}
}
