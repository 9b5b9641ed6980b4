package runtimeapi

import (
	"bytes"
	"encoding/base64"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The Runtime API paths, version 2018-06-01.
const (
	apiPrefix      = "/2018-06-01/runtime/"
	nextPath       = apiPrefix + "invocation/next"
	initErrorPath  = apiPrefix + "init/error"
	invocationPath = apiPrefix + "invocation/"

	headerErrorType   = "Lambda-Runtime-Function-Error-Type"
	trailerErrorBody  = "Lambda-Runtime-Function-Error-Body"
	maxErrorBody      = 1 << 20
	contentTypeJSON   = "application/json"
	acceptedBody      = `{"status":"OK"}`
	invalidRequestID  = `{"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"}`
	tooLargeForLambda = `{"errorMessage":"Response payload size exceeded maximum allowed payload size (6291556 bytes).","errorType":"Function.ResponseSizeTooLarge"}`
)

var discardLog = log.New(io.Discard, "", 0)

// ServeHTTP is the Runtime API the child talks to.
func (w *worker) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch {
	case path == nextPath && r.Method == http.MethodGet:
		w.next(rw, r)
	case path == initErrorPath && r.Method == http.MethodPost:
		w.initError(rw, r)
	case strings.HasPrefix(path, invocationPath) && r.Method == http.MethodPost:
		id, verb, ok := strings.Cut(path[len(invocationPath):], "/")
		switch {
		case ok && verb == "response":
			w.answer(rw, r, id, Success)
		case ok && verb == "error":
			w.answer(rw, r, id, FunctionError)
		default:
			http.NotFound(rw, r)
		}
	default:
		http.NotFound(rw, r)
	}
}

// next blocks until an invocation is handed over, then sends it with the
// headers Lambda sets.
func (w *worker) next(rw http.ResponseWriter, r *http.Request) {
	var inv *invocation
	select {
	case inv = <-w.handoff:
	case <-r.Context().Done():
		return
	case <-w.exited:
		return
	}
	w.mu.Lock()
	w.current = inv
	w.mu.Unlock()
	now := time.Now()
	h := rw.Header()
	h["Lambda-Runtime-Aws-Request-Id"] = []string{inv.id}
	h["Lambda-Runtime-Deadline-Ms"] = []string{strconv.FormatInt(now.Add(w.cfg.Timeout).UnixMilli(), 10)}
	h["Lambda-Runtime-Invoked-Function-Arn"] = []string{w.arn}
	if inv.traceID != "" {
		h["Lambda-Runtime-Trace-Id"] = []string{inv.traceID}
	} else {
		h["Lambda-Runtime-Trace-Id"] = []string{newTraceID(now)}
	}
	if inv.clientContext != "" {
		h["Lambda-Runtime-Client-Context"] = []string{inv.clientContext}
	}
	h["Content-Type"] = []string{contentTypeJSON}
	h["Content-Length"] = []string{strconv.Itoa(len(inv.payload))}
	_, _ = rw.Write(inv.payload)
}

// answer takes invocation/{id}/response and invocation/{id}/error.
func (w *worker) answer(rw http.ResponseWriter, r *http.Request, id string, kind Kind) {
	w.mu.Lock()
	inv := w.current
	if inv != nil && inv.id == id {
		w.current = nil
	} else {
		inv = nil
	}
	w.mu.Unlock()
	if inv == nil {
		writeJSON(rw, http.StatusBadRequest, invalidRequestID)
		return
	}
	limit := int64(maxResponse)
	if kind == FunctionError {
		limit = maxErrorBody
	}
	body, err := readLimited(r.Body, limit)
	rep := reply{kind: kind, body: body, contentType: r.Header.Get("Content-Type"), errType: r.Header.Get(headerErrorType)}
	switch {
	case err == errTooLarge:
		rep = reply{kind: FunctionError, body: []byte(tooLargeForLambda), contentType: contentTypeJSON}
		inv.done <- rep
		writeJSON(rw, http.StatusRequestEntityTooLarge, tooLargeForLambda)
		return
	case err != nil:
		// the runtime went away mid-body; its exit is reported instead
		w.mu.Lock()
		w.current = inv
		w.mu.Unlock()
		return
	}
	// A streamed response that fails part way reports the error in trailers.
	if t := r.Trailer.Get(headerErrorType); t != "" {
		rep = reply{kind: FunctionError, errType: t, contentType: contentTypeJSON}
		if b, err := base64.StdEncoding.DecodeString(r.Trailer.Get(trailerErrorBody)); err == nil {
			rep.body = b
		}
	}
	inv.done <- rep
	writeJSON(rw, http.StatusAccepted, acceptedBody)
}

// initError records what a runtime posts when its own start-up fails.
func (w *worker) initError(rw http.ResponseWriter, r *http.Request) {
	body, err := readLimited(r.Body, maxErrorBody)
	if err != nil && err != errTooLarge {
		return
	}
	w.mu.Lock()
	if w.initBody == nil {
		w.initBody, w.initType = body, r.Header.Get(headerErrorType)
		if w.initBody == nil {
			w.initBody = []byte{}
		}
	}
	w.mu.Unlock()
	w.initOnce.Do(func() { close(w.initErr) })
	writeJSON(rw, http.StatusAccepted, acceptedBody)
}

func writeJSON(rw http.ResponseWriter, status int, body string) {
	h := rw.Header()
	h["Content-Type"] = []string{contentTypeJSON}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	rw.WriteHeader(status)
	_, _ = io.WriteString(rw, body)
}

type tooLargeError struct{}

func (tooLargeError) Error() string { return "payload too large" }

var errTooLarge error = tooLargeError{}

// readLimited reads a whole body of at most limit bytes. It reads to EOF
// so that trailers, which follow the body, are available afterwards.
func readLimited(body io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		_, _ = io.Copy(io.Discard, body)
		return buf.Bytes()[:limit], errTooLarge
	}
	return buf.Bytes(), nil
}
