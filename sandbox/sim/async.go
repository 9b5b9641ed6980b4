package sim

import (
	"fmt"

	"github.com/tutor-dev/tutor/assets/source"
)

var asyncNotes = []string{
	"Asynchronous invocation: the event enters Lambda's event queue and is invoked at once when concurrency allows; the queue's own delays, duplicates and reordering are not modelled.",
	"On a function error (or a timeout) Lambda retries after 1 minute and then after 2 more minutes, up to maximum_retry_attempts; an event older than maximum_event_age when its next attempt is due is discarded then.",
	"Throttles are retried with the simulator's backoff (AWS gives only its ends): 1 s after the first throttle, doubling, at most 5 min, until maximum_event_age; throttles do not use up retry attempts.",
	"With reserved_concurrency 0, Lambda sends each new event straight to the dead-letter queue or on-failure destination without retries (dropped when neither is configured); replay it from there once the function may run again.",
	"A discarded event goes to the on-failure destination (an invocation record) and to the dead-letter queue (the event) when they are configured, both if both are; otherwise it is dropped.",
	"retries counts attempts after a function error; throttled attempts are counted in throttles.",
}

var snsNotes = []string{
	"SNS: each subscription is its own function with the same handler and settings; a message its filter policy rejects is never delivered. SNS's own delivery retries (when Lambda is unavailable) are not modelled.",
	"For SNS, metrics count deliveries per subscription; a record's outcome is the worst of its deliveries (dropped, on_failure, dlq, succeeded), \"filtered\" when every subscription rejected it.",
}

// asyncFn is one function behind the event queue (an SNS subscription or
// the S3 notification's function).
type asyncFn struct {
	sub      int // index in s.subs, or -1
	inFlight int
	match    func(i int32) (bool, string)
}

type asyncEvent struct {
	rec       int32
	fn        *asyncFn
	attempts  int // invocations made
	throttles int
	queued    int64 // when Lambda accepted the event: maximum_event_age counts from here
}

func (s *sim) runAsync() error {
	var fns []*asyncFn
	if s.sc.Source == source.EventBridge {
		return s.runEventBridge()
	}
	if s.sc.Source == source.SNS {
		subs := s.sc.Subscriptions
		if len(subs) == 0 {
			subs = []Subscription{{Name: "function"}}
		}
		for k, sub := range subs {
			m, err := s.snsMatcher(sub)
			if err != nil {
				return fmt.Errorf("subscriptions[%d] (%s): %w", k, sub.Name, err)
			}
			s.subs = append(s.subs, SubscriptionResult{Name: sub.Name})
			fns = append(fns, &asyncFn{sub: k, match: m})
		}
	} else {
		fns = []*asyncFn{{sub: -1}}
	}
	left := make([]int16, len(s.recs)) // deliveries not yet finished per record
	s.asyncLeft = left
	for i := range s.recs {
		i := int32(i)
		s.at(s.recs[i].at, func() {
			for _, f := range fns {
				if f.match != nil {
					ok, why := f.match(i)
					if !ok {
						s.subs[f.sub].FilteredOut++
						s.m.FilteredOut++
						s.log("filter", []int32{i}, fmt.Sprintf("subscription %s: filter policy rejects the message (%s)", s.subs[f.sub].Name, why))
						s.asyncOutcome(i, filtered)
						continue
					}
				}
				left[i]++
				s.attemptAsync(&asyncEvent{rec: i, fn: f, queued: s.recs[i].at}, left)
			}
		})
	}
	return nil
}

// rank orders outcomes so that a record's outcome is the worst of its
// deliveries.
var rank = [...]int{pending: 5, filtered: 0, succeeded: 1, toDLQ: 2, toTargetDLQ: 2, toOnFailure: 3, dropped: 4}

// asyncOutcome records one delivery's end on the record.
func (s *sim) asyncOutcome(i int32, o outcome) {
	r := &s.recs[i]
	if r.out == pending || rank[o] > rank[r.out] {
		r.out = o
	}
}

func (s *sim) subName(f *asyncFn) string {
	if f.sub < 0 || len(s.sc.Subscriptions) == 0 {
		return ""
	}
	return "subscription " + s.subs[f.sub].Name + ": "
}

