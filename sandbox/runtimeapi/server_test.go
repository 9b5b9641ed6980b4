package runtimeapi

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A worker with no process behind it, to drive the Runtime API by hand.
func bareWorker() *worker {
	return &worker{
		cfg:     Config{Bin: "fn", Timeout: 2 * time.Second}.withDefaults(),
		arn:     "arn:aws:lambda:us-east-1:123456789012:function:fn",
		handoff: make(chan *invocation),
		exited:  make(chan struct{}),
		initErr: make(chan struct{}),
	}
}

func TestRuntimeAPIProtocol(t *testing.T) {
	w := bareWorker()
	srv := httptest.NewServer(w)
	defer srv.Close()
	inv := &invocation{id: "req-1", payload: []byte(`{"k":1}`), done: make(chan reply, 1)}
	go func() { w.handoff <- inv }()

	resp, err := http.Get(srv.URL + nextPath)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != `{"k":1}` || resp.Header.Get("Lambda-Runtime-Aws-Request-Id") != "req-1" ||
		resp.Header.Get("Lambda-Runtime-Invoked-Function-Arn") != w.arn ||
		resp.Header.Get("Lambda-Runtime-Deadline-Ms") == "" || resp.Header.Get("Lambda-Runtime-Trace-Id") == "" {
		t.Fatalf("next: %s %v", body, resp.Header)
	}

	steps := []struct {
		path, body string
		status     int
	}{
		{invocationPath + "other-id/response", `{}`, http.StatusBadRequest},
		{invocationPath + "req-1/bogus", `{}`, http.StatusNotFound},
		{invocationPath + "req-1/response", `{"ok":true}`, http.StatusAccepted},
		{invocationPath + "req-1/response", `{"ok":true}`, http.StatusBadRequest}, // answered already
	}
	for _, s := range steps {
		resp, err := http.Post(srv.URL+s.path, "application/json", strings.NewReader(s.body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != s.status {
			t.Errorf("POST %s: %d, want %d", s.path, resp.StatusCode, s.status)
		}
	}
	if r := <-inv.done; r.kind != Success || string(r.body) != `{"ok":true}` {
		t.Errorf("reply = %+v", r)
	}
}

func TestRuntimeAPIErrors(t *testing.T) {
	tests := []struct {
		name, verb, body, headerType string
		size                         int
		status                       int
		kind                         Kind
		errType, errMsg              string
	}{
		{name: "error JSON", verb: "error", body: `{"errorMessage":"bad","errorType":"MyError"}`,
			status: 202, kind: FunctionError, errType: "MyError", errMsg: "bad"},
		{name: "type from header", verb: "error", body: `not json`, headerType: "Runtime.Custom",
			status: 202, kind: FunctionError, errType: "Runtime.Custom", errMsg: "not json"},
		{name: "response over 6 MB", verb: "response", size: maxResponse + 1,
			status: 413, kind: FunctionError, errType: "Function.ResponseSizeTooLarge", errMsg: "exceeded maximum allowed payload size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := bareWorker()
			inv := &invocation{id: "r", done: make(chan reply, 1)}
			w.current = inv
			body := tt.body
			if tt.size > 0 {
				body = strings.Repeat("x", tt.size)
			}
			req := httptest.NewRequest(http.MethodPost, invocationPath+"r/"+tt.verb, strings.NewReader(body))
			if tt.headerType != "" {
				req.Header.Set(headerErrorType, tt.headerType)
			}
			rec := httptest.NewRecorder()
			w.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			o := w.outcome("r", <-inv.done, 0)
			if o.Kind != tt.kind || o.Error == nil || o.Error.ErrorType != tt.errType || !strings.Contains(o.Error.ErrorMessage, tt.errMsg) {
				t.Errorf("outcome %v %+v", o.Kind, o.Error)
			}
		})
	}
}

func TestInitErrorEndpoint(t *testing.T) {
	w := bareWorker()
	req := httptest.NewRequest(http.MethodPost, initErrorPath, strings.NewReader(`{"errorMessage":"no config","errorType":"InitFailed"}`))
	rec := httptest.NewRecorder()
	w.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted {
		t.Fatalf("status %d", rec.Code)
	}
	select {
	case <-w.initErr:
	default:
		t.Fatal("init error not signalled")
	}
	o := w.initOutcome("r", 0)
	if o.Kind != InitError || o.Error.ErrorType != "InitFailed" || o.Error.ErrorMessage != "no config" {
		t.Errorf("outcome %v %+v", o.Kind, o.Error)
	}
}
