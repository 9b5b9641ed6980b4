package sim

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/assets/facts"
)

var numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "ten": "10"}

var numRe = regexp.MustCompile(`-?\d[\d,]*(\.\d+)?`)

// factNumbers returns the numbers in a fact's value, in order ("1,000" is
// 1000, "five" is 5).
func factNumbers(v string) []float64 {
	for w, d := range numberWords {
		if v == w || strings.HasPrefix(v, w+" ") {
			v = d + v[len(w):]
		}
	}
	var out []float64
	for _, m := range numRe.FindAllString(v, -1) {
		f, err := strconv.ParseFloat(strings.ReplaceAll(m, ",", ""), 64)
		if err == nil {
			out = append(out, f)
		}
	}
	return out
}

var units = []struct {
	word string
	d    time.Duration
}{
	{"millisecond", time.Millisecond}, {"second", time.Second}, {"minute", time.Minute},
	{"hour", time.Hour}, {"day", 24 * time.Hour}, {"week", 7 * 24 * time.Hour},
}

// factDuration reads "29 seconds", "4 days", "900 seconds (15 minutes)".
func factDuration(t *testing.T, id, v string) time.Duration {
	t.Helper()
	m := regexp.MustCompile(`^(-?[\d,.]+)\s+([a-z]+)`).FindStringSubmatch(v)
	if m == nil {
		t.Fatalf("fact %s: %q is not a duration", id, v)
	}
	n, _ := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	for _, u := range units {
		if strings.HasPrefix(m[2], u.word) {
			return time.Duration(n * float64(u.d))
		}
	}
	t.Fatalf("fact %s: unknown unit in %q", id, v)
	return 0
}