func (s *sim) attemptAsync(ev *asyncEvent, left []int16) {
	i := ev.rec
	one := []int32{i}
	age := s.now - ev.queued
	if ev.attempts+ev.throttles > 0 && age > s.sc.Function.MaximumEventAge.ms() {
		s.discardAsync(ev, left, fmt.Sprintf("event is %s old, past maximum_event_age %s", fmtDur(age), s.sc.Function.MaximumEventAge))
		return
	}
	if s.sc.Function.ReservedConcurrency == 0 {
		// invocation-async-retain-records.html: with reserved concurrency 0
		// Lambda sends new events straight to the DLQ or on-failure
		// destination, without retries.
		s.m.Throttles++
		ev.throttles++
		s.log("throttle", one, s.subName(ev.fn)+"reserved concurrency 0: Lambda does not queue the event for retries")
		s.discardAsync(ev, left, "reserved concurrency is 0, so the event is not retried")
		return
	}
	if ev.fn.inFlight >= s.limit {
		s.m.Throttles++
		ev.throttles++
		wait := backoff(ev.throttles)
		s.log("throttle", one, fmt.Sprintf("%sconcurrency limit %d reached: the event returns to the queue, next attempt in %s", s.subName(ev.fn), s.limit, fmtDur(wait)))
		s.after(wait, func() { s.attemptAsync(ev, left) })
		return
	}
	ev.fn.inFlight++
	ev.attempts++
	s.m.Invocations++
	if ev.attempts > 1 {
		s.m.Retries++
	}
	if ev.fn.sub >= 0 {
		s.subs[ev.fn.sub].Invocations++
	}
	s.recs[i].deliveries++
	s.log("invoke", one, fmt.Sprintf("%sasynchronous invocation, attempt %d", s.subName(ev.fn), ev.attempts))
	res := s.handler.invoke(s, one)
	s.after(res.durMs, func() {
		ev.fn.inFlight--
		if res.verdict == vOK || res.verdict == vMalformed {
			s.log("result", one, s.subName(ev.fn)+"success (Lambda ignores an asynchronous function's response)")
			s.endAsync(ev, left, succeeded)
			return
		}
		s.m.FunctionErrors++
		retriesLeft := s.sc.Function.MaximumRetryAttempts - (ev.attempts - 1)
		if retriesLeft <= 0 {
			s.log("result", one, fmt.Sprintf("%sfunction error (%s); no retries left", s.subName(ev.fn), res.detail))
			s.discardAsync(ev, left, fmt.Sprintf("retries exhausted after %d attempts", ev.attempts))
			return
		}
		wait := asyncFirstRetryWait.Milliseconds()
		if ev.attempts >= 2 {
			wait = asyncSecondRetryWait.Milliseconds()
		}
		s.log("result", one, fmt.Sprintf("%sfunction error (%s)", s.subName(ev.fn), res.detail))
		s.log("retry", one, fmt.Sprintf("%sLambda retries in %s", s.subName(ev.fn), fmtDur(wait)))
		s.after(wait, func() { s.attemptAsync(ev, left) })
	})
}

func (s *sim) discardAsync(ev *asyncEvent, left []int16, why string) {
	one := []int32{ev.rec}
	f := s.sc.Function
	o := dropped
	if f.DeadLetterQueue {
		s.m.ToDLQ++
		o = toDLQ
		s.log("dlq", one, s.subName(ev.fn)+"the event is sent to the dead-letter queue: "+why)
	}
	if f.OnFailure {
		s.m.ToOnFailure++
		o = toOnFailure
		s.log("on_failure", one, s.subName(ev.fn)+"an invocation record (request and response context) goes to the on-failure destination: "+why)
	}
	if o == dropped {
		s.m.Dropped++
		s.log("drop", one, s.subName(ev.fn)+"discarded, no DLQ or on-failure destination: "+why)
	}
	s.finishAsync(ev, left, o)
}

func (s *sim) endAsync(ev *asyncEvent, left []int16, o outcome) {
	if o == succeeded {
		s.m.Succeeded++
	}
	s.finishAsync(ev, left, o)
}

func (s *sim) finishAsync(ev *asyncEvent, left []int16, o outcome) {
	left[ev.rec]--
	s.asyncOutcome(ev.rec, o)
}
