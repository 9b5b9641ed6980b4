package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// objectKeys returns the keys of the JSON object at the top of data, in order.
func objectKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", data)
	}
	var keys []string
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestJSONShape(t *testing.T) {
	sc, err := LoadFile("testdata/sqs-poison-partial.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(objectKeys(t, b), ","); got != "source,notes,metrics,records,subscriptions,timeline" {
		t.Errorf("top-level keys %s", got)
	}
	var doc struct {
		Metrics       json.RawMessage
		Records       json.RawMessage
		Subscriptions map[string]any
		Timeline      []map[string]any
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	want := "invocations,function_errors,throttles,retries,succeeded,to_dlq,to_on_failure,dropped,filtered_out,simulated_ms"
	if got := strings.Join(objectKeys(t, doc.Metrics), ","); got != want {
		t.Errorf("metrics keys %s, want %s", got, want)
	}
	if got := strings.Join(objectKeys(t, doc.Records), ","); got != "m1,m2,m3,m4,m5,m6,m7,m8,m9,m10" {
		t.Errorf("records not in arrival order: %s", got)
	}
	if !strings.Contains(string(doc.Records), `"m3":{"deliveries":3,"outcome":"dlq"}`) {
		t.Errorf("record m3: %s", doc.Records)
	}
	if doc.Subscriptions == nil || len(doc.Subscriptions) != 0 {
		t.Errorf("subscriptions should be an empty object for sqs, got %v", doc.Subscriptions)
	}
	kinds := map[string]bool{"receive": true, "invoke": true, "result": true, "retry": true, "delete": true, "dlq": true,
		"on_failure": true, "checkpoint": true, "throttle": true, "drop": true, "filter": true, "split": true}
	for _, e := range doc.Timeline {
		if k := fmt.Sprint(e["kind"]); !kinds[k] {
			t.Errorf("timeline kind %q is not in the contract", k)
		}
		if _, ok := e["records"].([]any); !ok {
			t.Errorf("timeline entry without a records array: %v", e)
		}
		for _, f := range []string{"t_ms", "detail"} {
			if _, ok := e[f]; !ok {
				t.Errorf("timeline entry without %s: %v", f, e)
			}
		}
	}
	if bytes.Contains(b, []byte(`"truncated"`)) {
		t.Error("a small run must not say truncated")
	}
}

func TestStatusOnlyForAPIGateway(t *testing.T) {
	for file, want := range map[string]bool{"apigateway-status.yaml": true, "sqs-transient.yaml": false} {
		sc, _ := LoadFile("testdata/" + file)
		res, err := Run(context.Background(), sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res.Records)
		if got := bytes.Contains(b, []byte(`"status"`)); got != want {
			t.Errorf("%s: status present %v, want %v", file, got, want)
		}
	}
}

func TestTruncation(t *testing.T) {
	sc := Default("sqs")
	sc.Generate = &Generate{Count: DefaultLimit + 1, Body: `{"n": {{.N}}}`}
	sc.Mapping.BatchSize = 1 // four timeline entries per message
	for _, full := range []bool{false, true} {
		res, err := Run(context.Background(), &sc, Options{Full: full})
		if err != nil {
			t.Fatal(err)
		}
		wantRecs := DefaultLimit
		if full {
			wantRecs = DefaultLimit + 1
		}
		if len(res.Records) != wantRecs || res.Truncated == full {
			t.Errorf("full=%v: %d records, truncated %v", full, len(res.Records), res.Truncated)
		}
		if !full && len(res.Timeline) != DefaultLimit {
			t.Errorf("timeline has %d entries, want the first %d", len(res.Timeline), DefaultLimit)
		}
		if full && len(res.Timeline) <= DefaultLimit {
			t.Errorf("--full timeline has only %d entries", len(res.Timeline))
		}
		if res.Metrics.Succeeded != DefaultLimit+1 || res.Metrics.Invocations != DefaultLimit+1 {
			t.Errorf("metrics must stay whole: %+v", res.Metrics)
		}
		if last := res.Records[len(res.Records)-1].ID; !full && last != fmt.Sprintf("r%d", DefaultLimit) {
			t.Errorf("kept records must be the first ones; last is %s", last)
		}
	}
}

func TestLines(t *testing.T) {
	sc, _ := LoadFile("testdata/sqs-poison-partial.yaml")
	res, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(Lines(res), "\n")
	for _, want := range []string{
		"Timeline (sqs):",
		"       +0s  receive    [m1 m2 m3 … m10, 10 records] a poller receives 10 messages; invisible for 30s",
		"    +1m30s  dlq        [m3] already received 3 times (max_receive_count): SQS moves them to the dead-letter queue on this receive",
		"Summary after 1m30s of simulated time:",
		"  invocations 3, function errors 0, throttles 0, retries 2",
		"  succeeded 9, to DLQ 1, to on-failure destination 0, dropped 0, filtered out 0",
		"  m3       dlq        deliveries 3",
		"How this model simplifies AWS:",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("missing line %q in\n%s", want, text)
		}
	}
}

func TestFmtDur(t *testing.T) {
	for ms, want := range map[int64]string{0: "0s", 20: "20ms", 1020: "1.02s", 90_000: "1m30s", 60_020: "1m0.02s", 345_600_000: "4d", 21_811_000: "6h3m31s"} {
		if got := fmtDur(ms); got != want {
			t.Errorf("fmtDur(%d) = %s, want %s", ms, got, want)
		}
	}
}

func TestVisibilityAdviceNote(t *testing.T) {
	// Allowed (at least the function timeout) but under AWS's advice.
	sc := Default("sqs")
	sc.Function.Timeout = Duration(time.Minute)
	sc.Queue.VisibilityTimeout = Duration(2 * time.Minute)
	sc.Records = []Record{{ID: "m1"}}
	res, err := Run(context.Background(), &sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "less than 6 times the function timeout (1m)") {
		t.Errorf("no visibility advice in notes: %v", res.Notes)
	}
}

// The TUI builds scenarios in code: Default plus the knobs it shows.
func TestBuildInCode(t *testing.T) {
	sc := Default("sqs")
	sc.Behaviour = &Behaviour{Rules: []Rule{{Match: Match{ID: "m2"}, Result: ResultReport}}}
	sc.Records = []Record{{ID: "m1", Body: "a"}, {ID: "m2", Body: "b"}}
	sc.Queue.DeadLetterQueue = true
	sc.Queue.MaxReceiveCount = 1
	for _, report := range []bool{false, true} {
		sc.Mapping.ReportBatchItemFailures = report
		res, err := Run(context.Background(), &sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		m2, _ := res.Records.Get("m2")
		want := "succeeded" // the trap: reported but deleted
		if report {
			want = "dlq"
		}
		if m2.Outcome != want {
			t.Errorf("report=%v: m2 %s, want %s", report, m2.Outcome, want)
		}
	}
	sc.Mapping.BatchSize = 0
	if _, err := Run(context.Background(), &sc, Options{}); err == nil || !strings.Contains(err.Error(), "mapping.batch_size") {
		t.Errorf("Run must validate: %v", err)
	}
}
