package progress

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/progress/pgtest"
)

// The store suite: the same tests against every kind of store. fresh makes
// an empty database and returns a function opening a store on it (each a
// new connection, as another process or server would have).
type storeBackend struct {
	name  string
	fresh func(t *testing.T) func() (suiteStore, error)
}

// suiteStore is what both stores offer.
type suiteStore interface {
	ClassReader
	AnswerCount(ctx context.Context, learner string) (int, error)
	Exercises(ctx context.Context, learner string) (*Exercises, error)
	CheckLog(ctx context.Context) ([]LoggedCheck, error)
	Where() string
}

var storeBackends = []storeBackend{
	{"sqlite", func(t *testing.T) func() (suiteStore, error) {
		dir := t.TempDir()
		return func() (suiteStore, error) {
			s, _, err := OpenSQLite(ctx, dir)
			return s, err
		}
	}},
	{"postgres", func(t *testing.T) func() (suiteStore, error) {
		dsn := pgtest.DSN(t)
		return func() (suiteStore, error) {
			c, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			return OpenPostgres(c, dsn)
		}
	}},
}

var storeSuite = []struct {
	name string
	test func(t *testing.T, open func() suiteStore)
}{
	{"RoundTrip", suiteRoundTrip},
	{"ConcurrentAnswersKeepEveryAnswer", suiteConcurrentAnswers},
	{"TwoLearnersStayApart", suiteTwoLearners},
	{"MigrationsRunOnce", nil}, // needs concurrent opens: see TestStores
	{"ResetKeepsTheLog", suiteReset},
	{"ExercisesAndAnswerLog", suiteExercisesAndLog},
	{"Names", suiteNames},
}

func TestStores(t *testing.T) {
	for _, b := range storeBackends {
		t.Run(b.name, func(t *testing.T) {
			for _, c := range storeSuite {
				t.Run(c.name, func(t *testing.T) {
					opener := b.fresh(t)
					if c.test == nil {
						suiteMigrationsOnce(t, opener)
						return
					}
					c.test(t, func() suiteStore {
						t.Helper()
						s, err := opener()
						if err != nil {
							t.Fatal(err)
						}
						t.Cleanup(func() { s.Close() })
						return s
					})
				})
			}
		})
	}
}

func applyAs(t *testing.T, s Store, learner string, cs ...Change) {
	t.Helper()
	for _, c := range cs {
		if err := s.Apply(ctx, learner, c); err != nil {
			t.Fatal(err)
		}
	}
}

func suiteRoundTrip(t *testing.T, open func() suiteStore) {
	s := open()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	apply(t, s, Open{"sqs", now}, Offset{"sqs", 42, now}, Position{"sqs", 0.25, now}, Read{"sqs", now},
		Open{"s3", now}, QuizPassed{"s3", now},
		Answer{Item: "a", Right: true, At: now}, Answer{Item: "b", Right: false, At: now})
	snap := load(t, open()) // another connection sees it all
	st := snap.Progress
	if st.Last != "s3" || st.Lesson("sqs").Offset != 42 || st.Lesson("sqs").Position != 0.25 || !st.Lesson("sqs").Read || !st.Lesson("s3").QuizPassed {
		t.Fatalf("progress %+v", st)
	}
	if !st.Lesson("sqs").Updated.Equal(now) {
		t.Fatalf("updated %v, want %v", st.Lesson("sqs").Updated, now)
	}
	a, b := snap.Review.Get("a"), snap.Review.Get("b")
	if a == nil || a.Answers != 1 || a.FirstTryRight != 1 || b == nil || !b.LastMissed || !b.IsDue(now) {
		t.Fatalf("review a=%+v b=%+v", a, b)
	}
	if n, err := s.AnswerCount(ctx, LocalLearner); n != 2 || err != nil {
		t.Fatalf("answers logged: %d %v", n, err)
	}
}

