package sim

import (
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strconv"
)

var streamNotes = []string{
	"Streams: a record goes to the shard its partition key (Kinesis) or its keys (DynamoDB) hash to; each shard runs one batch at a time, or parallelization_factor lanes chosen by key hash, each in order.",
	"Retries of a failed batch wait by the simulator's backoff (AWS does not document a delay): 1 s, doubling, at most 5 min. A throttled batch is retried the same way until the records expire or exceed the maximum record age, using no retry attempts.",
	"Bisect rule: splitting a failed batch does not count against maximum_retry_attempts (AWS: splitting a batch does not consume the retry quota); the halves run at once, first half first, and inherit the batch's retry count; a batch of one record that fails is retried.",
	"Partial batch response: the checkpoint moves to just before the lowest reported sequence number and the batch from there is retried; that counts as a retry.",
	"Records older than maximum_record_age are sent to the on-failure destination before the next attempt; records that outlive the stream's 24 h retention are trimmed (dropped) when the shard next polls.",
	"to_on_failure counts records described to the destination (an SQS or SNS destination gets the shard and sequence range, not the records; an S3 destination also gets the whole invocation record with the records; the simulator does not model the destination type); retries counts retried batch invocations.",
}

// lane is a shard, or one of its parallelization_factor lanes.
type lane struct {
	shard     int
	items     []int32 // record indices in arrival order
	arrived   int     // items[:arrived] have arrived
	pos       int     // checkpoint: items[:pos] are done
	work      []span  // pending ranges, the next one last
	busy      bool
	waitUntil int64 // no attempt before this (retry backoff)
	timerAt   int64 // a poll is scheduled at this time (-1 none)
	windowSet bool
	force     bool
	throttles int
}

type span struct{ lo, hi, retries int }

type streamState struct {
	lanes  []*lane
	laneOf []int32
	seq    []int64 // sequence number of each record
	filter func(i int32) (bool, string)
}

func (s *sim) runStreams() error {
	st := &streamState{laneOf: make([]int32, len(s.recs)), seq: make([]int64, len(s.recs))}
	f, err := s.esmFilter()
	if err != nil {
		return err
	}
	st.filter = f
	if f != nil {
		s.note("Filter criteria are applied before batching: a record that matches no pattern is skipped and never reaches a batch.")
	}
	s.seqOf = func(i int32) string { return s.seqNo(st, i) }
	shards, pf := s.sc.Stream.Shards, s.sc.Mapping.ParallelizationFactor
	for k := 0; k < shards*pf; k++ {
		st.lanes = append(st.lanes, &lane{shard: k / pf, timerAt: -1})
	}
	perShard := make([]int64, shards)
	for i := range s.recs {
		if f != nil {
			if ok, _ := f(int32(i)); !ok {
				st.laneOf[i] = -1 // filtered out before batching
				continue
			}
		}
		h := md5.Sum([]byte(s.partitionKey(&s.recs[i])))
		hi, _ := bits.Mul64(binary.BigEndian.Uint64(h[:8]), uint64(shards))
		shard := int(hi)
		ln := shard*pf + int(binary.BigEndian.Uint64(h[8:])%uint64(pf))
		st.laneOf[i] = int32(ln)
		perShard[shard]++
		st.seq[i] = int64(shard+1)*1_000_000_000_000 + perShard[shard]
		st.lanes[ln].items = append(st.lanes[ln].items, int32(i))
	}
	if len(s.recs) > 0 {
		s.at(s.recs[0].at, func() { s.streamArrive(st, 0) })
	}
	return nil
}

// partitionKey is what decides a record's shard.
func (s *sim) partitionKey(r *rec) string {
	if rs := s.srcOf(r); rs != nil {
		if rs.PartitionKey != "" {
			return rs.PartitionKey
		}
		if len(rs.Keys) > 0 {
			return typedJSON(rs.Keys)
		}
	}
	return s.idOf(r)
}

func (s *sim) seqNo(st *streamState, i int32) string { return strconv.FormatInt(st.seq[i], 10) }

// streamArrive makes the records arriving now visible to their lanes.
func (s *sim) streamArrive(st *streamState, from int) {
	touched := map[*lane]bool{}
	k := from
	for ; k < len(s.recs) && s.recs[k].at <= s.now; k++ {
		if st.laneOf[k] < 0 {
			_, why := st.filter(int32(k))
			s.settle(int32(k), filtered)
			s.log("filter", []int32{int32(k)}, "matches no filter criteria: Lambda skips it, it never reaches a batch ("+why+")")
			continue
		}
		l := st.lanes[st.laneOf[k]]
		l.arrived++
		touched[l] = true
	}
	if k < len(s.recs) {
		s.at(s.recs[k].at, func() { s.streamArrive(st, k) })
	}
	for _, l := range st.lanes {
		if touched[l] {
			s.streamPoll(st, l)
		}
	}
}

