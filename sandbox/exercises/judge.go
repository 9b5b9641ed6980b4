package exercises

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// metricNames are the simulator's metrics a criterion may expect.
var metricNames = []string{"invocations", "function_errors", "throttles", "retries", "succeeded", "to_dlq", "to_on_failure", "dropped", "filtered_out"}

func (r *runner) judge(ctx context.Context, c Criterion) CritResult {
	if c.Invoke != nil {
		return r.judgeInvoke(ctx, c)
	}
	return r.judgeSimulate(ctx, c)
}

func (r *runner) judgeInvoke(ctx context.Context, c Criterion) CritResult {
	in := c.Invoke
	event := in.Event
	if in.EventName != "" {
		if r.event == nil {
			return failed(c, "the course has no event %q", in.EventName)
		}
		var err error
		if event, err = r.event(in.EventName); err != nil {
			return failed(c, "event %s: %v", in.EventName, err)
		}
	}
	res, err := r.invoke(ctx, in.Timeout, event, len(in.Expect.Logs) > 0 || in.Expect.ReportsUnprocessed != "")
	if err != nil {
		return failed(c, "%v", err)
	}
	if d := judgeResult(in, res); d != "" {
		return failed(c, "%s", d)
	}
	return CritResult{ID: c.ID, Title: c.Title, Passed: true}
}

// judgeResult says what is wrong with one invocation's result, or "".
func judgeResult(in *Invoke, res *sandbox.Result) string {
	x := in.Expect
	if res.Error != nil {
		e := res.Error
		switch {
		case e.ErrorType == "Sandbox.Timedout":
			return fmt.Sprintf("timed out: no answer within the function timeout of %s, so Lambda stopped it (it hung, or had more to do than fits)", in.Timeout)
		case e.ErrorType == "Runtime.ExitError":
			return "the process exited without answering (" + e.ErrorMessage + ")" + lastLog(res.Logs)
		case x.Error != nil:
			if x.Error.Type != "" && e.ErrorType != x.Error.Type {
				return fmt.Sprintf("wanted an error of type %s, got %s: %s", x.Error.Type, e.ErrorType, clip(e.ErrorMessage))
			}
			if x.Error.Message != "" && !regexp.MustCompile(x.Error.Message).MatchString(e.ErrorMessage) {
				return fmt.Sprintf("wanted an error whose message matches %q, got %q", x.Error.Message, clip(e.ErrorMessage))
			}
		default:
			return fmt.Sprintf("wanted a response, got an error: %s: %s", e.ErrorType, clip(e.ErrorMessage))
		}
	} else if x.Error != nil {
		return "wanted the invocation to fail with an error, but it returned " + clip(string(res.Response))
	}
	if res.Error == nil {
		if d := judgeResponse(x, res.Response); d != "" {
			return d
		}
	}
	if x.ReportsUnprocessed != "" && res.Error == nil {
		if d := judgeUnprocessed(x.ReportsUnprocessed, res); d != "" {
			return d
		}
	}
	for _, pat := range x.Logs {
		re := regexp.MustCompile(pat)
		if !slices.ContainsFunc(res.Logs, re.MatchString) {
			return fmt.Sprintf("wanted a log line matching %q; the handler logged %d line(s)%s", pat, len(res.Logs), lastLog(res.Logs))
		}
	}
	return ""
}

func judgeResponse(x Expect, raw json.RawMessage) string {
	var got any
	if err := json.Unmarshal(raw, &got); err != nil {
		return "the response is not JSON: " + clip(string(raw))
	}
	if x.Response != nil {
		var want any
		json.Unmarshal(x.Response, &want)
		if !equal(want, got) {
			return fmt.Sprintf("wanted the response %s, got %s", clip(string(x.Response)), clip(string(raw)))
		}
	}
	if x.ResponseSubset != nil {
		var want any
		json.Unmarshal(x.ResponseSubset, &want)
		if where := subset(want, got, "$"); where != "" {
			return fmt.Sprintf("wanted a response with %s, got %s", where, clip(string(raw)))
		}
	}
	if x.LowestFailure != "" {
		ids, err := failureIDs(got)
		if err != "" {
			return err
		}
		if len(ids) == 0 {
			return "wanted a partial batch response naming " + x.LowestFailure + ", got no failures: Lambda checkpoints past the whole batch"
		}
		low := slices.MinFunc(ids, compareSeq)
		if low != x.LowestFailure {
			return fmt.Sprintf("wanted the lowest itemIdentifier to be %s (the first record that failed), got %s: Lambda checkpoints there and retries from it", x.LowestFailure, low)
		}
	}
	if x.HasFailures {
		ids, err := failureIDs(got)
		if err != "" {
			return err
		}
		want := slices.Clone(x.BatchItemFailures)
		sort.Strings(want)
		if !slices.Equal(want, ids) {
			return fmt.Sprintf("wanted batchItemFailures %s, got %s", list(want), list(ids))
		}
	}
	return ""
}

