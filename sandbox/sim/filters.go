package sim

import (
	"encoding/json"
	"fmt"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

// compileSNS compiles a subscription's filter policy (nil when it has none).
func compileSNS(sub Subscription) (*filter.Policy, error) {
	if sub.FilterPolicy == nil {
		return nil, nil
	}
	b, err := filterJSON(sub.FilterPolicy)
	if err != nil {
		return nil, err
	}
	scope := filter.ScopeAttributes
	if sub.FilterPolicyScope != "" {
		if scope, err = filter.ParseScope(sub.FilterPolicyScope); err != nil {
			return nil, err
		}
	}
	return filter.CompileSNS(b, scope)
}

// snsMatcher decides whether a subscription receives a record (nil: all).
func (s *sim) snsMatcher(sub Subscription) (func(int32) (bool, string), error) {
	p, err := compileSNS(sub)
	if err != nil || p == nil {
		return nil, err
	}
	return func(i int32) (bool, string) {
		r := &s.recs[i]
		rs := s.srcOf(r)
		var res filter.Result
		if p.Scope() == filter.ScopeBody {
			res = p.MatchValue(jsonOrString(s.textOf(r)))
		} else {
			attrs := map[string]filter.Attribute{}
			if rs != nil {
				for k, a := range rs.Attributes {
					attrs[k] = filter.Attribute{Type: a.Type, Value: a.Value}
				}
			}
			res = p.MatchAttributes(attrs)
		}
		return res.Match, res.Reason
	}, nil
}

// esmFilter compiles the mapping's filter criteria (nil when there are none).
// A record passes when any pattern matches it.
func (s *sim) esmFilter() (func(int32) (bool, string), error) {
	var ps []*filter.Policy
	for k, f := range s.sc.Mapping.Filters {
		b, err := filterJSON(f)
		if err == nil {
			var p *filter.Policy
			if p, err = filter.CompilePattern(b); err == nil {
				ps = append(ps, p)
				continue
			}
		}
		return nil, fmt.Errorf("mapping.filters[%d]: %w", k, err)
	}
	if len(ps) == 0 {
		return nil, nil
	}
	return func(i int32) (bool, string) {
		in := s.filterInput(i)
		reason := ""
		for _, p := range ps {
			res := p.MatchValue(in)
			if res.Match {
				return true, ""
			}
			if reason == "" {
				reason = res.Reason
			}
		}
		return false, reason
	}, nil
}

// filterInput is the record as event filtering sees it: the record's
// metadata with body (SQS) or data (Kinesis) decoded when it is JSON.
func (s *sim) filterInput(i int32) map[string]any {
	return models[s.sc.Source].filterInput(s, i)
}

func (s *sim) sqsFilterInput(i int32) map[string]any {
	r := &s.recs[i]
	rs := s.srcOf(r)
	in := map[string]any{"messageId": s.idOf(r), "body": jsonOrString(s.textOf(r)), "eventSource": source.SQS.Info().EventSource}
	if rs != nil && len(rs.Attributes) > 0 {
		ma := map[string]any{}
		for k, a := range rs.Attributes {
			ma[k] = map[string]any{"stringValue": a.Value, "dataType": a.Type}
		}
		in["messageAttributes"] = ma
	}
	return in
}

func (s *sim) kinesisFilterInput(i int32) map[string]any {
	r := &s.recs[i]
	rs := s.srcOf(r)
	pk := s.idOf(r)
	if rs != nil && rs.PartitionKey != "" {
		pk = rs.PartitionKey
	}
	// Kinesis filters see the record's kinesis fields at the top level.
	return map[string]any{"kinesisSchemaVersion": "1.0", "partitionKey": pk, "data": jsonOrString(s.textOf(r))}
}

func (s *sim) dynamodbFilterInput(i int32) map[string]any {
	r := &s.recs[i]
	rs := s.srcOf(r)
	text := s.textOf(r)
	ddb := map[string]any{}
	name := "INSERT"
	if rs != nil {
		if rs.EventName != "" {
			name = rs.EventName
		}
		if len(rs.Keys) > 0 {
			ddb["Keys"] = normalize(map[string]any(rs.Keys))
		}
	}
	if text != "" {
		ddb["NewImage"] = jsonOrString(text)
	}
	return map[string]any{"eventSource": source.DynamoDB.Info().EventSource, "eventName": name, "dynamodb": ddb}
}

func jsonOrString(s string) any {
	var v any
	if json.Unmarshal([]byte(s), &v) == nil {
		return v
	}
	return s
}
