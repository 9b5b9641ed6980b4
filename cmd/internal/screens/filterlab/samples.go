package filterlab

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

// Sample is one SNS message or one event-source-mapping record of a lab,
// as the course's filterlabs/<name>.yaml gives it.
type Sample = course.FilterSample

// factValue is a fact's value in the course's registry.
func factValue(reg *facts.Registry, id string) (string, bool) {
	if reg == nil {
		return "", false
	}
	f, ok := reg.Get(id)
	return f.Value, ok
}

// Check reports, with file and line, the samples of a lab that the lab
// could not show: a record that is not what Lambda's filter would read.
func Check(lab *course.FilterLab) error {
	var errs []error
	for _, s := range lab.Samples {
		if _, err := prepare(lab.Source, s); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", lab.File, s.Line, err))
		}
	}
	return errors.Join(errs...)
}

// input is a sample prepared once for matching.
type input struct {
	attrs   []byte // sns: the attributes object
	body    []byte // sns: the message text
	view    any    // esm: the record as the filter sees it (the key decoded)
	decoded string // esm: the filtered key after decoding, for display
	notJSON bool   // kinesis: data that is not JSON once decoded
}

// prepare decodes what Lambda decodes before filtering (see decoders).
func prepare(src source.Source, s Sample) (input, error) {
	var in input
	if policyLab(src) {
		in.attrs = bytes.TrimSpace(s.Attributes)
		if len(in.attrs) == 0 {
			in.attrs = []byte("{}")
		}
		in.body = bytes.TrimSpace(s.Message)
		var text string
		if len(in.body) > 0 && in.body[0] == '"' && json.Unmarshal(in.body, &text) == nil {
			in.body = []byte(text) // a plain-text message
		}
		return in, nil
	}
	var rec map[string]any
	if err := json.Unmarshal(s.Record, &rec); err != nil {
		return in, fmt.Errorf("sample %q: record: %w", s.Name, err)
	}
	if d, ok := decoders[src]; ok {
		return d.decode(s, rec)
	}
	in.view = rec
	return in, nil
}

// compile compiles the learner's policy for the lab's source.
func compile(src source.Source, policy []byte, scope filter.Scope) (*filter.Policy, error) {
	if policyLab(src) {
		return filter.CompileSNS(policy, scope)
	}
	return filter.CompilePattern(policy)
}

// match evaluates one prepared sample. top holds the policy's top-level keys.
func match(p *filter.Policy, src source.Source, scope filter.Scope, in input, top []string) filter.Result {
	if !policyLab(src) {
		if in.notJSON && contains(top, "data") {
			return filter.Result{Key: "data", Reason: `key "data": not JSON once base64-decoded, so a pattern on data cannot match it and Lambda drops the record`}
		}
		return p.MatchValue(in.view)
	}
	data := in.attrs
	if scope == filter.ScopeBody {
		data = in.body
	}
	r, err := p.Match(data)
	if err != nil {
		return filter.Result{Reason: "the sample cannot be read: " + err.Error()}
	}
	return r
}

// topKeys lists a JSON object's keys in order; nil if it is not an object.
func topKeys(policy []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(policy))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys
		}
		k, _ := t.(string)
		keys = append(keys, k)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return keys
		}
	}
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
