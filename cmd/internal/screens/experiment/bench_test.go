package experiment

import (
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// BenchmarkView draws the panel after the DynamoDB preset's day of
// retries, the longest timeline a preset makes.
func BenchmarkView(b *testing.B) {
	m := do(New(sized(100, 29), experimentOf(b, "dynamodb"), "dynamodb", "DynamoDB Streams"), enter)
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkResize is one window resize of that panel.
func BenchmarkResize(b *testing.B) {
	m := do(New(sized(100, 29), experimentOf(b, "dynamodb"), "dynamodb", "DynamoDB Streams"), enter)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.SetCommon(sized(90+i%20, 29))
	}
}

func sized(w, h int) common.Common {
	c := common.New()
	c.Width, c.Height = w, h
	return c
}
