package sim

import (
	"context"
	"errors"
	"testing"
)

// A run stops when its context is cancelled, mid-run, and says why.
func TestRunStopsWhenCancelled(t *testing.T) {
	sc := Default("sqs")
	sc.Generate = &Generate{Count: 200_000, Body: "x"}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, &sc, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled before the run: err %v, want context.Canceled", err)
	}
	// Cancel from inside the run, after some events: the loop must notice.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	sc.Behaviour = &Behaviour{Rules: []Rule{{Match: Match{ID: "r1000"}, Result: ResultOK}}}
	calls := 0
	h, err := newHandler(&sc)
	if err != nil {
		t.Fatal(err)
	}
	s := &sim{ctx: ctx, sc: &sc, handler: cancelAfter{h, &calls, 100, cancel}, limit: accountConcurrency, budget: eventBudgetBase}
	s.recs, s.listed = buildRecords(&sc)
	s.genParts = []string{"x"}
	if err := s.runSQS(); err != nil {
		t.Fatal(err)
	}
	if err := s.loop(); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled during the run: err %v, want context.Canceled", err)
	}
	if calls > 100+ctxCheckEvery {
		t.Errorf("%d invocations after the cancel at 100: the loop does not look at the context", calls)
	}
}

type cancelAfter struct {
	h      handler
	calls  *int
	n      int
	cancel func()
}

func (c cancelAfter) invoke(s *sim, idx []int32) invocation {
	*c.calls++
	if *c.calls == c.n {
		c.cancel()
	}
	return c.h.invoke(s, idx)
}