// Many goroutines on two stores (two processes, two servers) answering the
// same items of one learner at once keep every answer, in the log and in
// the items' cards.
func suiteConcurrentAnswers(t *testing.T, open func() suiteStore) {
	stores := []suiteStore{open(), open()}
	const writers, per, items = 12, 15, 4
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := stores[w%len(stores)]
			for i := range per {
				a := Answer{Item: fmt.Sprintf("item-%d", i%items), Right: (i+w)%2 == 0, At: time.Now(), Picked: []string{"x"}}
				if err := s.Apply(ctx, LocalLearner, a); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	s := open()
	total := 0
	for _, rec := range load(t, s).Review.Items {
		total += rec.Answers
	}
	n, err := s.AnswerCount(ctx, LocalLearner)
	if total != writers*per || n != writers*per || err != nil {
		t.Fatalf("answers counted in the cards %d, logged %d (%v); want %d", total, n, err, writers*per)
	}
}

// Two learners working at once on the same lessons and items each see only
// their own progress and cards; resetting one leaves the other.
func suiteTwoLearners(t *testing.T, open func() suiteStore) {
	s, other := open(), open()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	const per = 10
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for i, who := range []string{"alice", "bob"} {
		st := []suiteStore{s, other}[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range per {
				for _, c := range []Change{Open{who + "-lesson", now}, Answer{Item: "shared", Right: who == "alice", At: now.Add(time.Duration(k) * time.Second)}} {
					if err := st.Apply(ctx, who, c); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, who := range []string{"alice", "bob"} {
		snap, err := s.Load(ctx, who)
		if err != nil {
			t.Fatal(err)
		}
		rec := snap.Review.Get("shared")
		if len(snap.Progress.Lessons) != 1 || snap.Progress.Last != who+"-lesson" || rec == nil || rec.Answers != per {
			t.Fatalf("%s sees %+v, card %+v", who, snap.Progress, rec)
		}
		if wantRight := map[string]int{"alice": per, "bob": 0}[who]; rec.FirstTryRight != wantRight {
			t.Fatalf("%s's card has another's answers: %+v", who, rec)
		}
	}
	applyAs(t, s, "alice", ResetAll{})
	if snap, _ := s.Load(ctx, "bob"); len(snap.Progress.Lessons) != 1 || snap.Review.Get("shared") == nil {
		t.Fatalf("resetting alice reset bob: %+v", snap.Progress)
	}
	learners, err := s.Learners(ctx)
	if err != nil || len(learners) != 2 || learners[0].ID != "alice" || learners[1].ID != "bob" {
		t.Fatalf("learners %+v %v", learners, err)
	}
}

// Stores opening a fresh database at once (servers starting together)
// migrate it once: one schema_version row at SchemaVersion, and reopening
// keeps the data.
func suiteMigrationsOnce(t *testing.T, opener func() (suiteStore, error)) {
	const n = 4
	stores := make([]suiteStore, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() { defer wg.Done(); stores[i], errs[i] = opener() }()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("open %d: %v", i, errs[i])
		}
		defer stores[i].Close()
	}
	apply(t, stores[0], Open{"sqs", time.Now()})
	stores[0].Close()
	s, err := opener()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if load(t, s).Progress.Last != "sqs" {
		t.Fatal("reopening lost the data")
	}
	db := s.(interface{ DB() *sql.DB }).DB()
	var rows, v int
	if err := db.QueryRowContext(ctx, `SELECT count(*), max(version) FROM schema_version`).Scan(&rows, &v); err != nil {
		t.Fatal(err)
	}
	if rows != 1 || v != SchemaVersion {
		t.Fatalf("schema_version has %d rows, version %d; want 1 row at %d", rows, v, SchemaVersion)
	}
}

func suiteReset(t *testing.T, open func() suiteStore) {
	s := open()
	now := time.Now()
	apply(t, s, Open{"sqs", now}, Open{"s3", now}, Answer{Item: "sqs-1", Right: true, At: now}, Answer{Item: "s3-1", Right: true, At: now},
		Reset{Lesson: "s3", Items: []string{"s3-1"}})
	snap := load(t, s)
	if snap.Progress.Lessons["s3"] != nil || snap.Review.Get("s3-1") != nil || snap.Progress.Last != "" ||
		snap.Progress.Lessons["sqs"] == nil || snap.Review.Get("sqs-1") == nil {
		t.Fatalf("reset of s3: %+v %+v", snap.Progress, snap.Review.Items)
	}
	apply(t, s, ResetAll{})
	if snap = load(t, s); len(snap.Progress.Lessons) != 0 || len(snap.Review.Items) != 0 {
		t.Fatalf("not all reset: %+v %+v", snap.Progress, snap.Review.Items)
	}
	if n, _ := s.AnswerCount(ctx, LocalLearner); n != 2 {
		t.Fatalf("the answer log is history and stays: %d", n)
	}
}

func suiteExercisesAndLog(t *testing.T, open func() suiteStore) {
	s := open()
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	apply(t, s,
		Answer{Item: "sqs-1", Right: false, At: t0.Add(time.Minute), Picked: []string{"30 seconds", `a "quoted", text?`}},
		Answer{Item: "sqs-2", Right: true, At: t0.Add(2 * time.Minute)},
		WorkspaceSet{Dir: "/tmp/ws?", At: t0},
		ExerciseChecked{Exercise: "a", Passed: false, At: t0},
		ExerciseChecked{Exercise: "a", Passed: true, At: t0.Add(time.Second)},
		HintShown{Exercise: "a", Level: 2, At: t0}, HintShown{Exercise: "a", Level: 1, At: t0})
	applyAs(t, s, "bob", ExerciseChecked{Exercise: "b", Passed: true, At: t0.Add(5 * time.Minute)})
	log, err := s.AnswerLog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []LoggedAnswer{
		{Learner: LocalLearner, Item: "sqs-1", Picked: []string{"30 seconds", `a "quoted", text?`}, At: t0.Add(time.Minute)},
		{Learner: LocalLearner, Item: "sqs-2", Right: true, Picked: []string{}, At: t0.Add(2 * time.Minute)},
	}
	if !reflect.DeepEqual(log, want) {
		t.Errorf("log\n%+v\nwant\n%+v", log, want)
	}
	learners, err := s.Learners(ctx)
	wantL := []LearnerSeen{{ID: "bob", LastSeen: t0.Add(5 * time.Minute)}, {ID: LocalLearner, LastSeen: t0.Add(2 * time.Minute)}}
	if err != nil || !reflect.DeepEqual(learners, wantL) {
		t.Errorf("learners %+v %v, want %+v", learners, err, wantL)
	}
	checks, err := s.CheckLog(ctx)
	wantC := []LoggedCheck{{LocalLearner, "a", false, t0}, {LocalLearner, "a", true, t0.Add(time.Second)}, {"bob", "b", true, t0.Add(5 * time.Minute)}}
	if err != nil || !reflect.DeepEqual(checks, wantC) {
		t.Errorf("checks %+v %v, want %+v", checks, err, wantC)
	}
	ex, err := open().Exercises(ctx, LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	if a := ex.ByID["a"]; ex.Workspace != "/tmp/ws?" || a.Status() != "passed" || a.Hints != 2 || a.Checks != 2 {
		t.Errorf("exercises %+v, a = %+v", ex, a)
	}
	if !load(t, s).Progress.ExercisesPassed["a"] {
		t.Error("Load does not bring back the passed exercise")
	}
}
