package filterlab

import (
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/tutor-dev/tutor/assets/source"
)

// decoder is what Lambda decodes in a record before an event source
// mapping's filter reads it: the record key, how it is decoded (for the
// detail pane) and the decoding itself. Sources not listed are filtered
// on the record as delivered (DynamoDB).
type decoder struct {
	key, how string
	decode   func(s Sample, rec map[string]any) (input, error)
}

var decoders = map[source.Source]decoder{
	source.SQS:     {"body", "the message body", decodeSQS},
	source.Kinesis: {"data", "base64-decoded", decodeKinesis},
}

// esmKeyFact names the fact holding the one record key a source's event
// source mapping filters on.
func esmKeyFact(src source.Source) string { return "filter.esm." + string(src) + "-key" }

// policyLab says whether the lab is about a subscription filter policy
// (SNS: matched against attributes or body, with a scope) rather than an
// event pattern applied to each record.
func policyLab(src source.Source) bool { return src.Filter() == source.SubscriptionPolicy }

// patternText is how the lab speaks of an event pattern lab, by filter
// kind: the title's kind, the verdicts, the status line's counts and the
// heading of the item as delivered.
type patternText struct{ kind, match, miss, yes, no, item string }

var patternTexts = map[source.Filter]patternText{
	source.MappingPattern: {"event-source-mapping filter", "matches: the record reaches the handler", "dropped by the mapping",
		"reach the handler", "dropped by the mapping", "The record as Lambda delivers it"},
	source.RulePattern: {"rule event pattern", "matches: the rule sends it to its targets", "no match: no target of this rule gets it",
		"sent to the targets", "matched by no rule", "The event as the rule sees it"},
}

// decodeSQS reads a body that is JSON as JSON, as Lambda's filter does.
func decodeSQS(_ Sample, rec map[string]any) (input, error) {
	body, _ := rec["body"].(string)
	in := input{decoded: body}
	var v any
	if json.Unmarshal([]byte(body), &v) == nil {
		rec["body"] = v
	}
	in.view = rec
	return in, nil
}

// decodeKinesis decodes the base64 data; the pattern applies to the
// "kinesis" object.
func decodeKinesis(s Sample, rec map[string]any) (input, error) {
	var in input
	k, _ := rec["kinesis"].(map[string]any)
	if k == nil {
		return in, fmt.Errorf("sample %q: record has no kinesis object", s.Name)
	}
	enc, _ := k["data"].(string)
	raw, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return in, fmt.Errorf("sample %q: kinesis.data is not base64: %w", s.Name, err)
	}
	in.decoded = string(raw)
	var v any
	if json.Unmarshal(raw, &v) == nil {
		k["data"] = v
	} else {
		k["data"] = string(raw)
		in.notJSON = true
	}
	in.view = k
	return in, nil
}
