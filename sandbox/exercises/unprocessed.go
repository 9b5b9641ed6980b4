package exercises

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/tutor-dev/tutor/sandbox"
)

// judgeUnprocessed checks that every record of the event was either
// processed (a log line matching pat names it) or reported in
// batchItemFailures, and none both: a record that is neither is deleted
// as if it had succeeded; one that is both is processed twice.
func judgeUnprocessed(pat string, res *sandbox.Result) string {
	ids := recordIDs(res.Event)
	re := regexp.MustCompile(pat)
	done := map[string]bool{}
	for _, l := range res.Logs {
		if m := re.FindStringSubmatch(l); m != nil {
			done[m[1]] = true
		}
	}
	var got any
	json.Unmarshal(res.Response, &got)
	failed, bad := failureIDs(got)
	if bad != "" {
		return bad
	}
	reported := map[string]bool{}
	for _, id := range failed {
		reported[id] = true
	}
	var lost, twice []string
	for _, id := range ids {
		switch {
		case done[id] && reported[id]:
			twice = append(twice, id)
		case !done[id] && !reported[id]:
			lost = append(lost, id)
		}
	}
	switch {
	case len(lost) > 0:
		return fmt.Sprintf("%s neither processed nor reported: Lambda deletes them as if they had succeeded (processed %d, reported %s)", strings.Join(lost, ", "), len(done), list(failed))
	case len(twice) > 0:
		return fmt.Sprintf("%s processed and also reported: they will be processed again", strings.Join(twice, ", "))
	}
	return ""
}

// recordIDs are the identifiers a partial batch response names the event's
// records by: SQS messageId, stream sequence numbers.
func recordIDs(event []byte) []string {
	var ev struct {
		Records []struct {
			MessageID string `json:"messageId"`
			Kinesis   struct {
				SequenceNumber string `json:"sequenceNumber"`
			} `json:"kinesis"`
			DynamoDB struct {
				SequenceNumber string `json:"SequenceNumber"`
			} `json:"dynamodb"`
		} `json:"Records"`
	}
	json.Unmarshal(event, &ev)
	var ids []string
	for _, r := range ev.Records {
		for _, id := range []string{r.MessageID, r.Kinesis.SequenceNumber, r.DynamoDB.SequenceNumber} {
			if id != "" {
				ids = append(ids, id)
				break
			}
		}
	}
	return ids
}
