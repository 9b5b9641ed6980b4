package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/lessons"
)

// Piped, every lesson is plain text: no escape codes, no emphasis markers,
// no tabs, and every line of every code block whole (the built-in ones fit
// 80 columns with their indent, so no line is wider). Table rows are whole
// too, never wrapped inside a cell, however wide, and so are addresses
// longer than a line: they are not counted.
func TestReadPipedIsPlainText(t *testing.T) {
	c, err := course.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range c.Lessons.Lessons {
		var b bytes.Buffer
		if err := runRead(c, l.ID, 80, false, true, &b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, bad := range []string{"\x1b", "**", "\t"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: piped output has %q", l.ID, bad)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, " | ") || strings.Contains(line, "-|-") {
				continue // a table row
			}
			if f := strings.Fields(line); len(f) == 1 && strings.HasPrefix(f[0], "https://") {
				continue // an address, kept whole to copy
			}
			if w := lessons.LineWidth(line); w > 80 {
				t.Errorf("%s: a line %d wide: %q", l.ID, w, line)
			}
		}
	}
	var b bytes.Buffer
	if err := runRead(c, "sns", 80, false, true, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n      topic ─┬─▶ subscription \"billing\"") ||
		!strings.Contains(b.String(), "\n                log.Printf(\"message %s is not an order, set aside: %v\",\n") {
		t.Errorf("the SNS diagram or code is not intact and indented:\n%s", b.String())
	}
}

// On a terminal the code marks the reader uses are not printed.
func TestReadOnTerminalHasNoCodeMarks(t *testing.T) {
	c, err := course.Load("")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := runRead(c, "sqs", 80, true, true, &b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b_") || !strings.Contains(b.String(), "SQS queue") {
		t.Fatal("terminal output has APC code marks (or no diagram)")
	}
}
