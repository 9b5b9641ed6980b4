package sim

import (
	"context"
	"fmt"
	"strings"

	"github.com/tutor-dev/tutor/assets/source"
)

// DefaultLimit is how many records and timeline entries a Result keeps
// unless Options.Full is set.
const DefaultLimit = 10_000

// Options change how a run is reported, not what it simulates.
type Options struct {
	Full  bool // keep every record and timeline entry
	Limit int  // entries kept when not Full; 0 means DefaultLimit
	// Invoker, when set, is the handler (see RunWith); the scenario names none.
	Invoker Invoker
}

// Run simulates the scenario and returns what happened. It checks the
// scenario first; it never sleeps and never reads the wall clock. When ctx
// is cancelled the run stops within a few milliseconds and returns
// ctx.Err().
func Run(ctx context.Context, sc *Scenario, opt Options) (*Result, error) {
	s, limit, err := simulate(ctx, sc, opt, nil)
	if err != nil {
		return nil, err
	}
	return s.result(opt.Full, limit), nil
}

// simulate runs the scenario to its end; with sp set, timeline entries go
// to sp instead of the sim's memory.
func simulate(ctx context.Context, sc *Scenario, opt Options, sp *spool) (*sim, int, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if err := sc.Validate(); err != nil {
		return nil, 0, err
	}
	h, err := handlerFor(sc, opt)
	if err != nil {
		return nil, 0, err
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if sc.Rule.Schedule != "" && sc.Generate != nil {
		// A schedule's firings: one generated event per period.
		every, _ := parseRate(sc.Rule.Schedule)
		g := *sc.Generate
		g.Every = Duration(every)
		cp := *sc
		cp.Generate = &g
		sc = &cp
	}
	s := &sim{ctx: ctx, sc: sc, handler: h, limit: accountConcurrency, spool: sp}
	s.recs, s.listed = buildRecords(sc)
	s.budget = eventBudgetBase + eventsPerRecord*len(s.recs)
	if sc.Generate != nil {
		s.genParts = strings.Split(sc.Generate.Body, "{{.N}}")
	}
	if !opt.Full {
		s.tlCap = limit
	}
	if sc.Function.ReservedConcurrency >= 0 {
		s.limit = sc.Function.ReservedConcurrency
	}
	switch sc.Source.Invocation() {
	case source.Sync:
		err = s.runSync()
	case source.Async:
		err = s.runAsync()
	case source.Poll:
		if sc.Source.Stream() {
			err = s.runStreams()
		} else {
			err = s.runSQS()
		}
	default:
		err = fmt.Errorf("source %q is not modelled", sc.Source)
	}
	if err != nil {
		return nil, 0, err
	}
	if err := s.loop(); err != nil {
		return nil, 0, err
	}
	return s, limit, nil
}

func newHandler(sc *Scenario) (handler, error) {
	if sc.Handler != "" {
		return newRealHandler(sc)
	}
	var b Behaviour
	if sc.Behaviour != nil {
		b = *sc.Behaviour
	}
	if b.Duration == 0 {
		b.Duration = Duration(defInvocationTime)
	}
	return newScripted(b, sc.Function.Timeout.ms()), nil
}

func (s *sim) result(full bool, limit int) *Result {
	s.m.SimulatedMs = s.last
	res := &Result{Source: s.sc.Source, Metrics: s.m, Timeline: s.tl, Subscriptions: s.subs}
	n, cut := s.recordsShown(full, limit)
	res.Records = make(RecordList, n)
	for i := 0; i < n; i++ {
		res.Records[i] = s.recordResult(i)
	}
	res.Truncated = cut || s.tlCut
	if res.Timeline == nil {
		res.Timeline = []Entry{}
	}
	res.Notes = append(baseNotes(s.sc), s.notes...)
	return res
}

// recordsShown is how many records a result lists and whether that cuts them.
func (s *sim) recordsShown(full bool, limit int) (int, bool) {
	if n := len(s.recs); full || n <= limit {
		return n, false
	}
	return limit, true
}

// recordResult is what happened to record i.
func (s *sim) recordResult(i int) RecordResult {
	r := &s.recs[i]
	o := r.out
	if s.asyncLeft != nil && s.asyncLeft[i] > 0 {
		o = pending
	}
	return RecordResult{ID: s.idOf(r), Deliveries: int(r.deliveries), Outcome: o.String(), Status: int(r.status)}
}

func baseNotes(sc *Scenario) []string {
	n := []string{
		"Time is virtual: each scripted invocation takes behaviour.duration (default " + fmtDur(defInvocationTime.Milliseconds()) + "), cold starts and network latency are not modelled.",
	}
	if sc.Handler != "" {
		n = append(n, "The handler "+sc.Handler+" ran in-process on the events the simulator built; each invocation takes behaviour.duration of virtual time (default "+fmtDur(defInvocationTime.Milliseconds())+"), not the wall time it took.")
	}
	return append(n, models[sc.Source].notes...)
}

// backoff is the simulator's retry curve where AWS gives only its ends:
// 1 s after the first attempt, doubling, at most 5 min.
func backoff(n int) int64 {
	d := throttleBackoffStart.Milliseconds()
	for i := 1; i < n && d < throttleBackoffMax.Milliseconds(); i++ {
		d *= 2
	}
	if d > throttleBackoffMax.Milliseconds() {
		d = throttleBackoffMax.Milliseconds()
	}
	return d
}
