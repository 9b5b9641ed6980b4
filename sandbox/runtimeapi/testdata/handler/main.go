// Command handler is a Lambda function built with aws-lambda-go's
// lambda.Start, used by the runtimeapi tests and benchmarks. The event picks
// what it does, so one binary covers every path the Runtime API must report.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

// Event chooses the behaviour: ok (default), error, panic, exit, sleep.
type Event struct {
	Mode string `json:"mode"`
	Ms   int    `json:"ms"`   // sleep: how long, ignoring the deadline as a stuck handler would
	Code int    `json:"code"` // exit: the status
	Log  string `json:"log"`  // printed to stdout and stderr before anything else
	// bigline: print one line of Bytes bytes (in 4 KB writes) Lines times
	Bytes int `json:"bytes"`
	Lines int `json:"lines"`
}

// Response tells the test who answered and when.
type Response struct {
	Mode      string            `json:"mode"`
	RequestID string            `json:"requestId"`
	ARN       string            `json:"arn"`
	PID       int               `json:"pid"`
	StartNs   int64             `json:"startNs"`
	EndNs     int64             `json:"endNs"`
	Deadline  int64             `json:"deadlineMs"`
	Env       map[string]string `json:"env,omitempty"`
	Custom    map[string]string `json:"custom,omitempty"`   // the client context's custom values
	ChildPID  int               `json:"childPid,omitempty"` // spawn: the child left running in its own session
	Pad       string            `json:"pad,omitempty"`      // bigresp: Bytes bytes of padding
}

// OrderError is a typed error so errorType is predictable.
type OrderError struct{ ID string }

func (e *OrderError) Error() string { return "order " + e.ID + " failed: out of stock" }

var envKeys = []string{
	"AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
	"AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_REGION", "_HANDLER",
	"LAMBDA_TASK_ROOT", "TESTHANDLER_EXTRA", "_X_AMZN_TRACE_ID",
}

func handle(ctx context.Context, ev Event) (*Response, error) {
	start := time.Now()
	lc, _ := lambdacontext.FromContext(ctx)
	fmt.Printf("pid=%d mode=%s\n", os.Getpid(), ev.Mode)
	if ev.Log != "" {
		fmt.Println("stdout: " + ev.Log)
		fmt.Fprintln(os.Stderr, "stderr: "+ev.Log)
	}
	switch ev.Mode {
	case "error":
		return nil, &OrderError{ID: "42"}
	case "wrapped-error":
		return nil, fmt.Errorf("handling order: %w", &OrderError{ID: "42"})
	case "plain-error":
		return nil, errors.New("plain failure")
	case "panic":
		panic("boom: nil order")
	case "exit":
		os.Exit(ev.Code)
	case "sleep":
		time.Sleep(time.Duration(ev.Ms) * time.Millisecond)
	case "bigline":
		chunk := bytes.Repeat([]byte{byte('a' + os.Getpid()%26)}, 4096)
		for range max(ev.Lines, 1) {
			for left := ev.Bytes; left > 0; left -= len(chunk) {
				os.Stdout.Write(chunk[:min(left, len(chunk))])
			}
			os.Stdout.Write([]byte("\n"))
		}
	}
	r := &Response{Mode: ev.Mode, PID: os.Getpid(), StartNs: start.UnixNano(), EndNs: time.Now().UnixNano()}
	if ev.Mode == "bigresp" {
		r.Pad = strings.Repeat("p", ev.Bytes)
	}
	if ev.Mode == "spawn" {
		pid, err := spawnSleeper()
		if err != nil {
			return nil, err
		}
		r.ChildPID = pid
	}
	if lc != nil {
		r.RequestID, r.ARN = lc.AwsRequestID, lc.InvokedFunctionArn
		r.Custom = lc.ClientContext.Custom
	}
	if d, ok := ctx.Deadline(); ok {
		r.Deadline = d.UnixMilli()
	}
	if ev.Mode == "env" {
		r.Env = map[string]string{}
		for _, k := range envKeys {
			r.Env[k] = os.Getenv(k)
		}
	}
	return r, nil
}

func main() {
	if os.Getenv("TESTHANDLER_SLEEPER") != "" {
		for {
			time.Sleep(time.Hour)
		} // the spawned child: lives until killed
	}
	if os.Getenv("TESTHANDLER_NO_NEXT") != "" {
		for {
			time.Sleep(time.Hour)
		} // init that never ends: never asks for an invocation
	}
	if msg := os.Getenv("TESTHANDLER_INIT_ERROR"); msg != "" {
		reportInitError(msg)
		os.Exit(1)
	}
	lambda.Start(handle)
}

// reportInitError does what a runtime does when its init code fails.
func reportInitError(msg string) {
	url := "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/init/error"
	body := fmt.Sprintf(`{"errorMessage":%q,"errorType":"ConfigError"}`, msg)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewBufferString(body))
	req.Header.Set("Lambda-Runtime-Function-Error-Type", "Runtime.ConfigError")
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
}

// spawnSleeper starts a copy of this binary in a session of its own
// (setsid), out of the handler's process group, that never exits.
func spawnSleeper() (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "TESTHANDLER_SLEEPER=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	return cmd.Process.Pid, nil
}
