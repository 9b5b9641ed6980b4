//go:build unix

package runtimeapi

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/tutor-dev/tutor/sandbox"
)

// Item 13: with several copies writing long lines at once, every line of
// the pool's output is whole (no line starts inside another), a line past
// 1 MB is cut with a note, and START, END and REPORT counts agree.
func TestPoolOutputLinesWholeCappedCounted(t *testing.T) {
	var logs syncBuffer
	p, err := NewPool(Config{Bin: handlerBin}, 4, &logs)
	if err != nil {
		t.Fatal(err)
	}
	const n = 12
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			ev := `{"mode":"bigline","bytes":100000,"lines":3}`
			if i == 0 {
				ev = fmt.Sprintf(`{"mode":"bigline","bytes":%d}`, sandbox.MaxLogLine+5000)
			}
			if _, err := p.Invoke(context.Background(), "", []byte(ev)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	p.Close()
	counts := map[string]int{}
	cut := 0
	for _, line := range strings.Split(strings.TrimSuffix(logs.String(), "\n"), "\n") {
		word, _, _ := strings.Cut(line, " ")
		switch {
		case word == "START" || word == "END" || word == "REPORT":
			counts[word]++
		case strings.HasPrefix(line, "pid="):
		case strings.HasSuffix(line, sandbox.TruncationNote(5000)):
			cut++
			if body := strings.TrimSuffix(line, sandbox.TruncationNote(5000)); len(body) != sandbox.MaxLogLine || strings.Trim(body, body[:1]) != "" {
				t.Errorf("cut line of %d bytes is not one copy's %d bytes", len(body), sandbox.MaxLogLine)
			}
		case len(line) == 100000 && strings.Trim(line, line[:1]) == "":
		default:
			t.Errorf("a mixed or partial line of %d bytes: %.80q", len(line), line)
		}
	}
	if counts["START"] != n || counts["END"] != n || counts["REPORT"] != n || cut != 1 {
		t.Errorf("START/END/REPORT = %d/%d/%d, cut lines %d; want %d each and 1", counts["START"], counts["END"], counts["REPORT"], cut, n)
	}
}

// Item 13, for Run: one unbroken line past 1 MB is kept only up to there,
// with a note saying how much was dropped.
func TestRunCapsALongLine(t *testing.T) {
	res, err := Run(context.Background(), Config{Bin: handlerBin}, []byte(`{"mode":"bigline","bytes":1500000}`))
	if err != nil {
		t.Fatal(err)
	}
	note := sandbox.TruncationNote(1500000 - sandbox.MaxLogLine)
	found := false
	for _, l := range res.Logs {
		if len(l) > sandbox.MaxLogLine+len(note) {
			t.Errorf("a log line of %d bytes", len(l))
		}
		found = found || strings.HasSuffix(l, note)
	}
	if !found {
		t.Errorf("no line ends with %q", note)
	}
}
