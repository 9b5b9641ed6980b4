//go:build unix

package runtimeapi

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func newTestPool(t *testing.T, n int, timeout time.Duration) *Pool {
	t.Helper()
	p, err := NewPool(Config{Bin: handlerBin, Timeout: timeout}, n, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		pids := p.PIDs()
		p.Close()
		for _, pid := range pids {
			if alive(pid) {
				t.Errorf("process %d outlived Close", pid)
			}
		}
	})
	return p
}

// Four slow invocations on four warm copies run at the same time: each
// handler's [start, end) interval overlaps every other's.
func TestPoolConcurrent(t *testing.T) {
	p := newTestPool(t, 4, 10*time.Second)
	srv := httptest.NewServer(p)
	defer srv.Close()
	var wg sync.WaitGroup
	resps := make([]handlerResponse, 4)
	errs := make([]error, 4)
	for i := range 4 {
		wg.Go(func() {
			body, status, _, err := post(srv.URL, `{"mode":"sleep","ms":800}`)
			if err == nil && status != http.StatusOK {
				err = &httpError{status, body}
			}
			if err == nil {
				err = json.Unmarshal(body, &resps[i])
			}
			errs[i] = err
		})
	}
	wg.Wait()
	pids := map[int]bool{}
	for i, r := range resps {
		if errs[i] != nil {
			t.Fatalf("invocation %d: %v", i, errs[i])
		}
		pids[r.PID] = true
		for j, o := range resps {
			if i != j && !(r.StartNs < o.EndNs && o.StartNs < r.EndNs) {
				t.Errorf("invocations %d and %d did not overlap: %d-%d vs %d-%d", i, j, r.StartNs, r.EndNs, o.StartNs, o.EndNs)
			}
		}
	}
	if len(pids) != 4 {
		t.Errorf("served by %d processes, want 4", len(pids))
	}
}

