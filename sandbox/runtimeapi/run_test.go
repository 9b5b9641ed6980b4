//go:build unix

package runtimeapi

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// handlerResponse is what the test handler returns.
type handlerResponse struct {
	Mode      string            `json:"mode"`
	RequestID string            `json:"requestId"`
	ARN       string            `json:"arn"`
	PID       int               `json:"pid"`
	StartNs   int64             `json:"startNs"`
	EndNs     int64             `json:"endNs"`
	Deadline  int64             `json:"deadlineMs"`
	Env       map[string]string `json:"env"`
	Custom    map[string]string `json:"custom"`
}

func TestRun(t *testing.T) {
	tests := []struct {
		name      string
		event     string
		env       []string
		errType   string // "" for success
		errSubstr string
		logs      []string // lines that must appear
	}{
		{name: "response", event: `{"mode":"ok"}`},
		{name: "returned error", event: `{"mode":"error"}`, errType: "OrderError", errSubstr: "order 42 failed: out of stock"},
		{name: "wrapped error", event: `{"mode":"wrapped-error"}`, errType: "wrapError", errSubstr: "handling order: order 42 failed"},
		{name: "panic", event: `{"mode":"panic"}`, errType: "string", errSubstr: "boom: nil order"},
		{name: "os.Exit(3)", event: `{"mode":"exit","code":3}`, errType: "Runtime.ExitError",
			errSubstr: "Error: Runtime exited with error: exit status 3", logs: []string{"Runtime.ExitError"}},
		{name: "os.Exit(0)", event: `{"mode":"exit","code":0}`, errType: "Runtime.ExitError",
			errSubstr: "Runtime exited without providing a reason"},
		{name: "event that does not fit", event: `{"mode":42}`, errType: "UnmarshalTypeError", errSubstr: "cannot unmarshal number"},
		{name: "init error", event: `{}`, env: []string{"TESTHANDLER_INIT_ERROR=missing TABLE_NAME"},
			errType: "ConfigError", errSubstr: "missing TABLE_NAME"},
		{name: "logs", event: `{"mode":"ok","log":"hello from the handler"}`,
			logs: []string{"stdout: hello from the handler", "stderr: hello from the handler"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(context.Background(), Config{Bin: handlerBin, Env: tt.env}, []byte(tt.event))
			if err != nil {
				t.Fatal(err)
			}
			if res.RequestID == "" || string(res.Event) != tt.event || res.Handler != handlerBin {
				t.Errorf("result = %+v, want request ID, event and handler", res)
			}
			if res.BilledDurationMs < 1 || res.DurationMs < 0 {
				t.Errorf("duration %v ms billed %v ms", res.DurationMs, res.BilledDurationMs)
			}
			if tt.errType == "" {
				if res.Error != nil {
					t.Fatalf("error = %+v, want none", res.Error)
				}
				var r handlerResponse
				if err := json.Unmarshal(res.Response, &r); err != nil {
					t.Fatalf("response %s: %v", res.Response, err)
				}
				if r.RequestID != res.RequestID || !strings.HasSuffix(r.ARN, ":function:bootstrap") {
					t.Errorf("handler saw request %q ARN %q; result has %q", r.RequestID, r.ARN, res.RequestID)
				}
			} else {
				if res.Error == nil {
					t.Fatalf("no error; response %s", res.Response)
				}
				if res.Error.ErrorType != tt.errType || !strings.Contains(res.Error.ErrorMessage, tt.errSubstr) {
					t.Errorf("error = %+v, want type %q with %q", res.Error, tt.errType, tt.errSubstr)
				}
				if string(res.Response) != "null" {
					t.Errorf("response = %s, want null", res.Response)
				}
			}
			for _, want := range tt.logs {
				if !contains(res.Logs, want) {
					t.Errorf("logs %q lack %q", res.Logs, want)
				}
			}
			if pid := pidFromLogs(res.Logs); pid > 0 && alive(pid) {
				t.Errorf("handler process %d still exists after Run returned", pid)
			}
		})
	}
}

