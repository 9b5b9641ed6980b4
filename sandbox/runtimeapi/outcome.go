package runtimeapi

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
)

// Kind says how an invocation ended.
type Kind int

const (
	Success       Kind = iota // the runtime posted invocation/{id}/response
	FunctionError             // the runtime posted invocation/{id}/error (a returned error or a panic)
	InitError                 // the runtime posted init/error before taking the invocation
	ExitError                 // the process exited before answering
	Timeout                   // the invocation ran past its timeout and the process was killed
	InitTimeout               // the runtime never asked for an invocation within Lambda's Init limit (10 s)
)

func (k Kind) String() string {
	switch k {
	case Success:
		return "success"
	case FunctionError:
		return "function error"
	case InitError:
		return "init error"
	case ExitError:
		return "exit error"
	case Timeout:
		return "timeout"
	case InitTimeout:
		return "init timeout"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Outcome is one invocation as the runtime answered it, or as Lambda reports
// a runtime that did not answer.
type Outcome struct {
	RequestID   string
	Kind        Kind
	Body        []byte             // the response payload, or the error JSON (as posted, or as Lambda makes it)
	ContentType string             // as the runtime posted it
	Error       *sandbox.ErrorInfo // nil on Success
	Duration    time.Duration      // from handing the event to the runtime until its answer
}

// lambdaError builds an error the way Lambda reports failures it detects itself.
func lambdaError(id string, kind Kind, errType, msg string, d time.Duration) Outcome {
	info := &sandbox.ErrorInfo{ErrorType: errType, ErrorMessage: "RequestId: " + id + " Error: " + msg}
	body, _ := json.Marshal(struct {
		ErrorType    string `json:"errorType"`
		ErrorMessage string `json:"errorMessage"`
	}{info.ErrorType, info.ErrorMessage})
	return Outcome{RequestID: id, Kind: kind, Body: body, ContentType: "application/json", Error: info, Duration: d}
}

// parseErrorBody reads the errorType and errorMessage a runtime posted. A body
// that is not Lambda's error JSON is kept whole as the message.
func parseErrorBody(body []byte, headerType string) *sandbox.ErrorInfo {
	var e struct {
		ErrorType    string `json:"errorType"`
		ErrorMessage string `json:"errorMessage"`
	}
	info := &sandbox.ErrorInfo{}
	if json.Unmarshal(body, &e) == nil && (e.ErrorType != "" || e.ErrorMessage != "") {
		info.ErrorType, info.ErrorMessage = e.ErrorType, e.ErrorMessage
	} else {
		info.ErrorMessage = string(body)
	}
	if info.ErrorType == "" {
		info.ErrorType = headerType
	}
	if info.ErrorType == "" {
		info.ErrorType = "Runtime.Unknown"
	}
	return info
}
