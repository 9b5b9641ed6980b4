package runtimeapi

import (
	"bytes"
	"fmt"
	"sync"
)

// Limits on what one run keeps of a handler's output, so a handler stuck in
// a logging loop cannot exhaust memory. Lambda caps a log event at 256 KB.
const (
	maxLogLine  = 256 << 10
	maxLogBytes = 8 << 20
)

// lineLog collects a child's stdout and stderr as lines. Each stream has its
// own writer (so a partial line on one never merges with the other) and all
// share one list, in the order lines complete.
type lineLog struct {
	mu      sync.Mutex
	lines   []string
	size    int
	dropped int
}

func (l *lineLog) stream() *lineWriter { return &lineWriter{log: l} }

func (l *lineLog) add(line []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.size+len(line) > maxLogBytes {
		l.dropped += len(line) + 1
		return
	}
	if len(line) > maxLogLine {
		line = line[:maxLogLine]
	}
	l.size += len(line)
	l.lines = append(l.lines, string(bytes.TrimSuffix(line, []byte("\r"))))
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

type lineWriter struct {
	mu      sync.Mutex
	log     *lineLog
	partial []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			if len(w.partial) < maxLogLine {
				w.partial = append(w.partial, p...)
			}
			break
		}
		if len(w.partial) > 0 {
			w.partial = append(w.partial, p[:i]...)
			w.log.add(w.partial)
			w.partial = w.partial[:0]
		} else {
			w.log.add(p[:i])
		}
		p = p[i+1:]
	}
	return n, nil
}

// Close keeps a last line that had no newline.
func (w *lineWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.partial) > 0 {
		w.log.add(w.partial)
		w.partial = nil
	}
	return nil
}