func (s *sim) wake(st *streamState, l *lane, t int64) {
	if l.timerAt >= 0 && l.timerAt <= t {
		return
	}
	l.timerAt = t
	s.at(t, func() {
		if l.timerAt == t {
			l.timerAt = -1
		}
		s.streamPoll(st, l)
	})
}

// streamPoll starts the lane's next invocation if it can.
func (s *sim) streamPoll(st *streamState, l *lane) {
	if l.busy {
		return
	}
	if s.now < l.waitUntil {
		s.wake(st, l, l.waitUntil)
		return
	}
	m := s.sc.Mapping
	for {
		s.trimExpired(l)
		if len(l.work) == 0 {
			avail := l.arrived - l.pos
			if avail == 0 {
				return // streamArrive polls again when records come
			}
			if w := m.MaximumBatchingWindow.ms(); w > 0 && avail < m.BatchSize && !l.force {
				if !l.windowSet {
					l.windowSet = true
					s.after(w, func() { l.windowSet = false; l.force = true; s.streamPoll(st, l) })
				}
				return
			}
			l.force = false
			l.work = append(l.work, span{lo: l.pos, hi: l.pos + min(avail, m.BatchSize)})
		}
		sp := &l.work[len(l.work)-1]
		if m.MaximumRecordAge >= 0 {
			age := m.MaximumRecordAge.ms()
			k := sp.lo
			for k < sp.hi && s.now-s.recs[l.items[k]].at > age {
				k++
			}
			if k > sp.lo {
				s.streamFail(st, l, sp.lo, k, fmt.Sprintf("older than maximum_record_age %s", m.MaximumRecordAge))
				sp.lo = k
				if sp.lo == sp.hi {
					l.work = l.work[:len(l.work)-1]
				}
				continue
			}
		}
		s.streamInvoke(st, l, *sp)
		return
	}
}

// trimExpired drops records the stream no longer holds.
func (s *sim) trimExpired(l *lane) {
	ret := streamRetention.Milliseconds()
	start := l.pos
	for l.pos < l.arrived && s.now-s.recs[l.items[l.pos]].at >= ret {
		s.settle(l.items[l.pos], dropped)
		l.pos++
	}
	if l.pos == start {
		return
	}
	s.log("drop", l.items[start:l.pos], fmt.Sprintf("older than the stream's retention (%s): trimmed before Lambda could process them", fmtDur(ret)))
	for len(l.work) > 0 {
		sp := &l.work[len(l.work)-1]
		if sp.lo < l.pos {
			sp.lo = l.pos
		}
		if sp.lo < sp.hi {
			break
		}
		l.work = l.work[:len(l.work)-1]
	}
}

func (s *sim) where(st *streamState, l *lane, lo, hi int) string {
	txt := fmt.Sprintf("shardId-%012d, sequence numbers %s-%s", l.shard, s.seqNo(st, l.items[lo]), s.seqNo(st, l.items[hi-1]))
	if pf := s.sc.Mapping.ParallelizationFactor; pf > 1 {
		txt += fmt.Sprintf(", lane %d of %d", int(st.laneOf[l.items[lo]])%pf+1, pf)
	}
	return txt
}

func (s *sim) streamInvoke(st *streamState, l *lane, sp span) {
	batch := l.items[sp.lo:sp.hi]
	if s.inFlight >= s.limit {
		s.m.Throttles++
		l.throttles++
		wait := backoff(l.throttles)
		s.log("throttle", batch, fmt.Sprintf("concurrency limit %d reached: the batch is retried in %s (throttles use no retry attempts)", s.limit, fmtDur(wait)))
		l.waitUntil = s.now + wait
		s.wake(st, l, l.waitUntil)
		return
	}
	l.throttles = 0
	l.busy = true
	s.inFlight++
	s.m.Invocations++
	if sp.retries > 0 {
		s.m.Retries++
	}
	for _, i := range batch {
		s.recs[i].deliveries++
	}
	if s.logging() {
		s.log("invoke", batch, fmt.Sprintf("batch of %d from %s", len(batch), s.where(st, l, sp.lo, sp.hi)))
	}
	res := s.handler.invoke(s, batch)
	s.after(res.durMs, func() {
		s.inFlight--
		l.busy = false
		s.streamResult(st, l, res)
		s.streamPoll(st, l)
	})
}

