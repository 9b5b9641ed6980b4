package sim

import (
	"container/heap"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/tutor-dev/tutor/assets/source"
)

// event is something that happens at a virtual time; seq keeps events at
// the same time in the order they were scheduled.
type event struct {
	t   int64 // ms
	seq uint64
	fn  func()
}

type eventQueue []event

func (q eventQueue) Len() int { return len(q) }
func (q eventQueue) Less(i, j int) bool {
	if q[i].t != q[j].t {
		return q[i].t < q[j].t
	}
	return q[i].seq < q[j].seq
}
func (q eventQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *eventQueue) Push(x any)   { *q = append(*q, x.(event)) }
func (q *eventQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	old[len(old)-1] = event{}
	*q = old[:len(old)-1]
	return e
}

// outcome is where a record ended up.
type outcome uint8

const (
	pending outcome = iota
	succeeded
	toDLQ
	toOnFailure
	dropped
	filtered
	toTargetDLQ  // eventbridge: the target's dead-letter queue
	deduplicated // sqs FIFO: accepted, never delivered
)

var outcomeNames = [...]string{"pending", "succeeded", "dlq", "on_failure", "dropped", "filtered", "target_dlq", "deduplicated"}

func (o outcome) String() string { return outcomeNames[o] }

// rec is a record and its state in the run, 32 bytes: ten million of them
// are a third of a gigabyte. A listed record's id, text and source fields
// live in sim.listed (see idOf, textOf, srcOf); a generated one has none.
type rec struct {
	n          int32 // > 0: generated record number (id rN); < 0: -(index in sim.listed + 1)
	deliveries int32
	at         int64
	receives   int32 // sqs: ApproximateReceiveCount
	receipt    int32 // sqs: which receive is current
	status     int16 // apigateway
	out        outcome
	deleted    bool // sqs: deleted, moved or expired
}

// sim is one run.
type sim struct {
	ctx       context.Context
	sc        *Scenario
	handler   handler
	now       int64
	last      int64 // time of the last thing that happened (simulated_ms)
	seq       uint64
	q         eventQueue
	steps     int // events run, real invocations weighing realInvokeWeight
	budget    int // steps allowed
	nextCtx   int // steps at which the loop next looks at the context
	recs      []rec
	listed    []listed // the scenario's own records (rec.n < 0)
	inFlight  int
	limit     int // reserved concurrency, or the account's
	m         Metrics
	tl        []Entry
	tlCap     int // 0 = unlimited
	tlN       int // entries logged
	tlCut     bool
	spool     *spool // streaming: entries are encoded here instead of kept in tl
	notes     []string
	subs      []SubscriptionResult
	asyncLeft []int16            // async: deliveries of each record still under way
	seqOf     func(int32) string // streams: a record's sequence number
	genParts  []string           // generate.body split at {{.N}}
}

func (s *sim) at(t int64, fn func()) {
	if t < s.now {
		t = s.now
	}
	s.seq++
	heap.Push(&s.q, event{t: t, seq: s.seq, fn: fn})
}

func (s *sim) after(d int64, fn func()) { s.at(s.now+d, fn) }

// loop runs events until none are left or a safety stop is reached. It
// returns ctx.Err() soon after the context is cancelled.
func (s *sim) loop() error {
	for len(s.q) > 0 {
		if s.steps >= s.nextCtx {
			if err := s.ctx.Err(); err != nil {
				return err
			}
			s.nextCtx = s.steps + ctxCheckEvery
		}
		e := heap.Pop(&s.q).(event)
		if e.t > maxSimulated.Milliseconds() {
			s.note("The run stopped at its safety limit of %s of virtual time; records not finished by then are pending.",
				fmtDur(maxSimulated.Milliseconds()))
			return nil
		}
		if s.steps >= s.budget {
			return s.budgetError()
		}
		s.steps++
		s.now = e.t
		e.fn()
	}
	return nil
}

// budgetError says that the run needed more events than its budget.
func (s *sim) budgetError() error {
	left := 0
	for i := range s.recs {
		if s.recs[i].out == pending || (s.asyncLeft != nil && s.asyncLeft[i] > 0) {
			left++
		}
	}
	return fmt.Errorf("the run stopped after %d simulated events at +%s of virtual time with %s unfinished: records keep being retried; give them a way out (a dead-letter queue and max_receive_count, maximum_retry_attempts, maximum_record_age, a shorter retention) or simulate fewer records",
		s.steps, fmtDur(s.now), plural(left, "record"))
}

