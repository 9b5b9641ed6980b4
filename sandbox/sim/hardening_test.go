package sim

import (
	"context"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/assets/facts"
)

// Scenarios that goccy/go-yaml or the old checks let through, or that ran
// for minutes: each is now refused at load with one line naming the file,
// the line and the field (issue 10).
func TestLoadRefuses(t *testing.T) {
	bomb := "source: sqs\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	cases := []struct {
		name, yaml string
		want       []string
	}{
		{"alias bomb", bomb, []string{"s.yaml:3:", "YAML aliases (*a) are not allowed"}},
		{"second document", "source: sqs\n---\nsource: s3\nrecords: [{id: m1}]\n", []string{"s.yaml:2:1", "one YAML document", "would be ignored"}},
		{"quoted batch size", "source: sqs\nmapping: {batch_size: \"10\"}\n", []string{"s.yaml:2:23", `batch_size: want a whole number, got "10" (a quoted string`}},
		{"quoted bool", "source: sqs\nqueue:\n  dead_letter_queue: 'true'\n", []string{"s.yaml:3:22", "dead_letter_queue: want true or false"}},
		{"quoted int in a rule", "source: sqs\nbehaviour:\n  rules: [{result: error, times: \"2\"}]\n", []string{"s.yaml:3:", "times: want a whole number"}},
		{"1e400 in a filter", "source: sqs\nmapping:\n  filters:\n    - {body: {n: [{numeric: [\">\", 1e400]}]}}\n", []string{"s.yaml:4:", "mapping.filters[0]", "number 1e400 is out of range"}},
		{"1e400 in a policy", "source: sns\nsubscriptions:\n  - {name: a, filter_policy: {n: [{numeric: [\"<\", 1e400]}]}}\n", []string{"s.yaml:3:", "subscriptions[0].filter_policy", "1e400"}},
		{"zero duration", "source: sqs\nbehaviour: {duration: 0s}\n", []string{"s.yaml:2:23", "duration: 0s is not a time an invocation can take", "leave the field out for the default"}},
		{"zero rule duration", "source: sqs\nbehaviour:\n  rules: [{result: ok, duration: 0}]\n", []string{"s.yaml:3:", "duration: 0s is not"}},
		{"1ns timeout", "source: s3\nfunction: {timeout: 1ns}\n", []string{"s.yaml:2:", "function.timeout: must be a whole number of seconds between 1s and 15m: AWS sets it in seconds (got 1ns)"}},
		{"fractional timeout", "source: s3\nfunction: {timeout: 1.5s}\n", []string{"function.timeout: must be a whole number of seconds", "(got 1.5s)"}},
		{"sub-ms duration", "source: sqs\nbehaviour: {duration: 1500us}\n", []string{"behaviour.duration: must be a whole number of milliseconds", "(got 1.5ms)"}},
		{"visibility 0s", "source: sqs\nbehaviour:\n  rules: [{result: error}]\nqueue: {visibility_timeout: 0s}\nrecords: [{id: m1}]\n", []string{"s.yaml:4:29", "queue.visibility_timeout: 0s is shorter than function.timeout 3s", "Lambda refuses"}},
		{"visibility default under a long timeout", "source: sqs\nfunction: {timeout: 60s}\n", []string{"s.yaml:2:21", "queue.visibility_timeout: 30s is shorter than function.timeout 1m", "at least 1m"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load("s.yaml", []byte(c.yaml))
			if err == nil {
				t.Fatalf("no error for\n%s", c.yaml)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
		})
	}
}

// What stays accepted: equal timeouts (AWS: less than or equal), numbers
// in filters that JSON holds, quoted strings where strings belong.
func TestLoadAccepts(t *testing.T) {
	for _, y := range []string{
		"source: sqs\nfunction: {timeout: 30s}\nqueue: {visibility_timeout: 30s}\n",
		"source: sqs\nmapping:\n  filters:\n    - {body: {n: [{numeric: [\">\", 1e3]}], id: [\"1e400\"]}}\n",
		"source: sqs\nbehaviour: {duration: 1ms}\nrecords: [{id: \"10\", body: \"x\"}]\n",
		"source: sqs\n---\n",
	} {
		sc, err := Load("s.yaml", []byte(y))
		if err != nil {
			t.Errorf("%v\n%s", err, y)
			continue
		}
		if _, err := sc.YAML(); err != nil {
			t.Errorf("written back: %v", err)
		}
	}
}

