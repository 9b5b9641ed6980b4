package sandbox

import (
	"bytes"
	"strconv"
	"sync"
)

// MaxLogLine is the longest log line the sandbox keeps: CloudWatch Logs
// takes no log event over 1 MB (fact logs.event.max-size). A longer line
// is cut there and ends with a note saying how much was cut.
const MaxLogLine = 1 << 20

// TruncationNote is appended to a line cut at MaxLogLine.
func TruncationNote(cut int64) string {
	return " [tutor: line truncated at " + strconv.Itoa(MaxLogLine) + " bytes; " +
		strconv.FormatInt(cut, 10) + " more bytes dropped]"
}

// LineWriter splits what is written to it into lines and hands each whole
// line, without its newline, to emit: a line is never split or merged with
// another writer's, and one longer than MaxLogLine is cut there with a
// TruncationNote, whatever the size of the writes. It holds at most
// MaxLogLine bytes. Safe for concurrent use; emit is called with the
// writer's lock held, one line at a time.
type LineWriter struct {
	mu      sync.Mutex
	emit    func(line []byte)
	partial []byte
	cut     int64 // bytes of the current line dropped past MaxLogLine
}

// NewLineWriter returns a LineWriter calling emit for each line.
func NewLineWriter(emit func(line []byte)) *LineWriter { return &LineWriter{emit: emit} }

func (w *LineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		chunk := p
		if i >= 0 {
			chunk = p[:i]
		}
		if room := MaxLogLine - len(w.partial); room > 0 {
			take := min(room, len(chunk))
			w.partial = append(w.partial, chunk[:take]...)
			w.cut += int64(len(chunk) - take)
		} else {
			w.cut += int64(len(chunk))
		}
		if i < 0 {
			break
		}
		w.flush()
		p = p[i+1:]
	}
	return n, nil
}

// flush emits the pending line, with a note if it was cut.
func (w *LineWriter) flush() {
	line := bytes.TrimSuffix(w.partial, []byte("\r"))
	if w.cut > 0 {
		line = append(line, TruncationNote(w.cut)...)
	}
	w.emit(line)
	w.partial, w.cut = w.partial[:0], 0
	if cap(w.partial) > 64<<10 {
		w.partial = nil // do not keep a long line's buffer for the next short one
	}
}

// Close emits a last line that had no newline.
func (w *LineWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.partial) > 0 || w.cut > 0 {
		w.flush()
	}
	return nil
}
