//go:build linux

package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// spawned is what the test handler answers to {"mode":"spawn"}: its own PID
// and the PID of a child it left running in a session of its own.
type spawned struct {
	PID      int `json:"pid"`
	ChildPID int `json:"childPid"`
}

// Item 12: whatever a handler starts, even in its own session (setsid), is
// gone when `sandbox run` ends and when tutor itself is killed with -9.
func TestSandboxLeavesNoProcessBehind(t *testing.T) {
	bin := buildTestHandler(t)

	t.Run("run", func(t *testing.T) {
		cmd := exec.Command(tutorBin, "sandbox", "run", "--bin", bin, "--json", "--event-file", "-")
		cmd.Stdin = strings.NewReader(`{"mode":"spawn"}`)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		var res struct{ Response spawned }
		if err := json.Unmarshal(out, &res); err != nil || res.Response.ChildPID == 0 {
			t.Fatalf("output %s: %v", out, err)
		}
		gone(t, res.Response.PID, res.Response.ChildPID)
	})

	t.Run("emulate, kill -9", func(t *testing.T) {
		cmd := exec.Command(tutorBin, "sandbox", "emulate", "--bin", bin, "--listen", "127.0.0.1:0", "--concurrency", "1")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Process.Kill()
		br := bufio.NewReader(stdout)
		banner, err := br.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		go func() { _, _ = io.Copy(io.Discard, br) }()
		url := regexp.MustCompile(`http://\S+`).FindString(banner)
		resp, err := http.Post(url, "application/json", strings.NewReader(`{"mode":"spawn"}`))
		if err != nil {
			t.Fatal(err)
		}
		var s spawned
		err = json.NewDecoder(resp.Body).Decode(&s)
		resp.Body.Close()
		if err != nil || s.ChildPID == 0 {
			t.Fatalf("spawn: %v %+v", err, s)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		gone(t, s.PID, s.ChildPID)
	})
}

// gone waits until each process has exited (a zombie whose parent is gone
// counts: it runs nothing and init reaps it).
func gone(t *testing.T, pids ...int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for _, pid := range pids {
		for running(pid) {
			if time.Now().After(deadline) {
				t.Errorf("process %d is still running", pid)
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