// The rule the simulator enforces is a fact of the registry.
func TestVisibilityRuleIsAFact(t *testing.T) {
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, ok := reg.Get("sqs.visibility-timeout.min-function-timeout")
	if !ok || !strings.HasSuffix(f.Source, "/services-sqs-configure.html") {
		t.Fatalf("fact %+v", f)
	}
}

// The example of what Lambda refuses is refused the same way.
func TestRejectedExample(t *testing.T) {
	_, err := LoadFile("testdata/rejected/sqs-visibility-too-short.yaml")
	if err == nil || !strings.Contains(err.Error(), "sqs-visibility-too-short.yaml:16:") ||
		!strings.Contains(err.Error(), "queue.visibility_timeout: 30s is shorter than function.timeout 1m") {
		t.Fatalf("err %v", err)
	}
}

// A run that keeps retrying is stopped by its event budget with one line,
// long before minutes of CPU (the scenario, visibility_timeout 0s,
// ran 182 s to a 200M-event stop; 0s is now refused, 1s is the shortest).
func TestEventBudget(t *testing.T) {
	sc, err := Load("s.yaml", []byte(`source: sqs
behaviour:
  rules: [{result: error}]
function: {timeout: 1s}
queue: {visibility_timeout: 1s, retention: 14d}
records: [{id: m1}, {id: m2}]
`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), sc, Options{})
	if err == nil {
		t.Fatal("a run of 14 days of retries every second finished")
	}
	msg := err.Error()
	for _, w := range []string{"the run stopped after 2000040 simulated events at +", "with 2 records unfinished", "dead-letter queue"} {
		if !strings.Contains(msg, w) || strings.Contains(msg, "\n") {
			t.Errorf("error %q does not contain %q on one line", msg, w)
		}
	}
}

func TestNegativeDurationMessage(t *testing.T) {
	_, err := Load("s.yaml", []byte("source: s3\nfunction: {timeout: -1}\n"))
	if err == nil || !strings.Contains(err.Error(), "function.timeout: must be between 1s and 15m (got -1)") {
		t.Errorf("err %v", err)
	}
}

// Past 30 days of virtual time a run stops with a note, not an error.
func TestVirtualTimeLimit(t *testing.T) {
	sc, err := Load("s.yaml", []byte("source: s3\nrecords: [{id: e1, key: a}, {id: e2, key: b, at: 31d}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e2, _ := res.Records.Get("e2")
	if e2.Outcome != "pending" || !strings.Contains(strings.Join(res.Notes, " "), "safety limit of 30d") {
		t.Errorf("e2 %+v, notes %v", e2, res.Notes)
	}
}

// A real handler whose virtual duration reaches the function timeout times
// out there, as a scripted one does (it used to succeed after 10 s of a 5 s
// timeout).
func TestRealHandlerTimesOutAtTheTimeout(t *testing.T) {
	sc, err := Load("s.yaml", []byte(`source: sqs
handler: sqs-batch
behaviour: {duration: 10s}
function: {timeout: 5s}
queue: {max_receive_count: 1, dead_letter_queue: true}
records: [{id: o1, body: '{"orderId": "ord-1", "quantity": 2}'}]
`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o1, _ := res.Records.Get("o1")
	if o1.Outcome != "dlq" || res.Metrics.FunctionErrors != 1 || !strings.Contains(res.Timeline[2].Detail, "Task timed out after 5s") {
		t.Errorf("o1 %+v, metrics %+v, timeline %+v", o1, res.Metrics, res.Timeline)
	}
}
