//go:build unix

package runtimeapi

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
)

// rawRequest sends head (and body) on a fresh connection and returns the
// status line of the answer; closeWrite ends the request stream early.
func rawRequest(t *testing.T, addr, head, body string, closeWrite bool) string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(30 * time.Second)) // a hang fails the test instead of hanging it
	if _, err := c.Write([]byte(head + body)); err != nil {
		t.Fatal(err)
	}
	if closeWrite {
		_ = c.(*net.TCPConn).CloseWrite()
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return "no answer: " + err.Error()
	}
	return strings.TrimSpace(line)
}

func shortBodyIdle(t *testing.T) {
	old := bodyIdle
	bodyIdle = 300 * time.Millisecond
	t.Cleanup(func() { bodyIdle = old })
}

const head6MB = "POST " + InvokePath + " HTTP/1.1\r\nHost: x\r\nContent-Length: 6291456\r\n\r\n"

// Item 8: a request that declares 6 MB and sends little or nothing is
// dropped once its body stalls, and costs no 6 MB buffer meanwhile.
func TestEmulateStalledBodies(t *testing.T) {
	shortBodyIdle(t)
	p := newTestPool(t, 1, 3*time.Second)
	srv := httptest.NewServer(p)
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	if got := rawRequest(t, addr, head6MB, `{"mode":`, false); !strings.Contains(got, " 408 ") {
		t.Fatalf("a body that stalls got %q, want 408", got)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if got := rawRequest(t, addr, head6MB, "", false); !strings.Contains(got, " 408 ") {
				t.Errorf("a header-only request got %q, want 408", got)
			}
		})
	}
	wg.Wait()
	runtime.ReadMemStats(&after)
	if d := after.TotalAlloc - before.TotalAlloc; d > 20<<20 {
		t.Errorf("20 header-only requests declaring 6 MB allocated %d MB; the body is read as it arrives", d>>20)
	}
}

// Item 9: a body cut off, malformed or not JSON gets 400, not 200 and
// silence; one over 6 MB without a Content-Length gets 413.
func TestEmulateBadBodies(t *testing.T) {
	shortBodyIdle(t)
	p := newTestPool(t, 1, 3*time.Second)
	srv := httptest.NewServer(p)
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	post := "POST " + InvokePath + " HTTP/1.1\r\nHost: x\r\n"
	chunked := post + "Transfer-Encoding: chunked\r\n\r\n"
	tests := []struct {
		name, head, body string
		closeWrite       bool
		want             string
	}{
		{"cut off", post + "Content-Length: 100\r\n\r\n", `{"mode":"ok"`, true, " 400 "},
		{"malformed chunks", chunked, "zz\r\nnot hex\r\n", false, " 400 "},
		{"not JSON", post + "Content-Length: 6\r\n\r\n", `{"a": `, false, " 400 "},
		{"over 6 MB, chunked", chunked, fmt.Sprintf("%x\r\n%s\r\n", sandbox.MaxSyncPayload+1, strings.Repeat(" ", sandbox.MaxSyncPayload+1)), false, " 413 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rawRequest(t, addr, tt.head, tt.body, tt.closeWrite); !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want%s", got, tt.want)
			}
		})
	}
	resp, err := http.Post(srv.URL+InvokePath, "application/json", strings.NewReader(`{"a": x}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 || resp.Header.Get("X-Amzn-ErrorType") != "InvalidRequestContentException" {
		t.Errorf("not JSON: %d %q", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"))
	}
}

// Item 10: a client that goes away mid-invocation does not kill the copy:
// the invocation runs to completion (END and REPORT are logged) and the
// same copy serves the next one.
func TestEmulateClientGoneInvocationCompletes(t *testing.T) {
	var logs syncBuffer
	p, err := NewPool(Config{Bin: handlerBin, Timeout: 10 * time.Second}, 1, &logs)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	pids := p.PIDs()
	srv := httptest.NewServer(p)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+InvokePath, strings.NewReader(`{"mode":"sleep","ms":300}`))
	req.Header.Set("X-Amzn-RequestId", "gone-1")
	done := make(chan struct{})
	go func() {
		defer close(done)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	waitFor(t, &logs, "mode=sleep") // the handler has the event
	cancel()
	<-done
	waitFor(t, &logs, "REPORT RequestId: gone-1")
	if strings.Contains(logs.String(), "Task timed out") {
		t.Errorf("logs:\n%s", logs.String())
	}
	body, status, _, err := postTo(srv.URL, `{"mode":"ok"}`)
	if err != nil || status != 200 {
		t.Fatalf("next invocation: %d %s %v", status, body, err)
	}
	var r handlerResponse
	_ = json.Unmarshal(body, &r)
	if len(pids) != 1 || r.PID != pids[0] {
		t.Errorf("the next invocation ran in %d, not in the copy %v: it was replaced", r.PID, pids)
	}
}

func waitFor(t *testing.T, logs *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(logs.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("logs never showed %q:\n%s", want, logs.String())
		}
	}
}

func postTo(base, event string) ([]byte, int, http.Header, error) { return post(base, event) }

// Item 11: a runtime that never asks for an invocation hits Lambda's Init
// limit, and everything says so: the error, the logs, the duration; the
// function timeout (shorter here) never appears.
func TestRunInitTimeout(t *testing.T) {
	cfg := Config{Bin: handlerBin, Timeout: 100 * time.Millisecond, Env: []string{"TESTHANDLER_NO_NEXT=1"}, initLimit: 500 * time.Millisecond}
	res, err := Run(context.Background(), cfg, []byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	if res.Error == nil || res.Error.ErrorType != "Sandbox.Timedout" || !strings.Contains(res.Error.ErrorMessage, "Init phase timed out after 0.50 seconds") {
		t.Fatalf("error = %+v, want the Init limit named", res.Error)
	}
	all := strings.Join(res.Logs, "\n")
	if strings.Contains(all, "Task timed out") || !strings.Contains(all, "INIT_REPORT Init Duration: ") ||
		!strings.Contains(all, "Phase: init\tStatus: timeout") {
		t.Errorf("logs tell another story:\n%s", all)
	}
	if res.DurationMs < 400 {
		t.Errorf("duration %.2f ms; the Init limit was 500 ms", res.DurationMs)
	}
}

// Item 11, for emulate: the same story in the answer and the logs.
func TestEmulateInitTimeout(t *testing.T) {
	var logs syncBuffer
	cfg := Config{Bin: handlerBin, Timeout: 100 * time.Millisecond, Env: []string{"TESTHANDLER_NO_NEXT=1"}, initLimit: 300 * time.Millisecond}
	p, err := NewPool(cfg, 1, &logs)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p)
	body, status, _, err := post(srv.URL, `{}`)
	srv.Close()
	p.Close()
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusBadGateway || !strings.Contains(string(body), "Init phase timed out after 0.30 seconds") {
		t.Errorf("got %d %s", status, body)
	}
	if l := logs.String(); strings.Contains(l, "Task timed out") || strings.Contains(l, "Duration: 100.00 ms") ||
		!strings.Contains(l, "INIT_REPORT Init Duration: ") {
		t.Errorf("logs tell another story:\n%s", l)
	}
}
