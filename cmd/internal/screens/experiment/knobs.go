package experiment

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// option is one value a knob can take: how it reads and what it sets.
type option struct {
	label string
	apply func(*sim.Scenario)
}

// knob is one setting the learner can change; cur indexes opts.
type knob struct {
	name string // the setting's name as in a scenario file
	help string // what it does, one line
	opts []option
	cur  int
}

func (k knob) value() string { return k.opts[k.cur].label }

// step moves to the next (d=1) or previous (d=-1) value, wrapping around.
func (k *knob) step(d int) { k.cur = (k.cur + d + len(k.opts)) % len(k.opts) }

// set selects the option with the given label, if there is one.
func (k *knob) set(label string) {
	for i, o := range k.opts {
		if o.label == label {
			k.cur = i
		}
	}
}

// listKnob steps through values; the preset's own value is added if
// missing and starts selected.
func listKnob[T cmp.Ordered](sc *sim.Scenario, name, help string, field func(*sim.Scenario) *T, values []T, label func(T) string) knob {
	now := *field(sc)
	if !slices.Contains(values, now) {
		values = append(slices.Clone(values), now)
		slices.Sort(values)
	}
	k := knob{name: name, help: help}
	for i, v := range values {
		k.opts = append(k.opts, option{label: label(v), apply: func(s *sim.Scenario) { *field(s) = v }})
		if v == now {
			k.cur = i
		}
	}
	return k
}

func intKnob(sc *sim.Scenario, name, help string, field func(*sim.Scenario) *int, values []int, label func(int) string) knob {
	return listKnob(sc, name, help, field, values, label)
}

func durKnob(sc *sim.Scenario, name, help string, field func(*sim.Scenario) *sim.Duration, values []time.Duration) knob {
	ds := make([]sim.Duration, len(values))
	for i, v := range values {
		ds[i] = sim.Duration(v)
	}
	return listKnob(sc, name, help, field, ds, dur)
}

func boolKnob(sc *sim.Scenario, name, help string, field func(*sim.Scenario) *bool) knob {
	k := knob{name: name, help: help, opts: []option{
		{label: "off", apply: func(s *sim.Scenario) { *field(s) = false }},
		{label: "on", apply: func(s *sim.Scenario) { *field(s) = true }},
	}}
	if *field(sc) {
		k.cur = 1
	}
	return k
}

// Labels of values.
func count(n int) string { return strconv.Itoa(n) }

func dur(d sim.Duration) string {
	if d < 0 {
		return "unlimited"
	}
	return d.String()
}

func retries(n int) string {
	if n < 0 {
		return "until expiry"
	}
	return strconv.Itoa(n)
}

func reserved(n int) string {
	if n < 0 {
		return "none"
	}
	return strconv.Itoa(n)
}

// The handler knobs change the scripted behaviour of the poison rule.
const (
	throws  = "throws"
	reports = "reports it"
)

// handlerKnob starts at the preset's first rule (a reporting rule starts
// at "reports it").
func handlerKnob(sc *sim.Scenario) knob {
	set := func(r string) func(*sim.Scenario) { return func(s *sim.Scenario) { s.Behaviour.Rules[0].Result = r } }
	cur := 0
	if sc.Behaviour.Rules[0].Result == sim.ResultReport {
		cur = 1
	}
	return knob{name: "handler on poison", cur: cur, help: "What the handler does with the poison record: throw (the whole invocation fails) or list it in batchItemFailures and return. Turning report_batch_item_failures sets this to match; set it afterwards for any mix, the trap (reports it, setting off) included.",
		opts: []option{{label: throws, apply: set(sim.ResultError)}, {label: reports, apply: set(sim.ResultReport)}}}
}

// poisonKnob starts at the preset's first rule's times (a transient
// failure of the first delivery starts at "first 1 delivery").
func poisonKnob(sc *sim.Scenario) knob {
	k := knob{name: "poison fails", help: "A poison record fails on every delivery; a transient error fails only its first deliveries, then succeeds."}
	for _, n := range []int{0, 1, 2, 3} {
		label := "every delivery"
		if n > 0 {
			label = fmt.Sprintf("first %d deliver%s", n, map[bool]string{true: "y", false: "ies"}[n == 1])
		}
		k.opts = append(k.opts, option{label: label, apply: func(s *sim.Scenario) { s.Behaviour.Rules[0].Times = n }})
		if n == sc.Behaviour.Rules[0].Times {
			k.cur = len(k.opts) - 1
		}
	}
	return k
}

