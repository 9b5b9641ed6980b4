package progress

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// suiteNames: a display name is kept per learner, read back by Load and
// Learners (so the report and board show it), kept through ResetAll, and a
// name CleanName refuses is never stored.
func suiteNames(t *testing.T, open func() suiteStore) {
	s := open()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	applyAs(t, s, "ann", SetName{Name: "  Ann Lee  ", At: now})
	applyAs(t, s, "bob", Open{"sqs", now})
	applyAs(t, s, "ann", ResetAll{})
	for _, bad := range []string{"", "   ", strings.Repeat("x", MaxNameLen+1), "a\x1b[31mb"} {
		if err := s.Apply(ctx, "bob", SetName{Name: bad, At: now}); err == nil {
			t.Errorf("name %q was stored", bad)
		}
	}
	other := open()
	snap, err := other.Load(ctx, "ann")
	if err != nil || snap.Name != "Ann Lee" {
		t.Fatalf("ann's name %q (%v)", snap.Name, err)
	}
	if snap, _ := other.Load(ctx, "bob"); snap.Name != "" {
		t.Fatalf("bob's name %q", snap.Name)
	}
	ls, err := other.Learners(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range ls {
		got[l.ID] = l.Name
	}
	if len(got) != 2 || got["ann"] != "Ann Lee" || got["bob"] != "" {
		t.Fatalf("learners %+v", ls)
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{" Bea ": "Bea", "Zoë Ñ": "Zoë Ñ", strings.Repeat("é", MaxNameLen): strings.Repeat("é", MaxNameLen)} {
		if got, err := CleanName(in); err != nil || got != want {
			t.Errorf("CleanName(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "\t", "a\nb", "bell\a", strings.Repeat("x", 41)} {
		if _, err := CleanName(bad); err == nil {
			t.Errorf("CleanName(%q) accepted", bad)
		}
	}
}

// TestOpenClassStore: a missing file is created; a corrupt one or one that
// is not tutor's is one error naming it, and is left untouched.
func TestOpenClassStore(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "class", "tutor.db")
	s, err := OpenClassStore(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	applyAs(t, s, "ann", SetName{Name: "Ann"})
	s.Close()
	s, err = OpenClassStore(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Name(ctx, "ann"); n != "Ann" || err != nil {
		t.Fatalf("reopened: name %q %v", n, err)
	}
	s.Close()
	for name, body := range map[string]string{"junk.db": "not a database at all", "trunc.db": "SQLite format 3\x00" + strings.Repeat("\xff", 200)} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := OpenClassStore(ctx, p)
		if err == nil || !strings.Contains(err.Error(), p) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err %v", name, err)
		}
		after, _ := os.ReadFile(p)
		if string(after) != body {
			t.Errorf("%s was changed", name)
		}
		if m, _ := filepath.Glob(p + ".damaged*"); len(m) > 0 {
			t.Errorf("%s was moved aside: %v", name, m)
		}
	}
}