// TestConstantsMatchFacts keeps every AWS number the model uses equal to
// the facts registry, so the lessons and the simulator cannot drift apart.
func TestConstantsMatchFacts(t *testing.T) {
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	durations := []struct {
		id   string
		want time.Duration
	}{
		{"lambda.timeout.default", defFunctionTimeout},
		{"lambda.timeout.max", maxFunctionTimeout},
		{"async.retry.first-wait", asyncFirstRetryWait},
		{"async.retry.second-wait", asyncSecondRetryWait},
		{"async.max-event-age.default", asyncEventAgeDefault},
		{"sim.async.max-event-age.max", asyncEventAgeMax},
		{"async.throttle-retry.window", asyncEventAgeDefault},
		{"async.max-event-age.min", asyncEventAgeMin},
		{"async.throttle-backoff.min", throttleBackoffStart},
		{"async.throttle-backoff.max", throttleBackoffMax},
		{"sqs.visibility-timeout.default", sqsVisibilityDefault},
		{"sim.sqs.visibility-timeout.max", sqsVisibilityMax},
		{"sqs.retention.default", sqsRetentionDefault},
		{"sqs.retention.max", sqsRetentionMax},
		{"sim.sqs.retention.min", sqsRetentionMin},
		{"sqs.batching-window.default", sqsWindowDefault},
		{"esm.batching-window.max", windowMax},
		{"esm.batching-window.min-for-large-batch", largeBatchMinWindow},
		{"kinesis.max-record-age.max", streamRecordAgeMax},
		{"dynamodb.max-record-age.max", streamRecordAgeMax},
		{"sim.streams.record-age.min", streamRecordAgeMin},
		{"sim.kinesis.retention.default", streamRetention},
		{"dynamodb.stream.retention", streamRetention},
		{"apigw.rest.timeout.default", restIntegrationTimeout},
		{"apigw.rest.timeout.min", restIntegrationTimeoutMin},
		{"sqs-fifo.dedup-interval", fifoDedupInterval},
		{"eventbridge.retry.max-event-age.default", ebEventAgeDefault},
	}
	for _, c := range durations {
		f, ok := reg.Get(c.id)
		if !ok {
			t.Errorf("fact %s is missing from assets/facts", c.id)
			continue
		}
		if got := factDuration(t, c.id, f.Value); got != c.want {
			t.Errorf("fact %s = %q (%v), the simulator uses %v", c.id, f.Value, got, c.want)
		}
	}
	numbers := []struct {
		id   string
		last bool // compare the last number in the value ("0 to 2")
		want float64
	}{
		{"concurrency.account.default", false, accountConcurrency},
		{"async.retries.default", false, asyncRetriesDefault},
		{"async.retries.range", true, asyncRetriesMax},
		{"sim.sqs.max-receive-count.min", false, sqsMaxReceiveMin},
		{"sim.sqs.max-receive-count.max", false, sqsMaxReceiveMax},
		{"sqs.visibility-timeout.lambda-factor", false, sqsVisibilityFactor},
		{"sqs.batch-size.default", false, sqsBatchDefault},
		{"sqs.batch-size.max-standard", false, sqsBatchMax},
		{"sqs.batch-size.max-fifo", false, sqsBatchMaxFIFO},
		{"sqs.scaling.initial-batches", false, sqsScalingInitial},
		{"sqs.scaling.increase-per-minute", false, sqsScalingPerMinute},
		{"sqs.scaling.max-batches", false, sqsScalingMax},
		{"kinesis.batch-size.default", false, kinesisBatchDefault},
		{"dynamodb.batch-size.default", false, dynamoBatchDefault},
		{"kinesis.batch-size.max", false, streamBatchMax},
		{"dynamodb.batch-size.max", false, streamBatchMax},
		{"kinesis.max-retry-attempts.default", false, streamRetriesDefault},
		{"dynamodb.max-retry-attempts.default", false, streamRetriesDefault},
		{"kinesis.max-retry-attempts.max", false, streamRetriesMax},
		{"dynamodb.max-retry-attempts.max", false, streamRetriesMax},
		{"kinesis.max-record-age.default", false, -1},
		{"kinesis.parallelization-factor.default", false, 1},
		{"kinesis.parallelization-factor.max", false, parallelizationMax},
		{"dynamodb.parallelization-factor.max", false, parallelizationMax},
		{"apigw.status.invoke-rejected", false, apiThrottleStatus},
		{"apigw.status.function-error", false, apiErrorStatus},
		{"apigw.status.integration-timeout", false, apiTimeoutStatus},
		{"eventbridge.retry.attempts.default", false, ebRetryAttemptsDefault},
		{"eventbridge.retry.attempts.range", true, ebRetryAttemptsMax},
		{"eventbridge.retry.max-event-age.range", false, ebEventAgeMin.Seconds()},
		{"eventbridge.retry.max-event-age.range", true, ebEventAgeMax.Seconds()},
	}
	for _, c := range numbers {
		f, ok := reg.Get(c.id)
		if !ok {
			t.Errorf("fact %s is missing from assets/facts", c.id)
			continue
		}
		ns := factNumbers(f.Value)
		if len(ns) == 0 {
			t.Errorf("fact %s = %q has no number", c.id, f.Value)
			continue
		}
		got := ns[0]
		if c.last {
			got = ns[len(ns)-1]
		}
		if got != c.want {
			t.Errorf("fact %s = %q, the simulator uses %v", c.id, f.Value, c.want)
		}
	}
	// Defaults the scenario starts from are the same constants.
	d := Default("kinesis")
	if d.Mapping.MaximumRecordAge != -1 || d.Mapping.ParallelizationFactor != 1 {
		t.Errorf("kinesis defaults: record age %v, parallelization %d", d.Mapping.MaximumRecordAge, d.Mapping.ParallelizationFactor)
	}
	// Rules the docs state in words are quoted in the notes.
	for _, id := range []string{"sim.streams.bisect.retry-quota", "sim.streams.throttle-retry"} {
		f, _ := reg.Get(id)
		if f.Value == "" || !strings.Contains(strings.Join(streamNotes, " "), f.Value) {
			t.Errorf("the stream notes should quote fact %s (%q)", id, f.Value)
		}
	}
}
