package runtimeapi

import (
	"fmt"
	"sync"

	"github.com/tutor-dev/tutor/sandbox"
)

// maxLogBytes bounds what one run keeps of a handler's output, so a handler
// stuck in a logging loop cannot exhaust memory. Each line is also cut at
// sandbox.MaxLogLine (CloudWatch Logs' 1 MB log event), with a note.
const maxLogBytes = 8 << 20

// lineLog collects a child's stdout and stderr as lines. Each stream has its
// own writer (so a partial line on one never merges with the other) and all
// share one list, in the order lines complete.
type lineLog struct {
	mu      sync.Mutex
	lines   []string
	size    int
	dropped int
}

func (l *lineLog) stream() *sandbox.LineWriter { return sandbox.NewLineWriter(l.add) }

func (l *lineLog) add(line []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.size+len(line) > maxLogBytes {
		l.dropped += len(line) + 1
		return
	}
	l.size += len(line)
	l.lines = append(l.lines, string(line))
}

// Lines returns the lines so far, with a note if some were dropped.
func (l *lineLog) Lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := append(make([]string, 0, len(l.lines)+1), l.lines...)
	if l.dropped > 0 {
		out = append(out, fmt.Sprintf("[tutor: %d more bytes of output dropped]", l.dropped))
	}
	return out
}