// ctxCheckEvery is how many steps run between two looks at the context:
// often enough to stop within milliseconds (a real handler's invocation
// counts realInvokeWeight), rarely enough to cost nothing.
const ctxCheckEvery = 1024

// log adds a timeline entry unless the timeline is full.
func (s *sim) log(kind string, idx []int32, detail string) {
	s.last = s.now
	if s.tlCap > 0 && s.tlN >= s.tlCap {
		s.tlCut = true
		return
	}
	s.tlN++
	if s.spool != nil {
		s.spool.entry(s, kind, idx, detail)
		return
	}
	var ids []string
	if len(idx) > 0 {
		ids = make([]string, len(idx))
		for i, r := range idx {
			ids[i] = s.idOf(&s.recs[r])
		}
	}
	s.tl = append(s.tl, Entry{TMs: s.now, Kind: kind, Records: ids, Detail: detail})
}

// logging reports whether a new entry would be kept, so callers can skip
// building details nobody will see.
func (s *sim) logging() bool {
	s.last = s.now
	if s.tlCap > 0 && s.tlN >= s.tlCap {
		s.tlCut = true
		return false
	}
	return true
}

func (s *sim) note(format string, a ...any) {
	n := sprintf(format, a...)
	for _, x := range s.notes {
		if x == n {
			return
		}
	}
	s.notes = append(s.notes, n)
}

// settle sets a record's final outcome and counts it.
func (s *sim) settle(i int32, o outcome) {
	r := &s.recs[i]
	r.out = o
	s.last = s.now
	switch o {
	case succeeded:
		s.m.Succeeded++
	case toDLQ:
		s.m.ToDLQ++
	case toOnFailure:
		s.m.ToOnFailure++
	case dropped:
		s.m.Dropped++
	case filtered:
		s.m.FilteredOut++
	case deduplicated:
		s.m.Deduplicated++
	}
}

// listed is a record the scenario lists.
type listed struct {
	id   string
	text string // the field match.contains looks in (mainText)
	src  *Record
}

// buildRecords turns the scenario's records and generate into run records
// in arrival order (stable by at), and the listed records' fields.
func buildRecords(sc *Scenario) ([]rec, []listed) {
	n := len(sc.Records)
	if sc.Generate != nil {
		n += sc.Generate.Count
	}
	out := make([]rec, 0, n)
	ls := make([]listed, len(sc.Records))
	for i := range sc.Records {
		r := &sc.Records[i]
		id := r.ID
		if id == "" {
			id = "m" + strconv.Itoa(i+1)
		}
		ls[i] = listed{id: id, text: mainText(sc.Source, r), src: r}
		out = append(out, rec{n: -int32(i + 1), at: r.At.ms()})
	}
	if g := sc.Generate; g != nil && g.Count > 0 {
		every := g.Every.ms()
		for k := 1; k <= g.Count; k++ {
			out = append(out, rec{n: int32(k), at: int64(k-1) * every})
		}
	}
	sortByArrival(out)
	return out, ls
}

func fillN(tmpl string, n int) string { return strings.ReplaceAll(tmpl, "{{.N}}", strconv.Itoa(n)) }

// idOf is a record's id; generated records get theirs (r1..rN) on demand,
// so a million of them cost no strings until they are shown.
func (s *sim) idOf(r *rec) string {
	if r.n < 0 {
		return s.listed[-r.n-1].id
	}
	return "r" + strconv.Itoa(int(r.n))
}

// srcOf is a listed record's fields, nil for a generated record.
func (s *sim) srcOf(r *rec) *Record {
	if r.n < 0 {
		return s.listed[-r.n-1].src
	}
	return nil
}

// textOf is the record's main field; generated ones are filled on demand.
func (s *sim) textOf(r *rec) string {
	if r.n < 0 {
		return s.listed[-r.n-1].text
	}
	var b strings.Builder
	for j, p := range s.genParts {
		if j > 0 {
			b.WriteString(strconv.Itoa(int(r.n)))
		}
		b.WriteString(p)
	}
	return b.String()
}

// mainText is where match.contains looks.
func mainText(src source.Source, r *Record) string {
	if m, ok := models[src]; ok {
		return m.text(r)
	}
	return ""
}

// sortByArrival is a stable insertion-friendly sort: records usually arrive
// already in order, so check first.
func sortByArrival(rs []rec) {
	for i := 1; i < len(rs); i++ {
		if rs[i].at < rs[i-1].at {
			stableSortRecs(rs)
			return
		}
	}
}
