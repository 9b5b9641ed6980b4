package sim

import (
	"container/heap"
	"fmt"
	"strconv"
	"strings"
)

// FIFO queues (queue.fifo): message groups, in-flight messages blocking
// their group, deduplication. Each rule is in the notes below, with where
// it comes from.
var fifoNotes = []string{
	"FIFO: a receive takes as many messages of one message group as it can, then messages of other groups, oldest group first; while a message of a group is in flight (received, neither deleted nor visible again) no later message of that group is received, so a failed message is retried before its group goes on and other groups are not held up.",
	"FIFO: concurrency follows the number of message groups that have messages to receive (services-sqs-scaling.html). The documentation gives no scaling ramp for FIFO queues: the model starts a batch for every such group at once, up to 1,250 batches and the function's concurrency. MaximumConcurrency, the FIFO throughput quotas and the in-flight message quota are not modelled.",
	"FIFO deduplication: a record whose dedup_id (with content_based_deduplication, its body when it has none) equals that of a message accepted less than 5 minutes before is accepted but never delivered (outcome deduplicated); the interval is counted from the accepted message. A record with neither is never deduplicated here, where SQS would refuse to send it.",
	"FIFO partial batch responses are checked per message group: a message deleted while an earlier message of its group in the same batch is reported breaks the group's order, and the timeline says so. Lambda does not enforce AWS's rule (stop at the first failure, report it and everything after it); behaviour.stop_at_first_failure scripts a handler that follows it.",
	"A FIFO queue's dead-letter queue is modelled as an end: a message moved there lets the rest of its group go on without it.",
}

// fifoState is a FIFO queue's message groups.
type fifoState struct {
	groupOf  []int32 // per record: index in groups
	groups   []fifoGroup
	inflight []bool // per record: received, not yet deleted or visible again
	avail    groupHeap
	dedup    map[string]int64 // deduplication ID -> arrival of the message accepted with it
}

// fifoGroup is one message group: its records in arrival order.
type fifoGroup struct {
	name    string
	recs    []int32
	head    int // recs[:head] are deleted
	arrived int // recs[:arrived] have arrived
	busy    int // messages in flight
	queued  bool
}

type groupItem struct{ key, g int32 } // key: arrival index of the group's oldest message

type groupHeap []groupItem

