package sim

import (
	"container/heap"
	"fmt"
)

var sqsNotes = []string{
	"SQS: pollers start with 5 concurrent batches and add up to 300 a minute, up to 1,250 (the default scaling mode); provisioned mode, ScalingConfig.MaximumConcurrency and the 6 MB payload limit are not modelled (FIFO queues are, with queue.fifo).",
	"A batch takes up to batch_size visible messages in arrival order; with a batching window a poller waits for a full batch or the end of the window.",
	"Each receive counts (ApproximateReceiveCount), throttled ones too; a message whose receive count already reached max_receive_count moves to the DLQ on its next receive; without a DLQ it stays until the retention period ends.",
	"Deleting after success uses the batch's receipt: a message that became visible again and was received twice is deleted by whichever invocation succeeds.",
	"retries counts receives of a message after its first. max_receive_count defaults to 3 here: AWS has no default, a redrive policy must name one.",
}

// sqsState is the queue and its pollers.
type sqsState struct {
	next      int     // first record that has not arrived
	fresh     int     // first arrived record never received; fresh..next are visible
	returned  idxHeap // received before and visible again, in arrival order
	busy      int     // batches being received or invoked
	start     int64   // when the first message arrived (scaling starts then)
	windowSet bool
	rampSet   bool
	filter    func(i int32) (bool, string)
	fifo      *fifoState // nil for a standard queue
}

type idxHeap []int32

