package sim

import "fmt"

var syncNotes = []string{
	"API Gateway (REST, Lambda proxy integration): each request is one synchronous invocation and nobody retries it; the status comes from the proxy response's statusCode.",
	"A function error or a malformed response gives 502, a throttled invocation 500 (Lambda rejected the request), a function still running at the integration timeout 504 while it keeps running and is billed.",
	"Requests that got an error status end as \"dropped\": the client has to retry on its own.",
}

// runSync schedules every request at its arrival time.
func (s *sim) runSync() error {
	for i := range s.recs {
		i := int32(i)
		s.at(s.recs[i].at, func() { s.request(i) })
	}
	return nil
}

func (s *sim) request(i int32) {
	r := &s.recs[i]
	one := []int32{i}
	if s.inFlight >= s.limit {
		s.m.Throttles++
		r.status = apiThrottleStatus
		s.settle(i, dropped)
		s.log("throttle", one, fmt.Sprintf("concurrency limit %d reached: Lambda rejects the invocation (429 TooManyRequestsException) and API Gateway returns %d", s.limit, apiThrottleStatus))
		return
	}
	s.inFlight++
	s.m.Invocations++
	r.deliveries++
	s.log("invoke", one, "synchronous invocation")
	res := s.handler.invoke(s, one)
	it := s.sc.API.IntegrationTimeout.ms()
	if res.durMs > it {
		s.after(it, func() {
			r.status = apiTimeoutStatus
			s.settle(i, dropped)
			s.log("result", one, fmt.Sprintf("%d: the integration timeout (%s) passed; the function keeps running", apiTimeoutStatus, fmtDur(it)))
		})
		s.after(res.durMs, func() {
			s.inFlight--
			what := "returned"
			if res.verdict == vError || res.verdict == vTimeout {
				s.m.FunctionErrors++
				what = "failed (" + res.detail + ")"
			}
			s.log("result", one, fmt.Sprintf("the function %s after %s, billed for all of it; the client already got %d", what, fmtDur(res.durMs), apiTimeoutStatus))
		})
		return
	}
	s.after(res.durMs, func() {
		s.inFlight--
		switch res.verdict {
		case vOK:
			r.status = int16(res.status)
			s.settle(i, succeeded)
			s.log("result", one, fmt.Sprintf("%d from the proxy response's statusCode", res.status))
		case vMalformed:
			r.status = apiErrorStatus
			s.settle(i, dropped)
			s.log("result", one, fmt.Sprintf("%d: the response is not a valid proxy response (%s)", apiErrorStatus, res.detail))
		default:
			s.m.FunctionErrors++
			r.status = apiErrorStatus
			s.settle(i, dropped)
			s.log("result", one, fmt.Sprintf("%d: function error (%s)", apiErrorStatus, res.detail))
		}
	})
}