func (s *sim) streamResult(st *streamState, l *lane, res invocation) {
	m := s.sc.Mapping
	sp := &l.work[len(l.work)-1]
	batch := l.items[sp.lo:sp.hi]
	switch {
	case res.verdict == vError || res.verdict == vTimeout:
		s.m.FunctionErrors++
		s.log("result", batch, "function error ("+res.detail+")")
		if m.BisectBatchOnFunctionError && sp.hi-sp.lo > 1 {
			mid := sp.lo + (sp.hi-sp.lo)/2
			first, second := span{sp.lo, mid, sp.retries}, span{mid, sp.hi, sp.retries}
			l.work[len(l.work)-1] = second
			l.work = append(l.work, first)
			s.log("split", batch, fmt.Sprintf("bisect: retry as %d + %d records; the split uses no retry attempt", mid-first.lo, second.hi-mid))
			return
		}
		s.streamRetry(st, l, "the batch failed")
	case res.verdict == vMalformed && m.ReportBatchItemFailures:
		s.log("result", batch, "invalid batchItemFailures response ("+res.detail+"): Lambda treats the whole batch as failed")
		s.streamRetry(st, l, "the batch failed")
	case m.ReportBatchItemFailures && len(res.failed) > 0:
		low := res.failed[0]
		for _, p := range res.failed {
			low = min(low, p)
		}
		k := sp.lo + low
		s.log("result", batch, fmt.Sprintf("partial batch response: %d failed, lowest sequence number %s", len(res.failed), s.seqNo(st, l.items[k])))
		s.streamCheckpoint(st, l, sp.lo, k, "checkpoint just before the lowest reported sequence number")
		sp.lo = k
		s.streamRetry(st, l, "records from the lowest reported failure on")
	default:
		detail := "success"
		if len(res.failed) > 0 {
			detail = fmt.Sprintf("success; the response lists %d batchItemFailures but report_batch_item_failures is off, so Lambda ignores it", len(res.failed))
		}
		if s.logging() {
			s.log("result", batch, detail)
		}
		s.streamCheckpoint(st, l, sp.lo, sp.hi, "checkpoint after the batch")
		l.work = l.work[:len(l.work)-1]
	}
}

func (s *sim) streamCheckpoint(st *streamState, l *lane, lo, hi int, why string) {
	for _, i := range l.items[lo:hi] {
		s.settle(i, succeeded)
	}
	if hi > l.pos {
		l.pos = hi
	}
	if lo < hi && s.logging() {
		s.log("checkpoint", l.items[lo:hi], fmt.Sprintf("%s (sequence number %s)", why, s.seqNo(st, l.items[hi-1])))
	}
}

// streamRetry retries the lane's current span, or gives up on it when its
// retries are used up.
func (s *sim) streamRetry(st *streamState, l *lane, what string) {
	m := s.sc.Mapping
	sp := &l.work[len(l.work)-1]
	sp.retries++
	if m.MaximumRetryAttempts >= 0 && sp.retries > m.MaximumRetryAttempts {
		lo, hi := sp.lo, sp.hi
		l.work = l.work[:len(l.work)-1]
		s.streamFail(st, l, lo, hi, fmt.Sprintf("retries exhausted (maximum_retry_attempts %d)", m.MaximumRetryAttempts))
		return
	}
	wait := backoff(sp.retries)
	s.log("retry", l.items[sp.lo:sp.hi], fmt.Sprintf("%s: retry %d in %s; the shard waits", what, sp.retries, fmtDur(wait)))
	l.waitUntil = s.now + wait
}

// streamFail gives up on items[lo:hi] and moves the checkpoint past them.
func (s *sim) streamFail(st *streamState, l *lane, lo, hi int, why string) {
	recs := l.items[lo:hi]
	if s.sc.Mapping.OnFailure {
		for _, i := range recs {
			s.settle(i, toOnFailure)
		}
		s.log("on_failure", recs, fmt.Sprintf("%s: a record describing %s (%s) goes to the on-failure destination; the shard moves on", why, plural(len(recs), "record"), s.where(st, l, lo, hi)))
	} else {
		for _, i := range recs {
			s.settle(i, dropped)
		}
		s.log("drop", recs, fmt.Sprintf("%s: %s discarded (no on-failure destination); the shard moves on", why, plural(len(recs), "record")))
	}
	if hi > l.pos {
		l.pos = hi
	}
}
