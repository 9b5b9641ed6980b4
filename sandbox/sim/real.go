package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/handlers"
)

// real runs a sample handler in-process on the event the simulator builds
// for each batch, and reads its response the way Lambda would.
type real struct {
	h       handlers.Handler
	timeout time.Duration
	durMs   int64
}

func newRealHandler(sc *Scenario) (handler, error) {
	h, ok := handlers.Get(sc.Handler)
	if !ok {
		return nil, fmt.Errorf("handler: unknown handler %q (known: %s)", sc.Handler, strings.Join(handlers.Names(), ", "))
	}
	if h.Source != sc.Source {
		return nil, fmt.Errorf("handler: %s handles %s events, not %s", h.Name, h.Source, sc.Source)
	}
	dur := defInvocationTime.Milliseconds()
	if sc.Behaviour != nil && sc.Behaviour.Duration > 0 {
		dur = sc.Behaviour.Duration.ms()
	}
	return &real{h: h, timeout: sc.Function.Timeout.D(), durMs: dur}, nil
}

const (
	simRegion = sandbox.Region
	simARN    = "arn:aws:" // prefix of the fake resource ARNs below
)

func (h *real) invoke(s *sim, idx []int32) invocation {
	payload, err := s.buildEvent(idx)
	if err != nil {
		return invocation{verdict: vError, durMs: h.durMs, detail: "cannot build the event: " + err.Error()}
	}
	if tm := h.timeout.Milliseconds(); h.durMs >= tm {
		// Its virtual duration reaches the function timeout: Lambda stops
		// it there, as a scripted handler's (scripted.invoke).
		return invocation{verdict: vTimeout, durMs: tm, detail: "Task timed out after " + fmtDur(tm)}
	}
	s.steps += realInvokeWeight - 1 // the invocation's event counts one
	res := sandbox.Invoke(s.ctx, h.h, payload, sandbox.Options{Timeout: h.timeout})
	return s.judge(idx, res, h.durMs, h.timeout)
}

// judge reads a handler's result the way Lambda would: an error, a time-out,
// a proxy response's status or a partial batch response.
func (s *sim) judge(idx []int32, res *sandbox.Result, durMs int64, timeout time.Duration) invocation {
	out := invocation{durMs: durMs, status: 200}
	if res.Error != nil {
		out.verdict = vError
		out.detail = res.Error.ErrorType + ": " + res.Error.ErrorMessage
		if res.Error.ErrorType == "Sandbox.Timedout" {
			out.verdict = vTimeout
			out.durMs = timeout.Milliseconds()
		}
		return out
	}
	switch s.sc.Source.Invocation() {
	case source.Sync:
		var resp struct {
			StatusCode        *int                `json:"statusCode"`
			Headers           map[string]string   `json:"headers"`
			MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
			Body              string              `json:"body"`
			IsBase64Encoded   bool                `json:"isBase64Encoded"`
		}
		dec := json.NewDecoder(bytes.NewReader(res.Response))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&resp); err != nil || resp.StatusCode == nil {
			out.verdict = vMalformed
			out.detail = "not a proxy response {statusCode, headers, multiValueHeaders, body, isBase64Encoded}"
			return out
		}
		out.status = *resp.StatusCode
	case source.Poll:
		out.failed, out.detail = s.readFailures(idx, res.Response)
		if out.detail != "" {
			out.verdict = vMalformed
		}
	}
	return out
}

// readFailures reads a partial batch response; detail is set when Lambda
// would reject it (and so fail the whole batch, if reporting is on).
func (s *sim) readFailures(idx []int32, raw json.RawMessage) ([]int, string) {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || string(t) == "null" {
		return nil, ""
	}
	var resp struct {
		BatchItemFailures []map[string]any `json:"batchItemFailures"`
	}
	if json.Unmarshal(t, &resp) != nil {
		if t[0] != '{' && s.sc.Mapping.ReportBatchItemFailures {
			return nil, "the response is not a JSON object"
		}
		return nil, ""
	}
	pos := make(map[string]int, len(idx))
	for p, i := range idx {
		pos[s.itemID(i)] = p
	}
	var failed []int
	for _, f := range resp.BatchItemFailures {
		id, ok := f["itemIdentifier"].(string)
		if !ok || id == "" {
			return nil, "an itemIdentifier is missing, null or empty"
		}
		p, ok := pos[id]
		if !ok {
			return nil, fmt.Sprintf("itemIdentifier %q is not in the batch", id)
		}
		failed = append(failed, p)
	}
	return failed, ""
}

// itemID is what a partial batch response names a record by.
func (s *sim) itemID(i int32) string {
	if s.seqOf != nil {
		return s.seqOf(i)
	}
	return s.idOf(&s.recs[i])
}

func (s *sim) buildEvent(idx []int32) ([]byte, error) {
	if m, ok := models[s.sc.Source]; ok && m.event != nil {
		return m.event(s, idx)
	}
	return nil, fmt.Errorf("source %q has no event", s.sc.Source)
}

// typed converts a YAML map of DynamoDB typed values into aws-lambda-go's.
func typed(m map[string]any, out *map[string]events.DynamoDBAttributeValue) error {
	if len(m) == 0 {
		return nil
	}
	b, err := json.Marshal(normalize(map[string]any(m)))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
