package runtimeapi

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"

	"github.com/tutor-dev/tutor/sandbox"
)

// InvokePath is the path AWS's Runtime Interface Emulator (and Lambda's
// Invoke API, for a function named "function") serves.
const InvokePath = "/2015-03-31/functions/function/invocations"

// maxRequest is Lambda's limit for a synchronous invocation's payload (6 MB).
const maxRequest = 6 << 20

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// ServeHTTP answers POST InvokePath like the Runtime Interface Emulator: the
// body is the event; the answer is the function's response, or the error
// JSON the runtime posted (with Lambda's X-Amz-Function-Error header), with
// status 502 the init/error JSON or a Runtime.ExitError JSON for a process
// that exited, and "Task timed out after N.00 seconds" for a timeout. One
// difference: the emulator answers 502 to a panic (aws-lambda-go exits after
// reporting it); here it is the function error it is, status 200.
func (p *Pool) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if r.URL.Path != InvokePath {
		http.NotFound(rw, r)
		return
	}
	if r.Method != http.MethodPost {
		rw.Header().Set("Allow", http.MethodPost)
		http.Error(rw, "use POST", http.StatusMethodNotAllowed)
		return
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	if r.ContentLength > 0 && r.ContentLength <= maxRequest {
		buf.Grow(int(r.ContentLength))
	}
	n, err := buf.ReadFrom(io.LimitReader(r.Body, maxRequest+1))
	if err != nil {
		bufPool.Put(buf)
		return
	}
	if n > maxRequest {
		bufPool.Put(buf)
		writeJSON(rw, http.StatusRequestEntityTooLarge,
			`{"Type":"User","message":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"}`)
		return
	}
	event := buf.Bytes()
	if len(event) == 0 {
		event = []byte("{}")
	}
	req := Request{ID: r.Header.Get("X-Amzn-RequestId"), Event: event, TraceID: r.Header.Get("X-Amzn-Trace-Id")}
	if req.ID == "" {
		req.ID = newRequestID()
	}
	if cc := r.Header.Get("X-Amz-Client-Context"); cc != "" {
		b, err := base64.StdEncoding.DecodeString(cc)
		if err != nil {
			bufPool.Put(buf)
			http.Error(rw, "X-Amz-Client-Context is not base64: "+err.Error(), http.StatusBadRequest)
			return
		}
		req.ClientContext = string(b)
	}
	id := req.ID
	out, err := p.Do(r.Context(), req)
	if err == nil && (out.Kind == Success || out.Kind == FunctionError) {
		bufPool.Put(buf) // the runtime has read the event; anywhere else it may still be in flight
	}
	if err != nil {
		if err != errCanceled {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
		}
		return
	}
	h := rw.Header()
	h["X-Amzn-Requestid"] = []string{id}
	body := out.Body
	status := http.StatusOK
	switch out.Kind {
	case FunctionError:
		h["X-Amz-Function-Error"] = []string{"Unhandled"}
	case ExitError, InitError:
		h["X-Amz-Function-Error"] = []string{"Unhandled"}
		status = http.StatusBadGateway
	case Timeout:
		h["X-Amz-Function-Error"] = []string{"Unhandled"}
		body = []byte(sandbox.TimeoutMessage(p.cfg.Timeout))
	}
	if out.Kind == Success && out.ContentType != "" && out.ContentType != "application/octet-stream" {
		h["Content-Type"] = []string{out.ContentType}
	} else if out.Kind == Timeout {
		h["Content-Type"] = []string{"text/plain; charset=utf-8"}
	} else {
		h["Content-Type"] = []string{contentTypeJSON}
	}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	rw.WriteHeader(status)
	_, _ = rw.Write(body)
}

// CheckLoopback refuses an address that would listen beyond this machine.
func CheckLoopback(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("%q is not HOST:PORT: %v", addr, err)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("%s is not a loopback address; tutor serves only this machine (use 127.0.0.1:%s)", addr, port)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return "", fmt.Errorf("%s: port %q is not a number from 0 to 65535", addr, port)
	}
	return net.JoinHostPort(host, port), nil
}
