package quizzes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tutor-dev/tutor/assets/facts"
)

// builtinItems loads the embedded bank with the embedded facts.
func builtinItems(t *testing.T) []*Item {
	t.Helper()
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Builtin(reg)
	if err != nil {
		t.Fatal(err)
	}
	return b.Items
}

// TestBuiltinItemsHaveLevelAndObjective: issue 13 asks every item for a
// level (recall or apply) and the objective it assesses, and for at least
// 60% application items. (The objective's text is checked against its
// lesson by `tutor validate`, which sees both.)
func TestBuiltinItemsHaveLevelAndObjective(t *testing.T) {
	items := builtinItems(t)
	apply := 0
	for _, it := range items {
		switch it.Level {
		case "apply":
			apply++
		case "recall":
		default:
			t.Errorf("%s: level %q, want recall or apply", it.ID, it.Level)
		}
		if strings.TrimSpace(it.Objective) == "" {
			t.Errorf("%s: no objective", it.ID)
		}
	}
	if 100*apply < 60*len(items) {
		t.Errorf("%d of %d items are apply items, want at least 60%%", apply, len(items))
	}
}

// TestBuiltinBankDoesNotCue: a test-wise learner must not score by picking
// the longest choice (or, the other way round, the shortest), nor by always
// answering False.
func TestBuiltinBankDoesNotCue(t *testing.T) {
	var single, longest, shortest, tf, tfTrue int
	for _, it := range builtinItems(t) {
		switch it.Kind {
		case Single:
			single++
			key := it.Correct()[0]
			kl := utf8.RuneCountInString(it.Choices[key].Text)
			long, short := true, true
			for j, c := range it.Choices {
				if j == key {
					continue
				}
				n := utf8.RuneCountInString(c.Text)
				long = long && n < kl
				short = short && n > kl
			}
			if long {
				longest++
			}
			if short {
				shortest++
			}
		case TrueFalse:
			tf++
			if it.Choices[it.Correct()[0]].Text == "True" {
				tfTrue++
			}
		}
	}
	if 100*longest > 30*single {
		t.Errorf("the key is the strictly longest choice in %d of %d single-answer items, want at most 30%%", longest, single)
	}
	if 100*shortest > 30*single {
		t.Errorf("the key is the strictly shortest choice in %d of %d single-answer items, want at most 30%%", shortest, single)
	}
	if 100*tfTrue < 40*tf || 100*tfTrue > 60*tf {
		t.Errorf("%d of %d true/false items are keyed True, want 40-60%%", tfTrue, tf)
	}
}

// TestBuiltinBankFixes pins the corrections of issue 13 (and the facts of
// issue 12 they rest on), so a later edit cannot quietly bring them back.
func TestBuiltinBankFixes(t *testing.T) {
	byID := map[string]*Item{}
	for _, it := range builtinItems(t) {
		byID[it.ID] = it
	}
	all := func(id string) string {
		it, ok := byID[id]
		if !ok {
			t.Fatalf("item %s is missing", id)
		}
		var b strings.Builder
		b.WriteString(it.Prompt)
		for _, c := range it.Choices {
			b.WriteString("\n" + c.Text + "\n" + c.Why)
		}
		return b.String()
	}
	key := func(id string) string {
		it := byID[id]
		return it.Choices[it.Correct()[0]].Text
	}
	cases := []struct {
		id, want, why string
	}{
		{"best-practices/claim-check", "MaximumMessageSize", "SNS allows 256 KiB by default and up to 1 MiB with MaximumMessageSize"},
		{"best-practices/claim-check", "1 MiB", "SNS allows 256 KiB by default and up to 1 MiB with MaximumMessageSize"},
		{"s3/recursion-trap", "loop detection", "since 2024 recursive loop detection covers S3"},
		{"best-practices/idempotency-key-s3", "keep its request ID", "Lambda's own retries keep the request ID; a duplicate delivery gets a new one"},
		{"sqs/scaling-start", "provisioned", "default mode versus provisioned mode"},
		{"sqs/visibility-shorter-than-timeout", "returns an error", "Lambda rejects a mapping whose function timeout exceeds the visibility timeout"},
		{"kinesis/poison-default-settings", "retention", "a bad record blocks its shard as long as the stream keeps it"},
	}
	for _, c := range cases {
		if !strings.Contains(all(c.id), c.want) {
			t.Errorf("%s does not mention %q: %s", c.id, c.want, c.why)
		}
	}
	if k := key("sqs/visibility-shorter-than-timeout"); strings.Contains(k, "reappear") || strings.Contains(k, "twice") {
		t.Errorf("sqs/visibility-shorter-than-timeout keys a duplicate, but Lambda rejects the mapping: %q", k)
	}
	if strings.Contains(all("sqs/filter-only-body"), "how an SNS subscription filters") {
		t.Error("sqs/filter-only-body calls a pattern on messageAttributes an SNS filter; it is an event source mapping pattern SQS does not support")
	}
	if it := byID["apigateway/duplicate-orders-after-timeout"]; !strings.Contains(strings.Join(strings.Fields(it.Prompt), " "), "stop a retried request") {
		t.Errorf("apigateway/duplicate-orders-after-timeout must ask what stops a duplicate order: %q", it.Prompt)
	}
	for _, it := range byID {
		texts := []string{it.Prompt}
		for _, c := range it.Choices {
			texts = append(texts, c.Text, c.Why)
		}
		for _, s := range texts {
			if strings.Contains(strings.ToLower(s), "once at once") {
				t.Errorf("%s: %q", it.ID, s)
			}
			depth := 0
			for _, r := range s {
				switch r {
				case '(':
					depth++
					if depth == 2 {
						t.Errorf("%s: nested parentheses (a fact inside brackets?): %q", it.ID, s)
					}
				case ')':
					depth = max(0, depth-1)
				}
			}
		}
	}
}