func (h groupHeap) Len() int           { return len(h) }
func (h groupHeap) Less(i, j int) bool { return h[i].key < h[j].key }
func (h groupHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *groupHeap) Push(x any)        { *h = append(*h, x.(groupItem)) }
func (h *groupHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// newFIFO sorts the records into their message groups.
func (s *sim) newFIFO() *fifoState {
	f := &fifoState{groupOf: make([]int32, len(s.recs)), inflight: make([]bool, len(s.recs)), dedup: map[string]int64{}}
	index := map[string]int32{}
	for i := range s.recs {
		name := s.groupName(&s.recs[i])
		g, ok := index[name]
		if !ok {
			g = int32(len(f.groups))
			index[name] = g
			f.groups = append(f.groups, fifoGroup{name: name})
		}
		f.groupOf[i] = g
		f.groups[g].recs = append(f.groups[g].recs, int32(i))
	}
	return f
}

// groupName is a record's message group: its group field, or for a
// generated record g((N-1) mod generate.groups + 1).
func (s *sim) groupName(r *rec) string {
	if src := s.srcOf(r); src != nil {
		return src.Group
	}
	if g := s.sc.Generate; g != nil && g.Groups > 0 {
		return "g" + strconv.Itoa((int(r.n)-1)%g.Groups+1)
	}
	return ""
}

// dedupKey is a record's deduplication ID, "" when it has none.
func (s *sim) dedupKey(r *rec) string {
	if src := s.srcOf(r); src != nil && src.DedupID != "" {
		return "id:" + src.DedupID
	}
	if s.sc.Queue.ContentBasedDeduplication {
		return "body:" + s.textOf(r)
	}
	return ""
}

// fifoArrive takes in the records from..to-1 as they arrive.
func (s *sim) fifoArrive(f *fifoState, from, to int) {
	var dups []int32
	for i := from; i < to; i++ {
		r := &s.recs[i]
		g := &f.groups[f.groupOf[i]]
		g.arrived++
		if k := s.dedupKey(r); k != "" {
			if t, ok := f.dedup[k]; ok && r.at-t < fifoDedupInterval.Milliseconds() {
				r.deleted = true
				s.settle(int32(i), deduplicated)
				dups = append(dups, int32(i))
				continue
			}
			f.dedup[k] = r.at
		}
		s.fifoQueue(f, f.groupOf[i])
	}
	if len(dups) > 0 {
		s.log("drop", dups, fmt.Sprintf("same deduplication ID as a message sent less than %s before: SQS accepts it and never delivers it", fmtDur(fifoDedupInterval.Milliseconds())))
	}
}

// fifoQueue makes group g receivable if nothing of it is in flight and it
// has a message that arrived.
func (s *sim) fifoQueue(f *fifoState, g int32) {
	gr := &f.groups[g]
	for gr.head < gr.arrived && s.recs[gr.recs[gr.head]].deleted {
		gr.head++
	}
	if gr.queued || gr.busy > 0 || gr.head >= gr.arrived {
		return
	}
	gr.queued = true
	heap.Push(&f.avail, groupItem{key: gr.recs[gr.head], g: g})
}

// fifoRelease ends message i's flight (deleted, moved or visible again).
func (s *sim) fifoRelease(f *fifoState, i int32) {
	if !f.inflight[i] {
		return
	}
	f.inflight[i] = false
	g := f.groupOf[i]
	f.groups[g].busy--
	s.fifoQueue(f, g)
}

// fifoTake receives a batch: as many messages of the oldest receivable
// group as fit, then of the next groups.
func (s *sim) fifoTake(q *sqsState) []int32 {
	f := q.fifo
	size := s.sc.Mapping.BatchSize
	var batch []int32
	var t receiveLog
	for len(batch) < size && f.avail.Len() > 0 {
		it := heap.Pop(&f.avail).(groupItem)
		gr := &f.groups[it.g]
		gr.queued = false
		for k := gr.head; k < gr.arrived && len(batch) < size; k++ {
			i := gr.recs[k]
			if s.sqsAdmit(q, i, &t) {
				f.inflight[i] = true
				gr.busy++
				batch = append(batch, i)
			}
		}
		s.fifoQueue(f, it.g) // a group whose messages all went elsewhere may go on
	}
	s.logReceive(&t)
	return batch
}

// fifoBatchDone releases the batch's deleted messages and checks the
// partial batch response against each group's order.
func (s *sim) fifoBatchDone(f *fifoState, batch []int32, res invocation) {
	for _, i := range batch {
		if s.recs[i].deleted {
			s.fifoRelease(f, i)
		}
	}
	if !s.sc.Mapping.ReportBatchItemFailures || res.verdict != vOK || len(res.failed) == 0 {
		return
	}
	reported := make(map[int]bool, len(res.failed))
	first := len(batch)
	for _, p := range res.failed {
		reported[p] = true
		first = min(first, p)
	}
	failedGroup := map[int32]string{} // group -> first reported message in it
	var broken, others []string
	for p, i := range batch {
		g := f.groupOf[i]
		if reported[p] {
			if _, ok := failedGroup[g]; !ok {
				failedGroup[g] = s.idOf(&s.recs[i])
			}
			continue
		}
		if before, ok := failedGroup[g]; ok {
			broken = append(broken, fmt.Sprintf("%s (after %s in group %s)", s.idOf(&s.recs[i]), before, f.groups[g].name))
		} else if p > first {
			others = append(others, s.idOf(&s.recs[i]))
		}
	}
	if len(broken) > 0 {
		s.log("result", batch, "FIFO order broken: "+strings.Join(broken, ", ")+": deleted as processed while an earlier message of the group comes back to be retried; report the first failure and every message after it")
	}
	if len(others) > 0 && s.logging() {
		s.log("result", batch, "not reported after the first failure, as AWS asks: "+strings.Join(others, ", ")+" (other groups; deleted, and their own groups' order is kept)")
	}
}

// fifoReceiveDetail names the groups of a batch: "group A: m1 m2; group B: m5".
func (s *sim) fifoReceiveDetail(f *fifoState, batch []int32) string {
	var b strings.Builder
	last := int32(-1)
	for _, i := range batch {
		if g := f.groupOf[i]; g != last {
			if last >= 0 {
				b.WriteString("; ")
			}
			b.WriteString("group " + f.groups[g].name + ":")
			last = g
		}
		b.WriteString(" " + s.idOf(&s.recs[i]))
	}
	return b.String()
}
