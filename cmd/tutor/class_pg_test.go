package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/classreport"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/progress/pgtest"
)

// tutor class report --db postgres://... reads a class store on a real
// PostgreSQL server: two learners, their answers and first picks.
func TestBinaryClassReportPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	store, err := progress.OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for i, c := range []struct {
		learner string
		a       progress.Answer
	}{
		{"alice", progress.Answer{Item: "sync-trigger", Right: true, At: t0, Picked: []string{"Amazon S3"}}},
		{"bob", progress.Answer{Item: "sync-trigger", Right: false, At: t0.Add(time.Minute), Picked: []string{"Amazon SQS"}}},
	} {
		if err := store.Apply(ctx, c.learner, progress.Open{Lesson: "sqs", At: t0.Add(time.Duration(i) * time.Second)}); err != nil {
			t.Fatal(err)
		}
		if err := store.Apply(ctx, c.learner, c.a); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()
	out, errOut, code := tutor(t, "", "class", "report", "--db", dsn, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep classreport.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(rep.Learners) != 2 || rep.Learners[0].ID != "alice" || rep.Learners[1].ID != "bob" {
		t.Fatalf("learners: %+v", rep.Learners)
	}
	if len(rep.Items) != 1 || rep.Items[0].ID != "sync-trigger" || rep.Items[0].Answered != 2 || rep.Items[0].PValue != 0.5 {
		t.Fatalf("items: %+v", rep.Items)
	}
}

// An unreachable server is one line naming the DSN without its password.
func TestBinaryClassReportPostgresUnreachable(t *testing.T) {
	_, errOut, code := tutor(t, "", "class", "report", "--db", "postgres://teacher:s3cret@127.0.0.1:1/class?connect_timeout=5")
	if code != 1 || !strings.Contains(errOut, "cannot reach the PostgreSQL server at postgres://teacher:xxxxx@127.0.0.1:1/class") ||
		strings.Contains(errOut, "s3cret") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
