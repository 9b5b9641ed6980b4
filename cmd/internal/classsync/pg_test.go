package classsync_test

import (
	"context"
	"net"
	"os"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/progress/pgtest"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

// The same link to a PostgreSQL class store: sent once, twice nothing;
// the name given is stored there.
func TestJoinPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	pg, err := progress.OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	srv, err := serve.New(serve.Config{Open: true, Dir: t.TempDir(), Sync: pg})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer func() {
		c, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		srv.Close(c)
	}()
	l := newLearner(t)
	l.do(progress.Open{Lesson: "sqs", At: t0}, answer("sqs-1", false, "A"), answer("sqs-1", true, "B"),
		progress.ExerciseChecked{Exercise: "e", Passed: true})
	c := &class{addr: ln.Addr().String()}
	o := l.options(c, "")
	o.Name = "Pg Learner"
	for range 2 {
		if err := classsync.Run(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	if name, err := pg.Name(ctx, l.id()); err != nil || name != "Pg Learner" {
		t.Fatalf("name in PostgreSQL %q (%v)", name, err)
	}
	if n, err := pg.AnswerCount(ctx, l.id()); err != nil || n != 2 {
		t.Fatalf("%d answers in PostgreSQL (%v), want 2", n, err)
	}
	snap, err := pg.Load(ctx, l.id())
	if err != nil || snap.Progress.Last != "sqs" || !snap.Progress.ExercisesPassed["e"] {
		t.Fatalf("progress %+v (%v)", snap.Progress, err)
	}
}
