package sim

import (
	"context"
	"errors"
	"time"

	"github.com/tutor-dev/tutor/sandbox"
)

// Invoker runs one invocation of a handler that lives outside the simulator
// (a learner's compiled binary behind the Runtime API, say): it gets the
// event the simulator built for a batch, as Lambda would send it, and
// returns the result as the sandbox reports it (a time-out as
// Sandbox.Timedout). It is called from one goroutine, one batch at a time.
type Invoker func(ctx context.Context, event []byte) *sandbox.Result

// RunWith simulates the scenario with inv as its handler. The scenario must
// name no handler and script no behaviour rules; behaviour.duration, if
// set, is the virtual time each invocation takes.
func RunWith(ctx context.Context, sc *Scenario, opt Options, inv Invoker) (*Result, error) {
	if inv == nil {
		return nil, errors.New("no handler to run the scenario with")
	}
	opt.Invoker = inv
	return Run(ctx, sc, opt)
}

// handlerFor picks the scenario's handler: opt.Invoker when set, else the
// named sample handler or the scripted behaviour.
func handlerFor(sc *Scenario, opt Options) (handler, error) {
	if opt.Invoker == nil {
		return newHandler(sc)
	}
	if sc.Handler != "" || sc.Behaviour != nil && len(sc.Behaviour.Rules) > 0 {
		return nil, errors.New("handler: the scenario runs your handler, so it names no handler and scripts no behaviour rules")
	}
	dur := defInvocationTime.Milliseconds()
	if sc.Behaviour != nil && sc.Behaviour.Duration > 0 {
		dur = sc.Behaviour.Duration.ms()
	}
	return &external{call: opt.Invoker, timeout: sc.Function.Timeout.D(), durMs: dur}, nil
}

// external runs opt.Invoker on each batch's event.
type external struct {
	call    Invoker
	timeout time.Duration
	durMs   int64
}

func (h *external) invoke(s *sim, idx []int32) invocation {
	payload, err := s.buildEvent(idx)
	if err != nil {
		return invocation{verdict: vError, durMs: h.durMs, detail: "cannot build the event: " + err.Error()}
	}
	s.steps += realInvokeWeight - 1
	res := h.call(s.ctx, payload)
	if res == nil {
		return invocation{verdict: vError, durMs: h.durMs, detail: "the handler could not be run"}
	}
	return s.judge(idx, res, h.durMs, h.timeout)
}
