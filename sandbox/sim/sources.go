package sim

import (
	"encoding/json"

	"github.com/tutor-dev/tutor/assets/source"
)

// model is what the simulator knows of one event source beyond the
// course-wide table in assets/source: how an event source's run is driven
// comes from its invocation model (source.Info.Invocation, Stream); the
// rest is here, one entry per source, so a new source is one entry.
type model struct {
	batchDefault int      // the mapping's default batch size (poll sources)
	batchMax     int      // its largest batch size
	fields       []string // the record fields the source accepts
	notes        []string // how the model simplifies AWS
	// text is a record's main field: where match.contains looks and what
	// generate.body fills.
	text func(r *Record) string
	// event builds the event a real handler gets for a batch (for a
	// non-batching source, idx has one record).
	event func(s *sim, idx []int32) ([]byte, error)
	// filterInput is the record as event filtering sees it; nil when the
	// source has no event source mapping filters.
	filterInput func(s *sim, i int32) map[string]any
}

var models = map[source.Source]model{
	source.APIGateway: {
		fields: []string{"path", "method", "body"},
		notes:  syncNotes,
		text:   func(r *Record) string { return r.Path + " " + r.Body },
		event:  (*sim).apigatewayEvent,
	},
	source.S3: {
		fields: []string{"key", "event_name"},
		notes:  asyncNotes,
		text:   func(r *Record) string { return r.Key },
		event:  (*sim).s3Event,
	},
	source.SNS: {
		fields: []string{"message", "attributes"},
		notes:  append(append([]string(nil), asyncNotes...), snsNotes...),
		text:   func(r *Record) string { return r.Message },
		event:  (*sim).snsEvent,
	},
	source.EventBridge: {
		fields: []string{"detail", "detail_type", "event_source"},
		notes:  append(append([]string(nil), asyncNotes...), ebNotes...),
		text:   func(r *Record) string { return r.Detail },
		event:  (*sim).eventbridgeEvent,
	},
	source.SQS: {
		batchDefault: sqsBatchDefault, batchMax: sqsBatchMax,
		fields:      []string{"body", "attributes", "group", "dedup_id"},
		notes:       sqsNotes,
		text:        func(r *Record) string { return r.Body },
		event:       (*sim).sqsEvent,
		filterInput: (*sim).sqsFilterInput,
	},
	source.Kinesis: {
		batchDefault: kinesisBatchDefault, batchMax: streamBatchMax,
		fields:      []string{"data", "partition_key"},
		notes:       streamNotes,
		text:        func(r *Record) string { return r.Data },
		event:       (*sim).kinesisEvent,
		filterInput: (*sim).kinesisFilterInput,
	},
	source.DynamoDB: {
		batchDefault: dynamoBatchDefault, batchMax: streamBatchMax,
		fields:      []string{"event_name", "keys", "new_image"},
		notes:       streamNotes,
		text:        func(r *Record) string { return typedJSON(r.NewImage) },
		event:       (*sim).dynamodbEvent,
		filterInput: (*sim).dynamodbFilterInput,
	},
}

// modelled returns the sources the simulator models, in course order.
func modelled() []source.Source {
	var out []source.Source
	for _, s := range source.All() {
		if _, ok := models[s]; ok {
			out = append(out, s)
		}
	}
	return out
}

// modelledList is modelled as one line: "apigateway, s3, ...".
func modelledList() string {
	out := ""
	for i, s := range modelled() {
		if i > 0 {
			out += ", "
		}
		out += string(s)
	}
	return out
}

// typedJSON writes a DynamoDB typed map as JSON ("" when empty).
func typedJSON(m map[string]any) string {
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(normalize(m))
	return string(b)
}