// The emulator's answers, as AWS's Runtime Interface Emulator gives them.
func TestEmulateResponses(t *testing.T) {
	p := newTestPool(t, 1, time.Second)
	srv := httptest.NewServer(p)
	defer srv.Close()
	tests := []struct {
		name, event string
		status      int
		funcErr     bool
		body        string // substring
	}{
		{"response", `{"mode":"ok"}`, 200, false, `"mode":"ok"`},
		{"error", `{"mode":"error"}`, 200, true, `{"errorMessage":"order 42 failed: out of stock","errorType":"OrderError"}`},
		{"warm after an error", `{"mode":"ok"}`, 200, false, `"mode":"ok"`},
		{"panic", `{"mode":"panic"}`, 200, true, `"errorMessage":"boom: nil order","errorType":"string","stackTrace":[`},
		{"fresh copy after a panic", `{"mode":"ok"}`, 200, false, `"mode":"ok"`},
		{"exit", `{"mode":"exit","code":3}`, 502, true, `{"errorType":"Runtime.ExitError","errorMessage":"RequestId: `},
		{"fresh copy after an exit", `{"mode":"ok"}`, 200, false, `"mode":"ok"`},
		{"timeout", `{"mode":"sleep","ms":30000}`, 200, true, "Task timed out after 1.00 seconds"},
		{"fresh copy after a timeout", `{"mode":"ok"}`, 200, false, `"mode":"ok"`},
		{"empty body is {}", ``, 200, false, `"mode":""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, status, h, err := post(srv.URL, tt.event)
			if err != nil {
				t.Fatal(err)
			}
			if status != tt.status || !strings.Contains(string(body), tt.body) {
				t.Errorf("got %d %s, want %d with %s", status, body, tt.status, tt.body)
			}
			if got := h.Get("X-Amz-Function-Error") != ""; got != tt.funcErr {
				t.Errorf("X-Amz-Function-Error = %q", h.Get("X-Amz-Function-Error"))
			}
		})
	}
}

func TestEmulateInitError(t *testing.T) {
	p, err := NewPool(Config{Bin: handlerBin, Env: []string{"TESTHANDLER_INIT_ERROR=missing TABLE"}}, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	srv := httptest.NewServer(p)
	defer srv.Close()
	for range 2 { // and again on the copy started in its place
		body, status, h, err := post(srv.URL, `{"mode":"ok"}`)
		if err != nil {
			t.Fatal(err)
		}
		if status != http.StatusBadGateway || string(body) != `{"errorMessage":"missing TABLE","errorType":"ConfigError"}` ||
			h.Get("X-Amz-Function-Error") != "Unhandled" {
			t.Errorf("got %d %s %v", status, body, h)
		}
	}
}

// The caller's request ID, trace header and client context reach the handler.
func TestEmulateRequestHeaders(t *testing.T) {
	p := newTestPool(t, 1, 3*time.Second)
	srv := httptest.NewServer(p)
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+InvokePath, strings.NewReader(`{"mode":"env"}`))
	req.Header.Set("X-Amzn-RequestId", "my-request-1")
	req.Header.Set("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
	req.Header.Set("X-Amz-Client-Context", base64.StdEncoding.EncodeToString([]byte(`{"custom":{"tenant":"t-1"}}`)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r handlerResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	if r.RequestID != "my-request-1" || resp.Header.Get("X-Amzn-RequestId") != "my-request-1" {
		t.Errorf("request ID %q / header %q", r.RequestID, resp.Header.Get("X-Amzn-RequestId"))
	}
	if r.Env["_X_AMZN_TRACE_ID"] != req.Header.Get("X-Amzn-Trace-Id") {
		t.Errorf("trace ID %q, want the caller's", r.Env["_X_AMZN_TRACE_ID"])
	}
	if r.Custom["tenant"] != "t-1" {
		t.Errorf("client context custom = %v", r.Custom)
	}
}

func TestEmulateRejects(t *testing.T) {
	p := newTestPool(t, 1, 3*time.Second)
	tests := []struct {
		method, path string
		body         io.Reader
		status       int
	}{
		{http.MethodGet, InvokePath, nil, http.StatusMethodNotAllowed},
		{http.MethodPost, "/2015-03-31/functions/other/invocations", strings.NewReader("{}"), http.StatusNotFound},
		{http.MethodPost, InvokePath, bytes.NewReader(make([]byte, maxRequest+1)), http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, tt.body))
		if rec.Code != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, rec.Code, tt.status)
		}
	}
}

func TestPoolLogs(t *testing.T) {
	var logs syncBuffer
	p, err := NewPool(Config{Bin: handlerBin}, 1, &logs)
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Invoke(context.Background(), "req-1", []byte(`{"mode":"ok","log":"visible"}`))
	p.Close()
	if err != nil || out.Kind != Success {
		t.Fatal(err, out.Kind)
	}
	for _, want := range []string{"START RequestId: req-1 Version: $LATEST", "stdout: visible", "stderr: visible",
		"END RequestId: req-1", "REPORT RequestId: req-1\tDuration: "} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %q:\n%s", want, logs.String())
		}
	}
}

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr, want string
		ok         bool
	}{
		{"127.0.0.1:8080", "127.0.0.1:8080", true},
		{"localhost:0", "127.0.0.1:0", true},
		{"[::1]:9000", "[::1]:9000", true},
		{"127.1.2.3:80", "127.1.2.3:80", true},
		{"0.0.0.0:8080", "", false},
		{":8080", "", false},
		{"192.168.1.5:8080", "", false},
		{"example.com:80", "", false},
		{"127.0.0.1", "", false},
		{"127.0.0.1:http", "", false},
	}
	for _, tt := range tests {
		got, err := CheckLoopback(tt.addr)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("CheckLoopback(%q) = %q, %v", tt.addr, got, err)
		}
	}
}

func post(base, event string) ([]byte, int, http.Header, error) {
	resp, err := http.Post(base+InvokePath, "application/json", strings.NewReader(event))
	if err != nil {
		return nil, 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return b, resp.StatusCode, resp.Header, err
}

type httpError struct {
	status int
	body   []byte
}

func (e *httpError) Error() string { return http.StatusText(e.status) + ": " + string(e.body) }

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