// compareSeq orders sequence numbers (decimal strings of any length);
// anything else sorts as text after them.
func compareSeq(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// failureIDs reads the itemIdentifiers of a partial batch response, sorted.
func failureIDs(got any) ([]string, string) {
	if got == nil {
		return nil, ""
	}
	m, ok := got.(map[string]any)
	if !ok {
		return nil, "wanted a partial batch response {\"batchItemFailures\": [...]}, got " + clip(fmt.Sprint(got))
	}
	raw, _ := m["batchItemFailures"].([]any)
	var ids []string
	for _, f := range raw {
		fm, _ := f.(map[string]any)
		id, _ := fm["itemIdentifier"].(string)
		if id == "" {
			return nil, "a batchItemFailures entry has no itemIdentifier (Lambda then fails the whole batch)"
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, ""
}

// equal compares decoded JSON; an empty list or object also matches null
// (or an absent field), as Go encodes an empty slice or map as null.
func equal(want, got any) bool {
	switch w := want.(type) {
	case map[string]any:
		if got == nil {
			return len(w) == 0
		}
		g, ok := got.(map[string]any)
		if !ok {
			return false
		}
		for k, wv := range w {
			if !equal(wv, g[k]) {
				return false
			}
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				return false
			}
		}
		return true
	case []any:
		if got == nil {
			return len(w) == 0
		}
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !equal(w[i], g[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(want, got)
}

// subset says where got lacks want ("" when it has it): objects may have
// more keys; lists and scalars must be equal (an empty list matches null).
func subset(want, got any, at string) string {
	wm, ok := want.(map[string]any)
	if !ok {
		if equal(want, got) {
			return ""
		}
		b, _ := json.Marshal(want)
		return at + " = " + string(b)
	}
	gm, _ := got.(map[string]any)
	keys := make([]string, 0, len(wm))
	for k := range wm {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if d := subset(wm[k], gm[k], at+"."+k); d != "" {
			return d
		}
	}
	return ""
}

func (r *runner) judgeSimulate(ctx context.Context, c Criterion) CritResult {
	s := c.Simulate
	sc, err := sim.Load("scenario", s.Scenario)
	if err != nil {
		return failed(c, "%v", err)
	}
	var ran error
	res, err := sim.RunWith(ctx, sc, sim.Options{}, func(ctx context.Context, event []byte) *sandbox.Result {
		res, err := r.invoke(ctx, sc.Function.Timeout.D(), event, false)
		if err != nil {
			ran = err
			return &sandbox.Result{Response: []byte("null"), Error: &sandbox.ErrorInfo{ErrorType: "Runtime.Unknown", ErrorMessage: err.Error()}}
		}
		return res
	})
	if err != nil {
		return failed(c, "%v", err)
	}
	if ran != nil {
		return failed(c, "%v", ran)
	}
	mv := map[string]int{}
	b, _ := json.Marshal(res.Metrics)
	json.Unmarshal(b, &mv)
	var bad []string
	for _, k := range metricNames {
		if want, ok := s.Metrics[k]; ok && mv[k] != want {
			bad = append(bad, fmt.Sprintf("%s %d, wanted %d", k, mv[k], want))
		}
	}
	ids := make([]string, 0, len(s.Records))
	for id := range s.Records {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		want := s.Records[id]
		got, _ := res.Records.Get(id)
		if want.Outcome != "" && got.Outcome != want.Outcome || want.Deliveries != 0 && got.Deliveries != want.Deliveries {
			bad = append(bad, fmt.Sprintf("record %s: %s after %d deliveries, wanted %s", id, got.Outcome, got.Deliveries, describeRecord(want)))
		}
		if want.Status != 0 && got.Status != want.Status {
			bad = append(bad, fmt.Sprintf("request %s: the client got %d, wanted %d", id, got.Status, want.Status))
		}
	}
	if len(bad) > 0 {
		return failed(c, "%s", strings.Join(bad, "; "))
	}
	return CritResult{ID: c.ID, Title: c.Title, Passed: true}
}

func describeRecord(r RecordExpect) string {
	s := r.Outcome
	if s == "" {
		s = "any outcome"
	}
	if r.Deliveries != 0 {
		s += fmt.Sprintf(" after %d deliveries", r.Deliveries)
	}
	return s
}

func list(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return "[" + strings.Join(ids, ", ") + "]"
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return s
}

func lastLog(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimSpace(lines[i]); l != "" {
			return "; last output: " + clip(l)
		}
	}
	return ""
}
