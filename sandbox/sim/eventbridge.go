package sim

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

// EventBridge: an event matches the rule's pattern (or a schedule fires),
// EventBridge delivers it to the target, the function, by invoking it
// asynchronously, retrying a failed delivery under the target's retry
// policy and sending what it gives up on to the target's dead-letter queue.
// Once Lambda has accepted the event, Lambda's own asynchronous handling
// (async.go) takes over: retries, maximum event age, DLQ and destinations.

var ebNotes = []string{
	"EventBridge: the rule has one target, the function. An event its event_pattern rejects is never delivered (outcome filtered).",
	"EventBridge delivers the event by invoking the function asynchronously. A delivery fails while rule.target.unavailable lasts (a retriable error, as when the target is unavailable or the network fails); EventBridge retries it with exponential back off, modelled as 1 s doubling to at most 8 min without jitter (AWS publishes no curve), until maximum_retry_attempts retries are used or the event is older than maximum_event_age when its next attempt is due.",
	"A delivery EventBridge gives up on goes to the target's dead-letter queue (outcome target_dlq) or is dropped; missing_permission is not retried at all. The function's own dead_letter_queue and on_failure never see these events: Lambda never received them.",
	"Once Lambda accepts an event, maximum_event_age of the function counts from that moment; EventBridge's part is over.",
}

// ebDelivery is one event on its way from EventBridge to the function.
type ebDelivery struct {
	rec   int32
	fails int // failed delivery attempts
}

func (s *sim) runEventBridge() error {
	match, err := s.ebMatcher()
	if err != nil {
		return fmt.Errorf("rule.event_pattern: %w", err)
	}
	fn := &asyncFn{sub: -1}
	left := make([]int16, len(s.recs))
	s.asyncLeft = left
	for i := range s.recs {
		i := int32(i)
		s.at(s.recs[i].at, func() {
			if match != nil {
				if ok, why := match(i); !ok {
					s.m.FilteredOut++
					s.log("filter", []int32{i}, "the rule's event pattern does not match: "+why)
					s.asyncOutcome(i, filtered)
					return
				}
			}
			left[i]++
			s.deliverEB(&ebDelivery{rec: i}, fn, left)
		})
	}
	return nil
}

// ebMatcher decides whether the rule matches an event (nil: every event).
func (s *sim) ebMatcher() (func(int32) (bool, string), error) {
	if s.sc.Rule.EventPattern == nil {
		return nil, nil
	}
	b, err := filterJSON(s.sc.Rule.EventPattern)
	if err != nil {
		return nil, err
	}
	p, err := filter.CompilePattern(b)
	if err != nil {
		return nil, err
	}
	return func(i int32) (bool, string) {
		ev, err := s.eventbridgeEvent([]int32{i})
		if err != nil {
			return false, err.Error()
		}
		res, err := p.Match(ev)
		if err != nil {
			return false, err.Error()
		}
		return res.Match, res.Reason
	}, nil
}

func (s *sim) deliverEB(d *ebDelivery, fn *asyncFn, left []int16) {
	i := d.rec
	one := []int32{i}
	t := s.sc.Rule.Target
	age := s.now - s.recs[i].at
	if d.fails > 0 && age > t.MaximumEventAge.ms() {
		s.giveUpEB(d, left, fmt.Sprintf("event is %s old, past the target's maximum_event_age %s", fmtDur(age), t.MaximumEventAge))
		return
	}
	if d.fails > 0 {
		s.m.DeliveryRetries++
	}
	if t.MissingPermission {
		s.m.DeliveryFailures++
		s.log("deliver", one, "EventBridge cannot invoke the function: its resource-based policy does not allow events.amazonaws.com; EventBridge does not retry this error")
		s.giveUpEB(d, left, "missing permission, not retried")
		return
	}
	if s.now < t.Unavailable.ms() {
		s.m.DeliveryFailures++
		d.fails++
		if d.fails-1 >= t.MaximumRetryAttempts {
			s.log("deliver", one, fmt.Sprintf("invoking the function failed (retriable error), attempt %d", d.fails))
			s.giveUpEB(d, left, fmt.Sprintf("retry attempts exhausted (maximum_retry_attempts %d)", t.MaximumRetryAttempts))
			return
		}
		wait := ebBackoff(d.fails)
		if s.logging() {
			s.log("deliver", one, fmt.Sprintf("invoking the function failed (retriable error), attempt %d; EventBridge retries in %s", d.fails, fmtDur(wait)))
		}
		s.after(wait, func() { s.deliverEB(d, fn, left) })
		return
	}
	s.log("deliver", one, fmt.Sprintf("EventBridge invokes the function asynchronously (attempt %d); Lambda accepts the event into its event queue (202)", d.fails+1))
	s.attemptAsync(&asyncEvent{rec: i, fn: fn, queued: s.now}, left)
}

// giveUpEB ends a delivery EventBridge gives up on: the target's DLQ, or dropped.
func (s *sim) giveUpEB(d *ebDelivery, left []int16, why string) {
	one := []int32{d.rec}
	o := dropped
	if s.sc.Rule.Target.DeadLetterQueue {
		s.m.ToTargetDLQ++
		o = toTargetDLQ
		s.log("dlq", one, "EventBridge sends the event to the target's dead-letter queue (an SQS queue): "+why)
	} else {
		s.m.Dropped++
		s.log("drop", one, "EventBridge drops the event, the target has no dead-letter queue: "+why)
	}
	left[d.rec]--
	s.asyncOutcome(d.rec, o)
}

