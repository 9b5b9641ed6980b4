package sim

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"unicode/utf8"
)

// WriteJSON runs the scenario and writes the Result as JSON, exactly as
// json.NewEncoder(w).Encode(result) would (the contract of `tutor sandbox
// simulate --json`), without holding the result in memory: the timeline is
// encoded as it happens into a spool (memory, then a temporary file past
// spoolMemory bytes) and the records are written from the run's own state.
// Ten million records cost the run's state and the disk, not a Result.
func WriteJSON(ctx context.Context, w io.Writer, sc *Scenario, opt Options) error {
	sp := &spool{}
	defer sp.close()
	s, limit, err := simulate(ctx, sc, opt, sp)
	if err != nil {
		return err
	}
	if sp.err != nil {
		return sp.err
	}
	s.m.SimulatedMs = s.last
	bw := bufio.NewWriterSize(w, 1<<16)
	var b []byte
	head := func(key string, v any) error {
		enc, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b = append(b, key...)
		b = append(b, enc...)
		return nil
	}
	if err := head(`{"source":`, s.sc.Source); err != nil {
		return err
	}
	if err := head(`,"notes":`, append(baseNotes(s.sc), s.notes...)); err != nil {
		return err
	}
	if err := head(`,"metrics":`, s.m); err != nil {
		return err
	}
	b = append(b, `,"records":{`...)
	n, cut := s.recordsShown(opt.Full, limit)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		rr := s.recordResult(i)
		b = appendString(b, rr.ID)
		b = append(b, `:{"deliveries":`...)
		b = strconv.AppendInt(b, int64(rr.Deliveries), 10)
		b = append(b, `,"outcome":`...)
		b = appendString(b, rr.Outcome)
		if rr.Status != 0 {
			b = append(b, `,"status":`...)
			b = strconv.AppendInt(b, int64(rr.Status), 10)
		}
		b = append(b, '}')
		if len(b) > 1<<15 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if _, err := bw.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, '}')
	if err := head(`,"subscriptions":`, SubscriptionList(s.subs)); err != nil {
		return err
	}
	b = append(b, `,"timeline":[`...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	if err := sp.copyTo(bw); err != nil {
		return err
	}
	b = append(b[:0], ']')
	if cut || s.tlCut {
		b = append(b, `,"truncated":true`...)
	}
	b = append(b, "}\n"...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// spoolMemory is how much encoded timeline a spool keeps in memory before
// it moves to a temporary file (a variable for tests).
var spoolMemory = 16 << 20

// spool holds the encoded timeline entries, comma-separated.
type spool struct {
	buf  []byte
	n    int      // entries
	file *os.File // nil until buf outgrows spoolMemory
	bw   *bufio.Writer
	err  error // the first write error; the run goes on, WriteJSON reports it
}

// entry encodes one timeline entry as json.Marshal(Entry) would.
func (sp *spool) entry(s *sim, kind string, idx []int32, detail string) {
	b := sp.buf
	if sp.n > 0 {
		b = append(b, ',')
	}
	sp.n++
	b = append(b, `{"t_ms":`...)
	b = strconv.AppendInt(b, s.now, 10)
	b = append(b, `,"kind":`...)
	b = appendString(b, kind)
	b = append(b, `,"records":[`...)
	for k, i := range idx {
		if k > 0 {
			b = append(b, ',')
		}
		r := &s.recs[i]
		if r.n > 0 {
			b = append(b, `"r`...)
			b = strconv.AppendInt(b, int64(r.n), 10)
			b = append(b, '"')
		} else {
			b = appendString(b, s.idOf(r))
		}
	}
	b = append(b, `],"detail":`...)
	b = appendString(b, detail)
	b = append(b, '}')
	sp.buf = b
	if len(sp.buf) >= spoolMemory {
		sp.spill()
	}
}

// spill moves the buffer to the temporary file.
func (sp *spool) spill() {
	if sp.err != nil {
		sp.buf = sp.buf[:0]
		return
	}
	if sp.file == nil {
		f, err := os.CreateTemp("", "tutor-simulate-*.json")
		if err != nil {
			sp.err = err
			return
		}
		sp.file, sp.bw = f, bufio.NewWriterSize(f, 1<<20)
	}
	if _, err := sp.bw.Write(sp.buf); err != nil {
		sp.err = err
	}
	sp.buf = sp.buf[:0]
}

// copyTo writes the spooled entries to w.
func (sp *spool) copyTo(w io.Writer) error {
	if sp.file != nil {
		if err := sp.bw.Flush(); err != nil {
			return err
		}
		if _, err := sp.file.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.Copy(w, sp.file); err != nil {
			return err
		}
	}
	_, err := w.Write(sp.buf)
	return err
}

func (sp *spool) close() {
	if sp.file != nil {
		sp.file.Close()
		os.Remove(sp.file.Name())
	}
}

// appendString appends s as a JSON string the way encoding/json writes it
// (HTML-safe, invalid UTF-8 replaced): plain ASCII directly, anything
// else through json.Marshal.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			enc, _ := json.Marshal(s)
			return append(b, enc...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
