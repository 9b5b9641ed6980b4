// Package sandbox invokes Lambda handlers locally and reports what Lambda
// would show: the response or the error in Lambda's shape, the log lines and
// a REPORT line. It knows nothing of terminals; the TUI and the CLI are two
// clients of the same Result.
package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
)

// Result is one invocation as Lambda reports it. Its JSON form is the
// contract of `tutor sandbox invoke --json` and `tutor sandbox run --json`.
type Result struct {
	RequestID        string          `json:"requestId"`
	Handler          string          `json:"handler"`
	Event            json.RawMessage `json:"event"`
	Response         json.RawMessage `json:"response"` // null when the invocation failed
	Error            *ErrorInfo      `json:"error"`    // null when it succeeded
	DurationMs       float64         `json:"durationMs"`
	BilledDurationMs int64           `json:"billedDurationMs"`
	Logs             []string        `json:"logs"`
	MemorySizeMB     int             `json:"-"`
}

// ErrorInfo is an error in the shape Lambda returns it to the caller.
type ErrorInfo struct {
	ErrorType    string `json:"errorType"`
	ErrorMessage string `json:"errorMessage"`
}

// BilledMs rounds a duration up to the next whole millisecond, as Lambda
// bills (1 ms granularity).
func BilledMs(ms float64) int64 {
	b := int64(math.Ceil(ms))
	if b < 1 {
		b = 1
	}
	return b
}

// ReportLine is the line Lambda logs at the end of every invocation.
func (r *Result) ReportLine() string {
	mem := r.MemorySizeMB
	if mem == 0 {
		mem = 128
	}
	return fmt.Sprintf("REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
		r.RequestID, r.DurationMs, r.BilledDurationMs, mem)
}

// WriteHuman prints a result for a person: the response or error, the logs
// and the REPORT line.
func WriteHuman(w io.Writer, r *Result) error {
	if r.Error != nil {
		b, _ := json.MarshalIndent(r.Error, "", "  ")
		fmt.Fprintf(w, "Error:\n%s\n", b)
	} else {
		fmt.Fprintf(w, "Response:\n%s\n", indent(r.Response))
	}
	fmt.Fprintln(w, "\nLogs:")
	fmt.Fprintf(w, "START RequestId: %s\n", r.RequestID)
	for _, l := range r.Logs {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintf(w, "END RequestId: %s\n", r.RequestID)
	_, err := fmt.Fprintln(w, r.ReportLine())
	return err
}

func indent(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "null"
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}
