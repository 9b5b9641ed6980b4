package exercise

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/assets"
	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/sandbox/exercises"
)

func sqsExercise(t *testing.T) *exercises.Exercise {
	t.Helper()
	sub, err := fs.Sub(assets.Exercises, "_exercises")
	if err != nil {
		t.Fatal(err)
	}
	all, err := exercises.Load(sub, "exercises")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.ID == "sqs-partial-batch" {
			return e
		}
	}
	t.Fatal("no sqs-partial-batch")
	return nil
}

// fakeStore is a Store in memory.
type fakeStore struct {
	mu      sync.Mutex
	st      *progress.Exercises
	changes []progress.Change
}

func (f *fakeStore) Load(context.Context) (*progress.Exercises, error) { return f.st, nil }
func (f *fakeStore) Record(_ context.Context, c progress.Change) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.changes = append(f.changes, c)
	return nil
}

func haveGo() (string, error) { return "/usr/bin/go", nil }

func newModel(t *testing.T, deps Deps, w, h int) Model {
	t.Helper()
	c := common.New()
	c.Width, c.Height = w, h
	if deps.FindGo == nil {
		deps.FindGo = haveGo
	}
	return New(c, sqsExercise(t), "Amazon SQS", deps)
}

func press(s string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: []rune(s)[0], Text: s} }

func text(m Model) string { return ansi.Strip(m.View()) }

// TestNoGo: without Go the screen says in one line which Go and where to
// get it, and still shows the statement and criteria.
func TestNoGo(t *testing.T) {
	m := newModel(t, Deps{FindGo: func() (string, error) { return "", exercises.ErrNoGo }}, 100, 40)
	v := text(m)
	for _, want := range []string{"exercises need Go " + exercises.GoVersion, "https://go.dev/dl/", "batchItemFailures", "A bad message never fails the whole batch"} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	if cmd := m.Init(); cmd != nil {
		t.Error("no store: Init should do nothing")
	}
}

// TestNoWorkspace: a learner without a workspace is told to run
// `tutor exercise init`; no check starts.
func TestNoWorkspace(t *testing.T) {
	st := &fakeStore{st: &progress.Exercises{ByID: map[string]progress.ExerciseStatus{}}}
	m := newModel(t, Deps{Store: st}, 80, 30)
	msg := m.Init()()
	m, cmd := m.Update(msg)
	if cmd != nil {
		t.Error("a check started without a workspace")
	}
	if v := text(m); !strings.Contains(v, "tutor exercise init") {
		t.Errorf("no word of tutor exercise init:\n%s", v)
	}
}

// TestResults: a check's verdict marks each criterion, a superseded or
// another screen's result is dropped, and a pass is announced to the app.
func TestResults(t *testing.T) {
	m := newModel(t, Deps{}, 100, 40)
	m.seq, m.checking = 2, true
	var crit []exercises.CritResult
	for i, c := range m.ex.Criteria {
		crit = append(crit, exercises.CritResult{ID: c.ID, Title: c.Title, Passed: i != 1, Detail: "wanted X, got Y"})
	}
	failing := &exercises.Report{Build: exercises.Build{OK: true}, Criteria: crit}
	m2, _ := m.Update(checkedMsg{screen: m.id, seq: 1, rep: failing})
	if !m2.checking || m2.rep != nil {
		t.Fatal("a superseded check's result was shown")
	}
	m2, _ = m.Update(checkedMsg{screen: m.id + 1000, seq: 2, rep: failing})
	if m2.rep != nil {
		t.Fatal("another screen's result was shown")
	}
	m, cmd := m.Update(checkedMsg{screen: m.id, seq: 2, rep: failing})
	v := text(m)
	if cmd != nil || !strings.Contains(v, "✗ "+crit[1].Title) || !strings.Contains(v, "wanted X, got Y") || !strings.Contains(v, "✓ "+crit[0].Title) {
		t.Fatalf("failing verdict:\n%s", v)
	}
	if s := m.status(); s.Failed != 1 || s.Passed {
		t.Errorf("status after a failed check: %+v", s)
	}
	for i := range crit {
		crit[i].Passed = true
	}
	m.seq = 3
	m, cmd = m.Update(checkedMsg{screen: m.id, seq: 3, rep: &exercises.Report{Passed: true, Build: exercises.Build{OK: true}, Criteria: crit}})
	if cmd == nil {
		t.Fatal("a pass was not announced")
	}
	if p, ok := cmd().(PassedMsg); !ok || p.Change.Exercise != "sqs-partial-batch" || !p.Change.Passed {
		t.Fatalf("announced %#v", p)
	}
	if !strings.Contains(text(m), "All 6 checks passed") {
		t.Errorf("no verdict line:\n%s", text(m))
	}
	m, _ = m.Update(checkedMsg{screen: m.id, seq: 3, rep: &exercises.Report{Build: exercises.Build{OK: false, Output: "sqs-partial-batch/handler.go:7:2: undefined: x"}}})
	if v := text(m); !strings.Contains(v, "build failed") || !strings.Contains(v, "handler.go:7:2") {
		t.Errorf("build failure:\n%s", v)
	}
}

