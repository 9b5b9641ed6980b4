package sim

import (
	"strconv"
	"strings"
)

// verdict is how Lambda sees an invocation's result.
type verdict uint8

const (
	vOK        verdict = iota // returned a response
	vError                    // returned an error (function error)
	vTimeout                  // ran past the function timeout (a function error)
	vMalformed                // returned a response the source cannot read
)

// invocation is the handler's answer for one batch.
type invocation struct {
	verdict verdict
	failed  []int  // report: positions in the batch listed in batchItemFailures
	status  int    // apigateway: the proxy response's statusCode
	durMs   int64  // virtual time the invocation took
	detail  string // error message or what was wrong
}

// handler runs one invocation over the records at idx.
type handler interface {
	invoke(s *sim, idx []int32) invocation
}

// scripted evaluates Behaviour rules per record.
type scripted struct {
	b         Behaviour
	timeoutMs int64
	genID     []int32 // per rule: N when match.id is "rN", else -1
}

func newScripted(b Behaviour, timeoutMs int64) *scripted {
	h := &scripted{b: b, timeoutMs: timeoutMs, genID: make([]int32, len(b.Rules))}
	for k, ru := range b.Rules {
		h.genID[k] = -1
		if n, ok := generatedNumber(ru.Match.ID); ok {
			h.genID[k] = n
		}
	}
	return h
}

// generatedNumber reads N from a generated record's id "rN".
func generatedNumber(id string) (int32, bool) {
	rest, ok := strings.CutPrefix(id, "r")
	if !ok || rest == "" || rest[0] == '0' {
		return 0, false
	}
	n, err := strconv.ParseInt(rest, 10, 32)
	return int32(n), err == nil && n > 0
}

func (h *scripted) invoke(s *sim, idx []int32) invocation {
	out := invocation{durMs: h.b.Duration.ms(), status: 200}
	worst := vOK
	for pos, i := range idx {
		r := &s.recs[i]
		if h.b.StopAtFirstFailure && len(out.failed) > 0 {
			out.failed = append(out.failed, pos) // not processed: reported
			continue
		}
		rule := h.rule(s, r)
		if rule == nil {
			continue
		}
		if d := rule.Duration.ms(); d > out.durMs {
			out.durMs = d
		}
		switch rule.Result {
		case ResultError:
			if worst < vError || worst == vMalformed {
				worst = vError
				out.detail = "handler error on record " + s.idOf(r)
			}
		case ResultTimeout:
			worst = vTimeout
		case ResultMalformed:
			if worst == vOK {
				worst = vMalformed
				out.detail = "malformed response"
			}
		case ResultReport:
			out.failed = append(out.failed, pos)
		case ResultOK:
			if rule.Status != 0 {
				out.status = rule.Status
			}
		}
	}
	if worst == vTimeout || out.durMs >= h.timeoutMs {
		worst = vTimeout
		out.durMs = h.timeoutMs
		out.detail = "Task timed out after " + fmtDur(h.timeoutMs)
	}
	out.verdict = worst
	return out
}

// rule is the first rule that matches the record and still applies to this
// delivery (times counts the record's deliveries, this one included).
func (h *scripted) rule(s *sim, r *rec) *Rule {
	for k := range h.b.Rules {
		ru := &h.b.Rules[k]
		if ru.Match.ID != "" {
			if r.n < 0 && ru.Match.ID != s.listed[-r.n-1].id {
				continue
			}
			if r.n > 0 && h.genID[k] != r.n { // generated: compare numbers, build no id
				continue
			}
		}
		if ru.Match.Contains != "" && !strings.Contains(s.textOf(r), ru.Match.Contains) {
			continue
		}
		if ru.Times > 0 && int(r.deliveries) > ru.Times {
			continue
		}
		return ru
	}
	return nil
}