// ebBackoff is the simulator's delivery retry curve (AWS publishes none):
// 1 s before the first retry, doubling, at most ebBackoffMax.
func ebBackoff(n int) int64 {
	d := ebBackoffStart.Milliseconds()
	for i := 1; i < n && d < ebBackoffMax.Milliseconds(); i++ {
		d *= 2
	}
	return min(d, ebBackoffMax.Milliseconds())
}

const (
	ebDefaultSource     = "com.example.orders"
	ebDefaultDetailType = "OrderPlaced"
	ebRuleARN           = simARN + "events:" + simRegion + ":" + sandbox.AccountID + ":rule/sim"
)

// eventbridgeEvent is the event EventBridge delivers for one record.
func (s *sim) eventbridgeEvent(idx []int32) ([]byte, error) {
	i := idx[0]
	r := &s.recs[i]
	ev := events.EventBridgeEvent{
		Version: "0", ID: s.idOf(r), DetailType: ebDefaultDetailType, Source: ebDefaultSource,
		AccountID: sandbox.AccountID, Time: s.ts(i), Region: simRegion, Resources: []string{},
	}
	if s.sc.Rule.Schedule != "" {
		ev.DetailType, ev.Source, ev.Resources = "Scheduled Event", "aws.events", []string{ebRuleARN}
	}
	if rs := s.srcOf(r); rs != nil {
		if rs.DetailType != "" {
			ev.DetailType = rs.DetailType
		}
		if rs.EventSource != "" {
			ev.Source = rs.EventSource
		}
	}
	ev.Detail = json.RawMessage("{}")
	if d := s.textOf(r); d != "" {
		if !json.Valid([]byte(d)) {
			return nil, fmt.Errorf("record %s detail is not JSON", s.idOf(r))
		}
		ev.Detail = json.RawMessage(d)
	}
	return json.Marshal(ev)
}

var rateRe = regexp.MustCompile(`^rate\(([1-9][0-9]{0,5}) (minute|minutes|hour|hours|day|days)\)$`)

// parseRate reads a rate expression: rate(5 minutes).
func parseRate(expr string) (time.Duration, bool) {
	m := rateRe.FindStringSubmatch(expr)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1])
	unit := map[string]time.Duration{"minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour}[trimS(m[2])]
	return time.Duration(n) * unit, true
}

func trimS(s string) string {
	if len(s) > 0 && s[len(s)-1] == 's' {
		return s[:len(s)-1]
	}
	return s
}

// validateRule checks rule: for source eventbridge, and nothing of it elsewhere.
func (sc *Scenario) validateRule() []fieldError {
	var errs []fieldError
	bad := func(path, format string, a ...any) {
		errs = append(errs, fieldError{path: path, msg: fmt.Sprintf(format, a...)})
	}
	r := sc.Rule
	if sc.Source != source.EventBridge {
		// Like a queue's settings, the target's are ignored elsewhere; an
		// event pattern or a schedule would look like it filters or fires.
		if r.EventPattern != nil {
			bad("$.rule.event_pattern", "an event pattern is for source eventbridge")
		}
		if r.Schedule != "" {
			bad("$.rule.schedule", "a schedule is for source eventbridge")
		}
		return errs
	}
	t := r.Target
	if t.MaximumRetryAttempts < 0 || t.MaximumRetryAttempts > ebRetryAttemptsMax {
		bad("$.rule.target.maximum_retry_attempts", "must be 0-%d (the target's retry policy)", ebRetryAttemptsMax)
	}
	rangeDur(bad, "$.rule.target.maximum_event_age", t.MaximumEventAge, ebEventAgeMin, ebEventAgeMax, time.Second)
	if t.Unavailable < 0 {
		bad("$.rule.target.unavailable", "must not be negative")
	}
	wholeMs(bad, "$.rule.target.unavailable", t.Unavailable)
	if r.EventPattern != nil {
		b, err := filterJSON(r.EventPattern)
		if err == nil {
			_, err = filter.CompilePattern(b)
		}
		if err != nil {
			bad("$.rule.event_pattern", "%v", err)
		}
	}
	if r.Schedule != "" {
		every, ok := parseRate(r.Schedule)
		switch {
		case !ok:
			bad("$.rule.schedule", "must be a rate expression such as rate(5 minutes) (units minute(s), hour(s), day(s)); cron expressions fire at wall-clock times the virtual clock does not have (got %q)", r.Schedule)
		case r.EventPattern != nil:
			bad("$.rule.schedule", "give event_pattern or schedule, not both: the simulator's rule has one of them")
		case len(sc.Records) > 0:
			bad("$.records", "with rule.schedule the events are the schedule's firings: give generate.count instead of records")
		case sc.Generate == nil || sc.Generate.Count < 1:
			bad("$.rule.schedule", "give generate.count, the number of firings to simulate (one every %s)", fmtDur(every.Milliseconds()))
		case sc.Generate.Every != 0 && sc.Generate.Every.D() != every:
			bad("$.generate.every", "with rule.schedule the firings come every %s; leave generate.every out", fmtDur(every.Milliseconds()))
		}
	}
	for i, rec := range sc.Records {
		if rec.Detail != "" && !isJSONObject(rec.Detail) {
			bad(fmt.Sprintf("$.records[%d].detail", i), "must be a JSON object (the event's detail)")
		}
	}
	if g := sc.Generate; g != nil && g.Body != "" && !isJSONObject(fillN(g.Body, 1)) {
		bad("$.generate.body", "for eventbridge must be a JSON object (the event's detail)")
	}
	return errs
}

func isJSONObject(s string) bool {
	var m map[string]json.RawMessage
	return json.Unmarshal([]byte(s), &m) == nil && m != nil
}
