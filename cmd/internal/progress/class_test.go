package progress

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The choices picked are logged by text, a skip as an empty list, and
// answers logged before schema step 4 read back with no picks (nil).
func TestAnswerLogKeepsPicks(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir)
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	// An answer as an older tutor logged it: no picked column value.
	if _, err := s.DB().Exec(`INSERT INTO answers (learner, item, correct, at_us) VALUES ('old', 'sqs-1', 1, ?)`, t0.UnixMicro()); err != nil {
		t.Fatal(err)
	}
	apply(t, s,
		Answer{Item: "sqs-1", Right: false, At: t0.Add(time.Minute), Picked: []string{"30 seconds", `a "quoted", text`}},
		Answer{Item: "sqs-2", Right: false, At: t0.Add(2 * time.Minute)}, // a skip
		Open{"sqs", t0.Add(3 * time.Minute)})
	if err := s.Apply(ctx, "bob", ExerciseChecked{Exercise: "sqs-batch", Passed: true, At: t0.Add(5 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	log, err := s.AnswerLog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []LoggedAnswer{
		{Learner: "old", Item: "sqs-1", Right: true, At: t0},
		{Learner: LocalLearner, Item: "sqs-1", Picked: []string{"30 seconds", `a "quoted", text`}, At: t0.Add(time.Minute)},
		{Learner: LocalLearner, Item: "sqs-2", Picked: []string{}, At: t0.Add(2 * time.Minute)},
	}
	if !reflect.DeepEqual(log, want) {
		t.Errorf("log\n%+v\nwant\n%+v", log, want)
	}
	learners, err := s.Learners(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantL := []LearnerSeen{{ID: "bob", LastSeen: t0.Add(5 * time.Minute)}, {ID: LocalLearner, LastSeen: t0.Add(3 * time.Minute)}, {ID: "old", LastSeen: t0}}
	if !reflect.DeepEqual(learners, wantL) {
		t.Errorf("learners %+v, want %+v", learners, wantL)
	}
}

func TestOpenExistingRefusesWhatIsNotATutorDatabase(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "state", DBFile)
	s, _ := open(t, filepath.Dir(good))
	s.Close()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE t (x INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, tc := range []struct{ name, path, want string }{
		{"missing", filepath.Join(dir, "nope.db"), "no database at"},
		{"directory", dir, "is a directory"},
		{"text", write("notes.db", "hello, this is not a database at all"), "not a tutor database"},
		{"empty", write("empty.db", ""), "not a tutor database"},
		{"corrupt", write("corrupt.db", "SQLite format 3\x00"+strings.Repeat("\xff", 4000)), "damaged"},
		{"another program's", other, "not tutor's"},
	} {
		s, err := OpenExisting(ctx, tc.path)
		if err == nil {
			s.Close()
			t.Errorf("%s: opened", tc.name)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tc.want) || !strings.Contains(msg, tc.path) || strings.Contains(msg, "\n") {
			t.Errorf("%s: %q, want one line naming the file and %q", tc.name, msg, tc.want)
		}
	}
	s, err = OpenExisting(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "notes.db")); err != nil {
		t.Errorf("a file that is not a database must be left where it is: %v", err)
	}
}

// A database of schema version 3 (before the picks) is upgraded in place:
// its answers stay, with no picks, and new answers record theirs.
func TestSchemaStep4UpgradesAnOlderDatabase(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir)
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	apply(t, s, Answer{Item: "a", Right: true, At: t0})
	for _, q := range []string{`ALTER TABLE answers DROP COLUMN picked`, `DROP TABLE learner_names`, `UPDATE schema_version SET version = 3`} {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err := OpenExisting(ctx, filepath.Join(dir, DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.DB().QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != SchemaVersion || SchemaVersion < 4 {
		t.Fatalf("schema version %d (%v), want %d", v, err, SchemaVersion)
	}
	apply(t, s, Answer{Item: "a", Right: false, At: t0.Add(time.Hour), Picked: []string{"x"}})
	log, err := s.AnswerLog(ctx)
	if err != nil || len(log) != 2 || log[0].Picked != nil || !reflect.DeepEqual(log[1].Picked, []string{"x"}) {
		t.Errorf("log %+v (%v)", log, err)
	}
}
