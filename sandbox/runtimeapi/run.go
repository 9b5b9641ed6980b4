package runtimeapi

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
)

// ErrInterrupted is returned when the context ends before the invocation does.
var ErrInterrupted = errors.New("interrupted; the handler process was killed")

// Run starts cfg.Bin, sends it event through the Runtime API, and reports
// the invocation as Lambda would: the response or error, the process's
// stdout and stderr as logs, the duration. The process is killed before Run
// returns, whatever happened. The error is for failures to run at all (a
// missing binary, a canceled context), not for a handler that failed.
func Run(ctx context.Context, cfg Config, event []byte) (*sandbox.Result, error) {
	cfg = cfg.withDefaults()
	if err := CheckBin(cfg.Bin); err != nil {
		return nil, err
	}
	if len(event) > sandbox.MaxSyncPayload {
		return nil, sandbox.ErrPayloadTooLarge
	}
	if !json.Valid(event) {
		return nil, errors.New("the event is not valid JSON")
	}
	logs := &lineLog{}
	stdout, stderr := logs.stream(), logs.stream()
	w, err := startWorker(cfg, stdout, stderr)
	if err != nil {
		return nil, err
	}
	id := newRequestID()
	out, err := w.invoke(ctx, &invocation{id: id, payload: event, done: make(chan reply, 1)})
	w.stop(time.Second)
	stdout.Close()
	stderr.Close()
	if err != nil {
		return nil, ErrInterrupted
	}
	return result(cfg, event, out, logs.Lines()), nil
}

// result turns an Outcome into the Result `sandbox invoke` also prints.
func result(cfg Config, event []byte, out Outcome, logs []string) *sandbox.Result {
	ms := float64(out.Duration.Microseconds()) / 1000
	r := &sandbox.Result{
		RequestID:        out.RequestID,
		Handler:          cfg.Bin,
		Event:            json.RawMessage(event),
		Response:         json.RawMessage("null"),
		Error:            out.Error,
		DurationMs:       ms,
		BilledDurationMs: sandbox.BilledMs(ms),
		Logs:             logs,
		MemorySizeMB:     cfg.MemoryMB,
	}
	if out.Kind == Success {
		r.Response = asJSON(out.Body)
	}
	// Lambda's own log lines for failures it detects.
	switch out.Kind {
	case Timeout:
		r.Logs = append(r.Logs, time.Now().UTC().Format("2006-01-02T15:04:05.000Z")+" "+out.RequestID+" "+sandbox.TimeoutMessage(cfg.Timeout))
	case InitTimeout:
		r.Logs = append(r.Logs, InitReportLine(out.Duration), out.Error.ErrorMessage)
	case ExitError, InitError:
		r.Logs = append(r.Logs, out.Error.ErrorMessage, out.Error.ErrorType)
	}
	if r.Logs == nil {
		r.Logs = []string{}
	}
	return r
}

// asJSON keeps a JSON payload as it is and turns anything else (a handler
// returning raw bytes) into a JSON string, so the Result always encodes.
func asJSON(b []byte) json.RawMessage {
	if len(b) == 0 {
		return json.RawMessage(`""`)
	}
	if json.Valid(b) {
		return json.RawMessage(b)
	}
	s, _ := json.Marshal(string(b))
	return s
}
