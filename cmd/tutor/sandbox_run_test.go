//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildTestHandler compiles the runtimeapi test handler (its own module,
// lambda.Start) into dir.
func buildTestHandler(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bootstrap")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir = filepath.Join("..", "..", "sandbox", "runtimeapi", "testdata", "handler")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod -buildvcs=false", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the test handler: %v\n%s", err, b)
	}
	return out
}

func runCmd(stdin string, args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	g := &globals{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := run(g, args)
	return out.String(), errb.String(), code
}

func TestSandboxRunCommand(t *testing.T) {
	bin := buildTestHandler(t)
	notExec := filepath.Join(t.TempDir(), "bootstrap")
	if err := os.WriteFile(notExec, []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badJSON := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(badJSON, []byte("{\"a\":\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		errType string // for --json runs: the error's type, "" for a response
		stdout  []string
		stderr  string // the one line printed, for failures
	}{
		{name: "json response", stdin: `{"mode":"ok"}`, args: []string{"--event-file", "-", "--json"}},
		{name: "json panic", stdin: `{"mode":"panic"}`, args: []string{"--event-file", "-", "--json"}, errType: "string"},
		{name: "json exit", stdin: `{"mode":"exit","code":3}`, args: []string{"--event-file", "-", "--json"}, errType: "Runtime.ExitError"},
		{name: "json timeout", stdin: `{"mode":"sleep","ms":60000}`, args: []string{"--event-file", "-", "--json", "--timeout", "1s"}, errType: "Sandbox.Timedout"},
		{name: "human error", stdin: `{"mode":"error","log":"looking up order 42"}`, args: []string{"--event-file", "-"},
			stdout: []string{"Error:\n", `"errorType": "OrderError"`, "stdout: looking up order 42\n", "\nEND RequestId: ", "\tMemory Size: 128 MB\n"}},
		{name: "human response, default event {}", args: nil, stdout: []string{"Response:\n", `"mode": ""`, "REPORT RequestId: "}},
		{name: "sample event", args: []string{"--event", "sqs-ok", "--json"}},
		{name: "env", stdin: `{"mode":"env"}`, args: []string{"--event-file", "-", "--env", "TESTHANDLER_EXTRA=from-flag"}, stdout: []string{`"TESTHANDLER_EXTRA": "from-flag"`}},
		{name: "no --bin", args: []string{"--bin", ""}, code: 2, stderr: "tutor: --bin PATH is required"},
		{name: "both event flags", args: []string{"--event", "sqs-ok", "--event-file", "x.json"}, code: 2, stderr: "tutor: use --event or --event-file, not both"},
		{name: "bad --env", args: []string{"--env", "NOEQUALS"}, code: 2, stderr: `tutor: --env "NOEQUALS": want KEY=VALUE`},
		{name: "reserved --env", args: []string{"--env", "AWS_LAMBDA_RUNTIME_API=x"}, code: 2, stderr: "tutor: --env AWS_LAMBDA_RUNTIME_API: reserved"},
		{name: "zero timeout", args: []string{"--timeout", "0s"}, code: 2, stderr: "tutor: --timeout 0s: want a duration above 0"},
		{name: "missing binary", args: []string{"--bin", "/nonexistent/bootstrap"}, code: 1, stderr: "tutor: --bin /nonexistent/bootstrap: no such file"},
		{name: "not executable", args: []string{"--bin", notExec}, code: 1, stderr: "tutor: --bin " + notExec + ": not executable"},
		{name: "event not JSON", args: []string{"--event-file", badJSON}, code: 1, stderr: "tutor: event file " + badJSON + ": not JSON"},
		{name: "unknown event", args: []string{"--event", "nope"}, code: 1, stderr: `tutor: unknown event "nope" (known: `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"sandbox", "run", "--bin", bin}, tt.args...)
			began := time.Now()
			out, errOut, code := runCmd(tt.stdin, args...)
			if time.Since(began) > 30*time.Second {
				t.Errorf("took %v", time.Since(began))
			}
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, errOut)
			}
			if tt.code != 0 {
				if !strings.HasPrefix(errOut, tt.stderr) || strings.Count(errOut, "\n") != 1 {
					t.Errorf("stderr = %q, want one line starting %q", errOut, tt.stderr)
				}
				return
			}
			for _, want := range tt.stdout {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			if slicesContain(tt.args, "--json") {
				checkRunJSON(t, out, tt.errType)
			}
		})
	}
}

