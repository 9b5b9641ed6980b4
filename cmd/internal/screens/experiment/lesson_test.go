package experiment

import (
	"strings"
	"testing"
)

// A lesson's own panel (experiments/<x>.yaml with lesson:) checks and runs
// like a source's: the sqs-fifo panel opens on its FIFO preset.
func TestLessonExperimentsCheckAndRun(t *testing.T) {
	c, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range c.Experiments {
		if e.Lesson == "" {
			continue
		}
		n++
		if err := Check(e); err != nil {
			t.Error(err)
		}
	}
	e := c.Experiment("sqs-fifo")
	if n == 0 || e == nil || e.Lesson != "sqs-fifo" {
		t.Fatalf("no sqs-fifo panel (%d lesson panels)", n)
	}
	// a1, b1, b2, b3 once; a2 three times, then the DLQ; a3 after it.
	m := do(New(sized(100, 29), e, "sqs", "SQS FIFO"), enter)
	if v := view(m); !strings.Contains(v, "invocations 8") || !strings.Contains(v, "to DLQ 1") {
		t.Fatalf("the FIFO preset did not run:\n%s", v)
	}
}
