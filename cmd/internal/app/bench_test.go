package app

import (
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// BenchmarkPageTurn is one page-turn keypress and the frame after it, in the
// real built-in course's longest lesson, next to rendering that lesson's
// markdown (the work a keypress must never do). The keys go down the
// lesson a page at a time and back up, so every key changes the frame
// (still/op counts the ones that did not, and should read 0); each key's
// commands run and their messages come back as in a program, so
// renders/op counts the markdown renders a keypress would cause:
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
	// pages is how many page-downs move the text, from the top to the end.
	pages := 0
	for probe := m; ; pages++ {
		before := lessonOffset(probe)
		probe, _ = send(b, probe, press("pgdown"))
		if lessonOffset(probe) == before {
			break
		}
	}
	if pages < 2 {
		b.Fatalf("the longest lesson is %d page(s) long", pages)
	}
	renders, still := render.Count(), 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := press("pgdown")
		if (i/pages)%2 == 1 {
			k = press("pgup")
		}
		before := lessonOffset(m)
		m, _ = send(b, m, k)
		_ = m.View()
		if lessonOffset(m) == before {
			still++
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(render.Count()-renders)/float64(b.N), "renders/op")
	b.ReportMetric(float64(still)/float64(b.N), "still/op")
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