// ruleKnobs change the scenario's first behaviour rule, so a scenario
// without a scripted handler has none of them.
var ruleKnobs = map[string]bool{"handler on poison": true, "poison fails": true, "slow request takes": true}

// knobsFor lists the settings the source's lesson teaches, starting at the
// preset's values.
func knobsFor(src string, sc *sim.Scenario) []knob {
	if sc.Behaviour != nil && len(sc.Behaviour.Rules) > 0 {
		return allKnobs(src, sc)
	}
	withRule := *sc
	withRule.Behaviour = &sim.Behaviour{Rules: []sim.Rule{{}}}
	var out []knob
	for _, k := range allKnobs(src, &withRule) {
		if !ruleKnobs[k.name] {
			out = append(out, k)
		}
	}
	return out
}

// allKnobs is knobsFor for a scenario with at least one behaviour rule.
// The knobs follow how Lambda is invoked from the source, so a new source
// of a known kind gets its knobs from the source table.
func allKnobs(src string, sc *sim.Scenario) []knob {
	var ks []knob
	add := func(k ...knob) { ks = append(ks, k...) }
	batch := func(values []int) knob {
		return intKnob(sc, "batch_size", "Most records per invocation.", func(s *sim.Scenario) *int { return &s.Mapping.BatchSize }, values, count)
	}
	window := durKnob(sc, "maximum_batching_window", "How long the poller waits to fill a batch before invoking.",
		func(s *sim.Scenario) *sim.Duration { return &s.Mapping.MaximumBatchingWindow }, []time.Duration{0, time.Second, 5 * time.Second, 30 * time.Second})
	report := boolKnob(sc, "report_batch_item_failures", "Lambda reads batchItemFailures from the response; off, a successful return means every record succeeded. Turning it also sets handler on poison to match.",
		func(s *sim.Scenario) *bool { return &s.Mapping.ReportBatchItemFailures })
	reservedK := intKnob(sc, "reserved_concurrency", "Caps concurrent invocations of the function; 0 throttles every one.",
		func(s *sim.Scenario) *int { return &s.Function.ReservedConcurrency }, []int{-1, 0, 1, 2, 5}, reserved)
	in := source.Source(src).Info()
	switch {
	case in.Invocation == source.Poll && !in.Stream:
		add(handlerKnob(sc), poisonKnob(sc), batch([]int{1, 2, 5, 10, 100}), window, report,
			durKnob(sc, "visibility_timeout", "How long a received message stays hidden before it can be received again.",
				func(s *sim.Scenario) *sim.Duration { return &s.Queue.VisibilityTimeout }, []time.Duration{10 * time.Second, 30 * time.Second, time.Minute, 5 * time.Minute}),
			intKnob(sc, "max_receive_count", "Receives after which the queue's redrive policy moves a message to the DLQ.",
				func(s *sim.Scenario) *int { return &s.Queue.MaxReceiveCount }, []int{1, 2, 3, 5, 10}, count),
			boolKnob(sc, "dead_letter_queue", "A redrive policy to a DLQ; off, a failing message stays until the retention period ends.",
				func(s *sim.Scenario) *bool { return &s.Queue.DeadLetterQueue }),
			reservedK)
	case in.Invocation == source.Poll:
		add(handlerKnob(sc), poisonKnob(sc), batch([]int{1, 2, 5, 10, 100}), window, report,
			boolKnob(sc, "bisect_batch_on_function_error", "Split a failed batch in two and retry each half, to isolate the bad record.",
				func(s *sim.Scenario) *bool { return &s.Mapping.BisectBatchOnFunctionError }),
			intKnob(sc, "maximum_retry_attempts", "Retries of a failed batch before it goes to the on-failure destination; -1 retries until the records expire.",
				func(s *sim.Scenario) *int { return &s.Mapping.MaximumRetryAttempts }, []int{-1, 0, 1, 2, 5, 10}, retries),
			durKnob(sc, "maximum_record_age", "Records older than this are not retried; they go to the on-failure destination, if there is one.",
				func(s *sim.Scenario) *sim.Duration { return &s.Mapping.MaximumRecordAge }, []time.Duration{-1, time.Minute, 10 * time.Minute, time.Hour}),
			intKnob(sc, "parallelization_factor", "Concurrent batches per shard, by partition key: a poison record blocks only its own lane.",
				func(s *sim.Scenario) *int { return &s.Mapping.ParallelizationFactor }, []int{1, 2, 3, 5, 10}, count),
			boolKnob(sc, "on_failure", "An on-failure destination that receives a description of the records given up on.",
				func(s *sim.Scenario) *bool { return &s.Mapping.OnFailure }))
	case in.Invocation == source.Async:
		if in.Filter == source.RulePattern {
			add(eventBridgeKnobs(sc)...) // the rule's target, before Lambda's own handling
		}
		add(poisonKnob(sc),
			intKnob(sc, "maximum_retry_attempts", "Retries after a function error (asynchronous invocation).",
				func(s *sim.Scenario) *int { return &s.Function.MaximumRetryAttempts }, []int{0, 1, 2}, count),
			durKnob(sc, "maximum_event_age", "Lambda discards an event older than this instead of retrying it.",
				func(s *sim.Scenario) *sim.Duration { return &s.Function.MaximumEventAge }, []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, time.Hour}),
			boolKnob(sc, "on_failure", "An on-failure destination that receives an invocation record for a discarded event.",
				func(s *sim.Scenario) *bool { return &s.Function.OnFailure }),
			boolKnob(sc, "dead_letter_queue", "A dead-letter queue that receives the discarded event itself.",
				func(s *sim.Scenario) *bool { return &s.Function.DeadLetterQueue }),
			reservedK)
		if in.Filter == source.SubscriptionPolicy {
			add(filterKnob())
		}
	case in.Invocation == source.Sync:
		add(durKnob(sc, "integration_timeout", "How long API Gateway waits for the function before answering the client itself.",
			func(s *sim.Scenario) *sim.Duration { return &s.API.IntegrationTimeout }, []time.Duration{time.Second, 5 * time.Second, 10 * time.Second}),
			durKnob(sc, "function timeout", "How long the function may run before Lambda stops it (a function error).",
				func(s *sim.Scenario) *sim.Duration { return &s.Function.Timeout }, []time.Duration{3 * time.Second, 10 * time.Second, 30 * time.Second}),
			durKnob(sc, "slow request takes", "How long the handler runs for the /reports/yearly request.",
				func(s *sim.Scenario) *sim.Duration { return &s.Behaviour.Rules[0].Duration }, []time.Duration{100 * time.Millisecond, 5 * time.Second, 20 * time.Second}),
			reservedK)
	}
	return ks
}

