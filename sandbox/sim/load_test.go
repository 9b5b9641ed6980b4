package sim

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/assets/source"
)

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string // substrings of the one error line
	}{
		{"unknown field", "source: sqs\nqueue: {visiblity_timeout: 30s}\n", []string{"s.yaml:2:", `unknown field "visiblity_timeout"`}},
		{"unknown top field", "source: sqs\nbatch_size: 10\n", []string{"s.yaml:2:1", `unknown field "batch_size"`}},
		{"bad source", "source: kafka\n", []string{"s.yaml:1:9", "source: must be one of"}},
		{"missing source", "records: []\n", []string{"s.yaml", "missing source"}},
		{"batch size", "source: sqs\nmapping:\n  batch_size: 0\n", []string{"s.yaml:3:15", "mapping.batch_size: must be 1-10000"}},
		{"large batch needs window", "source: sqs\nmapping:\n  batch_size: 100\n", []string{"s.yaml:3:", "mapping.maximum_batching_window: must be at least 1s"}},
		{"bad duration", "source: s3\nfunction:\n  timeout: 3x\n", []string{"s.yaml:3:12", "timeout", `"3x" is not a duration`}},
		{"timeout range", "source: s3\nfunction: {timeout: 16m}\n", []string{"s.yaml:2:21", "function.timeout: must be between 1s and 15m"}},
		{"async retries", "source: s3\nfunction: {maximum_retry_attempts: 3}\n", []string{"s.yaml:2:36", "function.maximum_retry_attempts: must be 0-2"}},
		{"type error", "source: sqs\nmapping: {batch_size: ten}\n", []string{"s.yaml:2:23", `batch_size: want a whole number, got "ten"`}},
		{"receive count", "source: sqs\nqueue: {max_receive_count: 0}\n", []string{"s.yaml:2:", "queue.max_receive_count: must be 1-1000"}},
		{"rule result", "source: sqs\nbehaviour:\n  rules:\n    - {match: {id: m1}, result: explode}\n", []string{"s.yaml:4:", "behaviour.rules[0].result: must be one of"}},
		{"wrong record field", "source: sqs\nrecords:\n  - {id: a, data: x}\n", []string{"s.yaml:3:", "records[0].data: not a field of sqs records"}},
		{"duplicate id", "source: sqs\nrecords:\n  - {id: a}\n  - {id: a}\n", []string{"s.yaml:4:", `duplicate record id "a"`}},
		{"generated id clash", "source: sqs\nrecords:\n  - {id: r2}\ngenerate: {count: 5, body: x}\n", []string{"s.yaml:3:", `record id "r2" is also the id of a generated record`}},
		{"bad filter", "source: sqs\nmapping:\n  filters:\n    - {body: {n: [{numeric: [\">\"]}]}}\n", []string{"s.yaml:4:", "mapping.filters[0]"}},
		{"bad filter policy", "source: sns\nsubscriptions:\n  - name: a\n    filter_policy: {a: [{prefix: 1}]}\n", []string{"s.yaml:4:", "subscriptions[0].filter_policy"}},
		{"subscriptions elsewhere", "source: sqs\nsubscriptions: [{name: a}]\n", []string{"s.yaml:2:", "subscriptions are for source sns"}},
		{"parallelization", "source: kinesis\nmapping: {parallelization_factor: 11}\n", []string{"s.yaml:2:", "must be 1-10"}},
		{"record age", "source: kinesis\nmapping: {maximum_record_age: 30s}\n", []string{"s.yaml:2:", "maximum_record_age: must be between 1m and"}},
		{"integration timeout", "source: apigateway\napi: {integration_timeout: 30s}\n", []string{"s.yaml:2:", "api.integration_timeout: must be between 50ms and 29s"}},
		{"handler and rules", "source: sqs\nhandler: sqs-batch\nbehaviour:\n  rules: [{result: error}]\n", []string{"s.yaml:4:", "behaviour.rules: rules script a handler; with handler sqs-batch give only behaviour.duration"}},
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

func TestLoadDefaults(t *testing.T) {
	for _, src := range source.All() {
		if _, ok := models[src]; !ok {
			continue // a source the simulator does not model (functionurl)
		}
		sc, err := Load("s.yaml", []byte("source: "+src+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if want := Default(src); !reflect.DeepEqual(*sc, want) {
			t.Errorf("%s: loaded %+v, Default gives %+v", src, *sc, want)
		}
	}
	sc, err := Load("s.yaml", []byte("source: kinesis\nfunction: {timeout: 10s}\nmapping: {maximum_retry_attempts: 5}\n"))
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case sc.Mapping.BatchSize != kinesisBatchDefault:
		t.Errorf("kinesis batch size %d, want AWS's default %d", sc.Mapping.BatchSize, kinesisBatchDefault)
	case sc.Function.MaximumEventAge.D() != asyncEventAgeDefault || sc.Function.Timeout.D().Seconds() != 10:
		t.Errorf("a partly given block must keep the defaults of the fields it omits: %+v", sc.Function)
	case sc.Mapping.MaximumRecordAge != -1 || sc.Mapping.MaximumRetryAttempts != 5:
		t.Errorf("mapping %+v", sc.Mapping)
	}
}

// Every scenario in testdata loads: they double as instructors' examples.
func TestTestdataLoads(t *testing.T) {
	for _, c := range scenarioCases {
		if _, err := LoadFile("testdata/" + c.file); err != nil {
			t.Error(err)
		}
	}
}

func TestDurations(t *testing.T) {
	for in, want := range map[string]string{"20ms": "20ms", "90": "1m30s", "4d": "4d", "96h": "4d", "1.5s": "1.5s", "-1": "-1"} {
		d, err := parseDuration(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := Duration(d).String(); got != want {
			t.Errorf("%s printed as %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "3x", "-2", "-5s"} {
		if _, err := parseDuration(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestYAMLRoundTrip(t *testing.T) {
	for _, c := range append(scenarioCases, struct {
		file    string
		metrics Metrics
		records map[string]recWant
		invokes []int64
		subs    []SubscriptionResult
	}{file: "every-field.yaml"}) {
		sc, err := LoadFile("testdata/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		b, err := sc.YAML()
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		back, err := Load(c.file+" (written back)", b)
		if err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		r1, err1 := Run(context.Background(), sc, Options{})
		r2, err2 := Run(context.Background(), back, Options{})
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", c.file, err1, err2)
		}
		if r1.Metrics != r2.Metrics {
			t.Errorf("%s: written back it runs differently: %+v vs %+v\n%s", c.file, r1.Metrics, r2.Metrics, b)
		}
	}
}