func TestRunEnvironment(t *testing.T) {
	res, err := Run(context.Background(), Config{Bin: handlerBin, Env: []string{"TESTHANDLER_EXTRA=yes"}}, []byte(`{"mode":"env"}`))
	if err != nil || res.Error != nil {
		t.Fatal(err, res.Error)
	}
	var r handlerResponse
	if err := json.Unmarshal(res.Response, &r); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"AWS_LAMBDA_FUNCTION_NAME":        "bootstrap",
		"AWS_LAMBDA_FUNCTION_VERSION":     "$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
		"AWS_LAMBDA_LOG_GROUP_NAME":       "/aws/lambda/bootstrap",
		"AWS_REGION":                      "us-east-1",
		"_HANDLER":                        "bootstrap",
		"LAMBDA_TASK_ROOT":                filepath.Dir(handlerBin),
		"TESTHANDLER_EXTRA":               "yes",
	}
	for k, v := range want {
		if r.Env[k] != v {
			t.Errorf("%s = %q, want %q", k, r.Env[k], v)
		}
	}
	if !regexp.MustCompile(`^\d{4}/\d\d/\d\d/\[\$LATEST\][0-9a-f]{32}$`).MatchString(r.Env["AWS_LAMBDA_LOG_STREAM_NAME"]) {
		t.Errorf("log stream name %q", r.Env["AWS_LAMBDA_LOG_STREAM_NAME"])
	}
	if !regexp.MustCompile(`^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`).MatchString(r.Env["_X_AMZN_TRACE_ID"]) {
		t.Errorf("trace ID %q", r.Env["_X_AMZN_TRACE_ID"])
	}
	if d := time.UnixMilli(r.Deadline); time.Until(d) > DefaultTimeout || time.Until(d) < -time.Minute {
		t.Errorf("deadline %v is not about 3 s after the invocation", d)
	}
}

func TestRunTimeout(t *testing.T) {
	began := time.Now()
	res, err := Run(context.Background(), Config{Bin: handlerBin, Timeout: time.Second}, []byte(`{"mode":"sleep","ms":60000}`))
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(began); took > 20*time.Second {
		t.Fatalf("timeout reported after %v", took)
	}
	if res.Error == nil || res.Error.ErrorType != "Sandbox.Timedout" ||
		!strings.HasSuffix(res.Error.ErrorMessage, "Error: Task timed out after 1.00 seconds") {
		t.Fatalf("error = %+v", res.Error)
	}
	if res.DurationMs != 1000 || res.BilledDurationMs != 1000 {
		t.Errorf("duration %v billed %v, want the timeout", res.DurationMs, res.BilledDurationMs)
	}
	if !containsSuffix(res.Logs, res.RequestID+" Task timed out after 1.00 seconds") {
		t.Errorf("logs %q lack Lambda's time-out line", res.Logs)
	}
	pid := pidFromLogs(res.Logs)
	if pid <= 0 {
		t.Fatalf("no pid in logs %q", res.Logs)
	}
	if alive(pid) {
		t.Errorf("timed-out handler %d is still running", pid)
	}
}

func TestRunCanceled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := Run(ctx, Config{Bin: handlerBin, Timeout: time.Minute}, []byte(`{"mode":"sleep","ms":60000}`))
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	notExec := filepath.Join(dir, "bootstrap")
	if err := os.WriteFile(notExec, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "garbage")
	if err := os.WriteFile(script, []byte{0, 1, 2, 3}, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, bin, event, want string
	}{
		{"missing", filepath.Join(dir, "nope"), `{}`, "no such file"},
		{"not executable", notExec, `{}`, "not executable"},
		{"directory", dir, `{}`, "is a directory"},
		{"not a program", script, `{}`, "starting"},
		{"event not JSON", handlerBin, `{"a":`, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), Config{Bin: tt.bin}, []byte(tt.event))
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("err = %v, want one line with %q", err, tt.want)
			}
		})
	}
}

func contains(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func containsSuffix(lines []string, suffix string) bool {
	for _, l := range lines {
		if strings.HasSuffix(l, suffix) {
			return true
		}
	}
	return false
}

var pidLine = regexp.MustCompile(`^pid=(\d+) `)

// pidFromLogs finds the "pid=N" line the test handler prints first.
func pidFromLogs(lines []string) int {
	for _, l := range lines {
		if m := pidLine.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	return 0
}

// alive reports whether a process exists (a reaped child no longer does).
func alive(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}
