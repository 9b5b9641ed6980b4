package runtimeapi

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
)

// InvokePath is the path AWS's Runtime Interface Emulator (and Lambda's
// Invoke API, for a function named "function") serves.
const InvokePath = "/2015-03-31/functions/function/invocations"

// maxRequest is Lambda's limit for a synchronous invocation's payload.
const maxRequest = sandbox.MaxSyncPayload

// How long a client may take. A request body must keep arriving (one that
// stalls for bodyIdle is dropped with 408, whatever its Content-Length
// promised) and a response must be taken within responseWrite, so slow or
// silent clients hold no memory for long. Variables so tests can shorten them.
var (
	bodyIdle      = 10 * time.Second
	responseWrite = 10 * time.Second
)

// Lambda's answers to an Invoke request it refuses (facts
// invoke.payload.too-large and invoke.request.invalid-content).
const (
	errTooLargeBody  = `{"Type":"User","message":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"}`
	errInvalidPrefix = "Could not parse request body into json: "
)

// ServeHTTP answers POST InvokePath like the Runtime Interface Emulator: the
// body is the event; the answer is the function's response, or the error
// JSON the runtime posted (with Lambda's X-Amz-Function-Error header), with
// status 502 the init/error JSON or a Runtime.ExitError JSON for a process
// that exited, and "Task timed out after N.00 seconds" for a timeout. One
// difference: the emulator answers 502 to a panic (aws-lambda-go exits after
// reporting it); here it is the function error it is, status 200.
//
// The body is read as it arrives, never more than Lambda's 6 MB (413
// RequestTooLargeException past it); a body cut off, malformed or not JSON
// gets 400 InvalidRequestContentException, one that stalls 408. At most
// 2N+4 requests are read and answered at once (N copies); the rest wait,
// unread, so slow clients cannot make it hold unbounded memory. Once an
// invocation starts it runs to completion even if the client goes away, as
// in Lambda; the response is then dropped.
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
	select {
	case p.inflight <- struct{}{}:
		defer func() { <-p.inflight }()
	case <-r.Context().Done():
		return
	}
	rc := http.NewResponseController(rw)
	event, status, msg := readBody(r, rc)
	if status != 0 {
		_ = rc.SetWriteDeadline(time.Now().Add(responseWrite))
		rw.Header()["Connection"] = []string{"close"} // the rest of the body is not worth reading
		writeAPIError(rw, status, msg)
		return
	}
	if len(bytes.TrimSpace(event)) == 0 {
		event = []byte("{}")
	}
	req := Request{ID: r.Header.Get("X-Amzn-RequestId"), Event: event, TraceID: r.Header.Get("X-Amzn-Trace-Id")}
	if req.ID == "" {
		req.ID = newRequestID()
	}
	if cc := r.Header.Get("X-Amz-Client-Context"); cc != "" {
		b, err := base64.StdEncoding.DecodeString(cc)
		if err != nil {
			http.Error(rw, "X-Amz-Client-Context is not base64: "+err.Error(), http.StatusBadRequest)
			return
		}
		req.ClientContext = string(b)
	}
	id := req.ID
	out, err := p.Do(r.Context(), req)
	_ = rc.SetWriteDeadline(time.Now().Add(responseWrite))
	if err != nil {
		if err != errCanceled {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
		}
		return
	}
	h := rw.Header()
	h["X-Amzn-Requestid"] = []string{id}
	body := out.Body
	status = http.StatusOK
	switch out.Kind {
	case FunctionError:
		h["X-Amz-Function-Error"] = []string{"Unhandled"}
	case ExitError, InitError, InitTimeout:
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

// readBody reads the request body as it arrives, at most maxRequest bytes,
// each read within bodyIdle. On failure status is the HTTP status to answer
// and msg Lambda's message.
func readBody(r *http.Request, rc *http.ResponseController) (event []byte, status int, msg string) {
	if r.ContentLength > maxRequest {
		return nil, http.StatusRequestEntityTooLarge, errTooLargeBody
	}
	var buf bytes.Buffer
	chunk := make([]byte, 32<<10)
	for {
		_ = rc.SetReadDeadline(time.Now().Add(bodyIdle))
		n, err := r.Body.Read(chunk)
		if buf.Len()+n > maxRequest {
			return nil, http.StatusRequestEntityTooLarge, errTooLargeBody
		}
		buf.Write(chunk[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				return nil, http.StatusRequestTimeout, apiMessage(fmt.Sprintf(
					"Request body stalled: %d of %d bytes arrived, then nothing for %v", buf.Len(), r.ContentLength, bodyIdle))
			}
			return nil, http.StatusBadRequest, apiMessage(errInvalidPrefix + "the body was cut off or malformed: " + err.Error())
		}
	}
	_ = rc.SetReadDeadline(time.Time{})
	event = buf.Bytes()
	if len(bytes.TrimSpace(event)) > 0 && !json.Valid(event) {
		var v any
		err := json.Unmarshal(event, &v)
		if err == nil {
			err = errors.New("invalid JSON")
		}
		return nil, http.StatusBadRequest, apiMessage(errInvalidPrefix + err.Error())
	}
	return event, 0, ""
}

// apiMessage is the JSON body of an error the Lambda API itself returns.
func apiMessage(msg string) string {
	b, _ := json.Marshal(struct {
		Type    string `json:"Type"`
		Message string `json:"message"`
	}{"User", msg})
	return string(b)
}

// writeAPIError answers with one of Lambda's own errors, its type in
// X-Amzn-ErrorType as the Lambda API sends it.
func writeAPIError(rw http.ResponseWriter, status int, body string) {
	typ := "InvalidRequestContentException"
	switch status {
	case http.StatusRequestEntityTooLarge:
		typ = "RequestTooLargeException"
	case http.StatusRequestTimeout:
		typ = "RequestTimeout"
	}
	rw.Header()["X-Amzn-Errortype"] = []string{typ}
	writeJSON(rw, status, body)
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