// filterKnob turns the SNS subscriptions' filter policies off, so every
// subscription receives every message.
func filterKnob() knob {
	return knob{name: "filter policies", help: "Each subscription's filter policy; off, every subscription receives every message.",
		opts: []option{
			{label: "off", apply: func(s *sim.Scenario) {
				for i := range s.Subscriptions {
					s.Subscriptions[i].FilterPolicy = nil
				}
			}},
			{label: "on", apply: func(*sim.Scenario) {}},
		}, cur: 1}
}

// eventBridgeKnobs are the rule's target settings: EventBridge's delivery
// to the function, before Lambda's own asynchronous handling.
func eventBridgeKnobs(sc *sim.Scenario) []knob {
	return []knob{
		durKnob(sc, "target outage", "For this long the function cannot be invoked (a retriable error); EventBridge retries the delivery.",
			func(s *sim.Scenario) *sim.Duration { return &s.Rule.Target.Unavailable }, []time.Duration{0, 10 * time.Minute, 2 * time.Hour, 30 * time.Hour}),
		intKnob(sc, "target maximum_retry_attempts", "Retries EventBridge makes to deliver the event to the target (its retry policy).",
			func(s *sim.Scenario) *int { return &s.Rule.Target.MaximumRetryAttempts }, []int{0, 3, 10, 185}, count),
		durKnob(sc, "target maximum_event_age", "EventBridge stops retrying a delivery once the event is older than this.",
			func(s *sim.Scenario) *sim.Duration { return &s.Rule.Target.MaximumEventAge }, []time.Duration{time.Minute, time.Hour, 24 * time.Hour}),
		boolKnob(sc, "target dead_letter_queue", "An SQS queue that receives the events EventBridge could not deliver.",
			func(s *sim.Scenario) *bool { return &s.Rule.Target.DeadLetterQueue }),
		boolKnob(sc, "missing_permission", "The function's resource-based policy does not allow EventBridge: not retried.",
			func(s *sim.Scenario) *bool { return &s.Rule.Target.MissingPermission }),
	}
}