func (h idxHeap) Len() int           { return len(h) }
func (h idxHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h idxHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *idxHeap) Push(x any)        { *h = append(*h, x.(int32)) }
func (h *idxHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (s *sim) runSQS() error {
	q := &sqsState{}
	f, err := s.esmFilter()
	if err != nil {
		return err
	}
	q.filter = f
	if f != nil {
		s.note("Filter criteria are applied as messages are received: a message that matches no pattern is deleted without an invocation and takes no place in the batch.")
	}
	if vt, ft := s.sc.Queue.VisibilityTimeout.D(), s.sc.Function.Timeout.D(); vt < sqsVisibilityFactor*ft {
		s.note("The queue's visibility timeout (%s) is less than %d times the function timeout (%s), as AWS advises: a message can come back while an invocation still processes it.",
			s.sc.Queue.VisibilityTimeout, sqsVisibilityFactor, s.sc.Function.Timeout)
	}
	if s.sc.Queue.FIFO {
		q.fifo = s.newFIFO()
		s.notes = append(s.notes, fifoNotes...)
	}
	if len(s.recs) == 0 {
		return nil
	}
	q.start = s.recs[0].at
	s.at(s.recs[0].at, func() { s.sqsArrive(q) })
	return nil
}

func (s *sim) sqsArrive(q *sqsState) {
	from := q.next
	for q.next < len(s.recs) && s.recs[q.next].at <= s.now {
		q.next++
	}
	if q.fifo != nil {
		s.fifoArrive(q.fifo, from, q.next)
	}
	if q.next < len(s.recs) {
		s.at(s.recs[q.next].at, func() { s.sqsArrive(q) })
	}
	s.sqsDispatch(q, false)
}

func (q *sqsState) visible() int {
	if q.fifo != nil {
		return q.fifo.avail.Len() // groups with a message to receive
	}
	return len(q.returned) + q.next - q.fresh
}

// pollers is how many batches Lambda may have under way now.
func (s *sim) pollers(q *sqsState) int {
	if q.fifo != nil {
		return sqsScalingMax // see fifoNotes: no ramp documented for FIFO
	}
	n := sqsScalingInitial + sqsScalingPerMinute*int((s.now-q.start)/60_000)
	if n > sqsScalingMax {
		n = sqsScalingMax
	}
	return n
}

// sqsDispatch starts batches while pollers are free and messages visible.
func (s *sim) sqsDispatch(q *sqsState, force bool) {
	m := s.sc.Mapping
	window := m.MaximumBatchingWindow.ms()
	for q.busy < s.pollers(q) && q.visible() > 0 {
		if window > 0 && !force && q.visible() < m.BatchSize {
			if !q.windowSet {
				q.windowSet = true
				s.after(window, func() {
					q.windowSet = false
					s.sqsDispatch(q, true)
				})
			}
			return
		}
		if batch := s.sqsTake(q); len(batch) > 0 {
			s.sqsStart(q, batch)
		}
	}
	if q.visible() > 0 && q.busy >= s.pollers(q) && s.pollers(q) < sqsScalingMax && !q.rampSet {
		q.rampSet = true
		next := q.start + ((s.now-q.start)/60_000+1)*60_000
		s.at(next, func() {
			q.rampSet = false
			s.sqsDispatch(q, false)
		})
	}
}

// sqsTake receives up to batch_size visible messages in arrival order,
// moving to the DLQ, expiring or filtering out those that must not reach
// the function.
func (s *sim) sqsTake(q *sqsState) []int32 {
	if q.fifo != nil {
		return s.fifoTake(q)
	}
	m := s.sc.Mapping
	batch := make([]int32, 0, min(m.BatchSize, q.visible()))
	var t receiveLog
	for len(batch) < m.BatchSize && q.visible() > 0 {
		var i int32
		if len(q.returned) > 0 {
			// returned messages were received before, so they arrived
			// before every fresh one
			i = heap.Pop(&q.returned).(int32)
		} else {
			i = int32(q.fresh)
			q.fresh++
		}
		if s.sqsAdmit(q, i, &t) {
			batch = append(batch, i)
		}
	}
	s.logReceive(&t)
	return batch
}

// receiveLog gathers what one receive did with messages that do not reach
// the function.
type receiveLog struct {
	dlq, gone, skipped []int32
	why                string
}

// sqsAdmit receives message i: false when it is deleted already, or the
// receive expires it, moves it to the DLQ or filters it out.
func (s *sim) sqsAdmit(q *sqsState, i int32, t *receiveLog) bool {
	qc := s.sc.Queue
	r := &s.recs[i]
	if r.deleted {
		return false
	}
	if s.now >= r.at+qc.Retention.ms() {
		r.deleted = true
		s.settle(i, dropped)
		t.gone = append(t.gone, i)
		return false
	}
	if qc.DeadLetterQueue && int(r.receives) >= qc.MaxReceiveCount {
		r.deleted = true
		s.settle(i, toDLQ)
		t.dlq = append(t.dlq, i)
		return false
	}
	r.receives++
	r.receipt++
	if r.receives > 1 {
		s.m.Retries++
	}
	if q.filter != nil {
		if ok, w := q.filter(i); !ok {
			r.deleted = true
			s.settle(i, filtered)
			t.skipped = append(t.skipped, i)
			if t.why == "" {
				t.why = w
			}
			return false
		}
	}
	return true
}

func (s *sim) logReceive(t *receiveLog) {
	qc := s.sc.Queue
	if len(t.gone) > 0 {
		s.log("drop", t.gone, fmt.Sprintf("the retention period (%s) ended: SQS deletes the messages", qc.Retention))
	}
	if len(t.dlq) > 0 {
		s.log("dlq", t.dlq, fmt.Sprintf("already received %d times (max_receive_count): SQS moves them to the dead-letter queue on this receive", qc.MaxReceiveCount))
	}
	if len(t.skipped) > 0 {
		s.log("filter", t.skipped, "match no filter criteria: Lambda deletes them without invoking ("+t.why+")")
	}
}

func (s *sim) sqsExpire(i int32) {
	r := &s.recs[i]
	r.deleted = true
	s.settle(i, dropped)
	s.log("drop", []int32{i}, fmt.Sprintf("the retention period (%s) ended: SQS deletes the message", s.sc.Queue.Retention))
}

// sqsStart receives a batch and invokes the function with it.
func (s *sim) sqsStart(q *sqsState, batch []int32) {
	q.busy++
	vt := s.sc.Queue.VisibilityTimeout.ms()
	retention := s.sc.Queue.Retention.ms()
	receipts := make([]int32, len(batch))
	for k, i := range batch {
		r := &s.recs[i]
		receipts[k] = r.receipt
		if end := r.at + retention; end < s.now+vt {
			rc := r.receipt
			s.at(end, func() {
				if !r.deleted && r.receipt == rc {
					s.sqsExpire(i)
					if q.fifo != nil {
						s.fifoRelease(q.fifo, i)
					}
				}
			})
		}
	}
	if s.logging() {
		detail := fmt.Sprintf("a poller receives %s; invisible for %s", plural(len(batch), "message"), fmtDur(vt))
		if q.fifo != nil {
			detail += " (" + s.fifoReceiveDetail(q.fifo, batch) + ")"
		}
		s.log("receive", batch, detail)
	}
	s.after(vt, func() { s.sqsVisible(q, batch, receipts) })
	if s.inFlight >= s.limit {
		q.busy--
		s.m.Throttles++
		s.log("throttle", batch, fmt.Sprintf("concurrency limit %d reached: the batch stays invisible until its visibility timeout ends, and the receive counts", s.limit))
		return
	}
	s.inFlight++
	s.m.Invocations++
	for _, i := range batch {
		s.recs[i].deliveries++
	}
	if s.logging() {
		s.log("invoke", batch, "batch of "+plural(len(batch), "message"))
	}
	res := s.handler.invoke(s, batch)
	s.after(res.durMs, func() {
		s.inFlight--
		q.busy--
		s.sqsResult(batch, res)
		if q.fifo != nil {
			s.fifoBatchDone(q.fifo, batch, res)
		}
		s.sqsDispatch(q, false)
	})
}

// sqsVisible ends a batch's visibility timeout: messages not deleted and not
// received again since come back.
func (s *sim) sqsVisible(q *sqsState, batch []int32, receipts []int32) {
	var back []int32
	for k, i := range batch {
		r := &s.recs[i]
		if !r.deleted && r.receipt == receipts[k] {
			if q.fifo == nil {
				heap.Push(&q.returned, i)
			}
			back = append(back, i)
		}
	}
	if q.fifo != nil {
		for _, i := range batch {
			s.fifoRelease(q.fifo, i)
		}
	}
	if len(back) == 0 {
		return
	}
	if s.logging() {
		s.log("retry", back, "visibility timeout over: visible in the queue again")
	}
	s.sqsDispatch(q, false)
}

func (s *sim) sqsResult(batch []int32, res invocation) {
	report := s.sc.Mapping.ReportBatchItemFailures
	vt := fmtDur(s.sc.Queue.VisibilityTimeout.ms())
	switch {
	case res.verdict == vError || res.verdict == vTimeout:
		s.m.FunctionErrors++
		s.log("result", batch, fmt.Sprintf("function error (%s): the whole batch returns when its visibility timeout (%s) ends", res.detail, vt))
		return
	case res.verdict == vMalformed && report:
		s.log("result", batch, fmt.Sprintf("invalid batchItemFailures response (%s): Lambda treats the whole batch as failed; it returns when its visibility timeout (%s) ends", res.detail, vt))
		return
	}
	failed := make(map[int]bool, len(res.failed))
	for _, p := range res.failed {
		failed[p] = true
	}
	var del, keep []int32
	for p, i := range batch {
		if report && failed[p] {
			keep = append(keep, i)
		} else {
			del = append(del, i)
		}
	}
	var dup []int32
	fresh := del[:0:0]
	for _, i := range del {
		if s.recs[i].deleted {
			dup = append(dup, i) // deleted meanwhile by another invocation
			continue
		}
		s.recs[i].deleted = true
		s.settle(i, succeeded)
		fresh = append(fresh, i)
	}
	if len(dup) > 0 {
		s.log("result", dup, "already deleted by an earlier invocation: this was a duplicate delivery (the visibility timeout ended while the first invocation still ran)")
	}
	del = fresh
	switch {
	case !report && len(res.failed) > 0:
		s.log("result", batch, fmt.Sprintf("success; the response lists %d batchItemFailures but report_batch_item_failures is off, so Lambda ignores it", len(res.failed)))
		if len(del) > 0 {
			s.log("delete", del, "every message is deleted, the reported failures too: they are lost")
		}
	case len(keep) > 0:
		s.log("result", batch, fmt.Sprintf("partial batch response: %s reported, back in the queue when the visibility timeout (%s) ends", plural(len(keep), "message"), vt))
		if len(del) > 0 {
			s.log("delete", del, "the messages not reported are deleted")
		}
	default:
		if len(del) > 0 && s.logging() {
			s.log("result", batch, "success")
			s.log("delete", del, "Lambda deletes the batch from the queue")
		}
	}
}
