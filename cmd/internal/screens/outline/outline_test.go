package outline

import (
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

func sized(w, h int) common.Common {
	c := common.New()
	c.Width, c.Height = w, h
	return c
}

func rows(summary string) []Row {
	var rs []Row
	for _, id := range []string{"a", "b", "c"} {
		rs = append(rs, Row{ID: id, Title: "Lesson " + id, Summary: summary})
	}
	return rs
}

// The summary room is measured when the size or the summaries change, not
// per frame; it must follow both (a stale cache would draw the wrong room).
func TestSummaryHeightFollowsSizeAndRows(t *testing.T) {
	long := strings.Repeat("word ", 40)
	m := New(sized(80, 24), rows("short"), "a")
	if got := m.summaryHeight(); got != 2 {
		t.Fatalf("one-line summaries at 80x24: summaryHeight %d, want 2", got)
	}
	m.SetRows(rows(long))
	if got, want := m.summaryHeight(), 1+len(m.wrapSummary(long)); got != want || got != 4 {
		t.Fatalf("after SetRows with long summaries: summaryHeight %d, want %d (4)", got, want)
	}
	m.SetCommon(sized(80, 12))
	if got := m.summaryHeight(); got != 3 {
		t.Fatalf("at 80x12 (two lines at most): summaryHeight %d, want 3", got)
	}
	m.SetCommon(sized(80, 6))
	if got := m.summaryHeight(); got != 0 {
		t.Fatalf("at 80x6 (no room): summaryHeight %d, want 0", got)
	}
	m.SetCommon(sized(400, 24))
	if got := m.summaryHeight(); got != 2 {
		t.Fatalf("at 400x24 the long summary fits one line: summaryHeight %d, want 2", got)
	}
	// A status change keeps the summaries and the measure.
	rs := rows(long)
	rs[1].Status = progress.Done
	m.SetRows(rs)
	if got := m.summaryHeight(); got != 2 {
		t.Fatalf("after a status change: summaryHeight %d, want 2", got)
	}
	if v := m.View(); !strings.Contains(v, "1 of 3 lessons done") {
		t.Fatalf("view lacks the new status:\n%s", v)
	}
}

// BenchmarkView is one outline frame at 140x36 with 17 lessons.
func BenchmarkView(b *testing.B) {
	var rs []Row
	for i := range 17 {
		rs = append(rs, Row{ID: string(rune('a' + i)), Title: "A lesson title of some length", Sources: []string{"sqs", "sns"},
			Summary: strings.Repeat("A summary sentence of the lesson that wraps. ", 4)})
	}
	m := New(sized(140, 36), rs, "c")
	for b.Loop() {
		_ = m.View()
	}
}