// TestHintsAndSolution: h shows the next hint (never past the last) and
// records it; the solution stays closed until the CLI's gate opens.
func TestHintsAndSolution(t *testing.T) {
	st := &fakeStore{}
	m := newModel(t, Deps{Store: st}, 100, 60)
	m, _ = m.Update(press("s"))
	if v := text(m); strings.Contains(v, "Why it works") || !strings.Contains(v, "opens once you pass") {
		t.Fatalf("solution shown too early:\n%s", v)
	}
	for i := 0; i < 4; i++ {
		var cmd tea.Cmd
		m, cmd = m.Update(press("h"))
		if cmd != nil {
			cmd()
		}
	}
	if n := m.status().Hints; n != len(m.ex.Hints) {
		t.Fatalf("hints shown %d, want %d", n, len(m.ex.Hints))
	}
	if last := st.changes[len(st.changes)-1].(progress.HintShown); len(st.changes) != 4 || last.Level != len(m.ex.Hints) {
		t.Fatalf("recorded %v", st.changes)
	}
	if v := text(m); !strings.Contains(v, "Hints (3 of 3)") {
		t.Errorf("hints not shown:\n%s", v)
	}
	m.setStatus(func(s *progress.ExerciseStatus) { s.Failed = progress.FailedChecksForSolution })
	m, _ = m.Update(press("s"))
	m.vp.GotoBottom()
	if v := text(m); !strings.Contains(v, "Why it works") {
		t.Fatalf("solution not shown after every hint and 3 failed checks:\n%s", v)
	}
}

// TestCloseCancels: q closes the screen and cancels its context, so a
// check under way stops and its result never arrives.
func TestCloseCancels(t *testing.T) {
	m := newModel(t, Deps{}, 80, 24)
	m, _ = m.Update(press("q"))
	if _, ok := m.TakeIntent().(common.CloseMsg); !ok {
		t.Fatal("q did not close")
	}
	if m.ctx.Err() == nil {
		t.Fatal("closing did not cancel the screen's context")
	}
}

// TestCheckOnAWorkspace opens the screen on a real workspace: it watches
// the folder and checks; closing the screen mid-check drops the result
// and leaves the watcher stopped.
func TestCheckOnAWorkspace(t *testing.T) {
	if _, err := exercises.FindGo(); err != nil {
		t.Skip("no go")
	}
	ws := t.TempDir()
	ex := sqsExercise(t)
	if _, err := exercises.Init(ws, []*exercises.Exercise{ex}); err != nil {
		t.Fatal(err)
	}
	st := &fakeStore{st: &progress.Exercises{Workspace: ws, ByID: map[string]progress.ExerciseStatus{}}}
	m := newModel(t, Deps{Store: st, FindGo: exercises.FindGo}, 80, 24)
	m, cmd := m.Update(m.Init()())
	if cmd == nil || m.watcher == nil || !m.checking {
		t.Fatalf("no check or watcher started (%v)", m.wsErr)
	}
	if v := text(m); !strings.Contains(v, filepath.Join(ws, ex.ID, "handler.go")) {
		t.Errorf("the file is not named:\n%s", v)
	}
	check := m.checkCmd() // supersedes the first; run it after closing
	m.Close()
	if msg := check(); msg != nil {
		t.Fatalf("a closed screen's check delivered %T", msg)
	}
	if _, open := <-m.watcher.Changes; open {
		t.Fatal("the watcher still runs after Close")
	}
	if b, _ := os.ReadFile(filepath.Join(ws, ex.ID, "handler.go")); string(b) != string(ex.Handler) {
		t.Fatal("the check changed handler.go")
	}
	if len(st.changes) != 0 {
		t.Fatalf("a cancelled check was recorded: %v", st.changes)
	}
}

// TestFits draws the screen in every state at the app's sizes.
func TestFits(t *testing.T) {
	for _, sz := range [][2]int{{40, 9}, {60, 19}, {80, 23}, {200, 59}} {
		for _, goErr := range []error{nil, errors.New("exercises need Go")} {
			m := newModel(t, Deps{FindGo: func() (string, error) { return "", goErr }}, sz[0], sz[1])
			m.note = strings.Repeat("a long note ", 20)
			lines := strings.Split(m.View(), "\n")
			if len(lines) > sz[1] {
				t.Errorf("%v: %d lines", sz, len(lines))
			}
			for i, l := range lines {
				if ansi.StringWidth(l) > sz[0] {
					t.Errorf("%v: line %d is %d wide", sz, i, ansi.StringWidth(l))
				}
			}
		}
	}
}

// TestReflow: the statement's lines (as YAML keeps them) are joined, so a
// narrow window wraps whole paragraphs rather than leaving stubs.
func TestReflow(t *testing.T) {
	if got := reflow("one\ntwo\n\nthree\n  code\n"); got != "one two\n\nthree\n  code" {
		t.Errorf("reflow: %q", got)
	}
	m := newModel(t, Deps{}, 60, 40)
	for _, l := range strings.Split(text(m), "\n")[2:8] {
		if n := len(strings.TrimSpace(l)); n > 0 && n < 30 {
			t.Errorf("a stub line in the statement at 60 columns: %q\n%s", l, text(m))
		}
	}
}
