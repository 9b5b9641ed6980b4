package progress

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	store := NewStore(filepath.Join(t.TempDir(), "state"))
	st := New()
	st.Open("sqs", time.Unix(0, 0))
	st.Lesson("sqs").Offset = 42
	if err := SaveState(store, st); err != nil {
		t.Fatal(err)
	}
	got, warn, err := LoadState(store)
	if err != nil || warn != "" {
		t.Fatalf("load: %v %q", err, warn)
	}
	if got.Last != "sqs" || got.Lesson("sqs").Offset != 42 {
		t.Fatalf("got %+v", got)
	}
	if s := got.StatusOf("sqs", false); s != InProgress {
		t.Fatalf("status %s", s)
	}
	entries, _ := os.ReadDir(store.Dir)
	if len(entries) != 1 {
		t.Fatalf("temp files left behind: %v", entries)
	}
}

func TestMissingFileIsFreshProgress(t *testing.T) {
	st, warn, err := LoadState(NewStore(t.TempDir()))
	if err != nil || warn != "" || len(st.Lessons) != 0 {
		t.Fatalf("%v %q %+v", err, warn, st)
	}
}

func TestDamagedFileIsMovedAsideNotLost(t *testing.T) {
	dir := t.TempDir()
	store := NewStore(dir)
	store.now = func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }
	bad := []byte(`{"version": 1, "lessons": {"sqs": {"opened": tru`)
	if err := os.WriteFile(filepath.Join(dir, File), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	st, warn, err := LoadState(store)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(warn, "damaged") || !strings.Contains(warn, "progress.json.damaged-20261126T100000Z") {
		t.Fatalf("warning %q", warn)
	}
	if len(st.Lessons) != 0 {
		t.Fatalf("want fresh state, got %+v", st)
	}
	kept, err := os.ReadFile(filepath.Join(dir, "progress.json.damaged-20261126T100000Z"))
	if err != nil || string(kept) != string(bad) {
		t.Fatalf("damaged file not kept intact: %v", err)
	}
	// Saving afresh works and the damaged copy stays.
	st.Open("s3", time.Now())
	if err := SaveState(store, st); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "progress.json.damaged-20261126T100000Z")); err != nil {
		t.Fatal("damaged copy removed")
	}
}

func TestStatusRules(t *testing.T) {
	st := New()
	if st.StatusOf("x", true) != NotStarted {
		t.Fatal("unopened lesson should be not-started")
	}
	st.Open("x", time.Now())
	st.Lesson("x").Read = true
	if st.StatusOf("x", false) != Done {
		t.Fatal("read lesson without quiz should be done")
	}
	if st.StatusOf("x", true) != InProgress {
		t.Fatal("read lesson with an unpassed quiz should be in-progress")
	}
	st.Lesson("x").QuizPassed = true
	if st.StatusOf("x", true) != Done {
		t.Fatal("read lesson with passed quiz should be done")
	}
	st.Reset("x")
	if st.StatusOf("x", true) != NotStarted || st.Last != "" {
		t.Fatal("reset should forget the lesson")
	}
}

func TestDirPrecedence(t *testing.T) {
	t.Setenv("TUTOR_STATE_DIR", "/a")
	t.Setenv("XDG_STATE_HOME", "/b")
	if d, _ := Dir("/flag"); d != "/flag" {
		t.Fatal(d)
	}
	if d, _ := Dir(""); d != "/a" {
		t.Fatal(d)
	}
	t.Setenv("TUTOR_STATE_DIR", "")
	if d, _ := Dir(""); d != "/b/tutor" {
		t.Fatal(d)
	}
}