// checkRunJSON checks every field of the --json contract.
func checkRunJSON(t *testing.T, out, errType string) {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"requestId", "handler", "event", "response", "error", "durationMs", "billedDurationMs", "logs"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	var r struct {
		Error *struct{ ErrorType, ErrorMessage string }
		Logs  []string
	}
	_ = json.Unmarshal([]byte(out), &r)
	switch {
	case errType == "" && r.Error != nil:
		t.Errorf("error = %+v, want none", r.Error)
	case errType != "" && (r.Error == nil || r.Error.ErrorType != errType):
		t.Errorf("error = %+v, want type %s", r.Error, errType)
	case errType == "" && string(m["response"]) == "null":
		t.Error("response is null")
	}
	if r.Logs == nil {
		t.Error("logs is null, want a list")
	}
}

func slicesContain(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// The built binary, stopped by SIGTERM or ctrl+c (SIGINT), leaves no
// handler process behind.
func TestSandboxSignalsKillChildren(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc to find the handler processes")
	}
	bin := buildTestHandler(t)

	t.Run("run, SIGTERM", func(t *testing.T) {
		cmd := exec.Command(tutorBin, "sandbox", "run", "--bin", bin, "--timeout", "60s", "--event-file", "-")
		cmd.Stdin = strings.NewReader(`{"mode":"sleep","ms":60000}`)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		kids := waitChildren(t, cmd.Process.Pid, 1)
		_ = cmd.Process.Signal(syscall.SIGTERM)
		err := cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Errorf("exit: %v, want status 1 after SIGTERM", err)
		}
		checkGone(t, kids)
	})

	t.Run("emulate, SIGINT", func(t *testing.T) {
		cmd := exec.Command(tutorBin, "sandbox", "emulate", "--bin", bin, "--listen", "127.0.0.1:0", "--concurrency", "2")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Process.Kill()
		banner, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		url := regexp.MustCompile(`http://\S+`).FindString(banner)
		resp, err := http.Post(url, "application/json", strings.NewReader(`{"mode":"ok"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("invoke: %s", resp.Status)
		}
		kids := waitChildren(t, cmd.Process.Pid, 2)
		_ = cmd.Process.Signal(os.Interrupt)
		go func() { _, _ = bufio.NewReader(stdout).WriteTo(new(bytes.Buffer)) }()
		if err := cmd.Wait(); err != nil {
			t.Errorf("exit: %v, want 0 after ctrl+c", err)
		}
		checkGone(t, kids)
	})
}

// waitChildren returns the PIDs of parent's children once there are n.
func waitChildren(t *testing.T, parent, n int) []int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if kids := childrenOf(parent); len(kids) >= n {
			return kids
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("process %d never had %d children", parent, n)
	return nil
}

func childrenOf(parent int) []int {
	var kids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces, so split after ')'.
		rest := string(b[bytes.LastIndexByte(b, ')')+1:])
		if f := strings.Fields(rest); len(f) > 1 && f[1] == strconv.Itoa(parent) {
			kids = append(kids, pid)
		}
	}
	return kids
}

func checkGone(t *testing.T, pids []int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for _, pid := range pids {
		for running(pid) {
			if time.Now().After(deadline) {
				t.Errorf("handler process %d outlived tutor", pid)
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// running reports whether a process exists and is not a zombie: a zombie
// runs nothing, and the watchdog, reparented to init when tutor ends, may
// stay one until init gets round to reaping it.
func running(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	f := bytes.Fields(b[bytes.LastIndexByte(b, ')')+1:])
	return len(f) > 0 && f[0][0] != 'Z' && f[0][0] != 'X'
}
