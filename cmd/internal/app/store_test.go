package app

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// window is one course TUI on a state directory, as runCourse wires it.
type window struct {
	store *progress.SQLite
	w     *progress.Writer
	m     Model
}

func openWindow(t *testing.T, dir string) *window {
	t.Helper()
	s, _, err := progress.OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	snap, err := s.Load(context.Background(), progress.LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	w := progress.NewWriter(s, progress.LocalLearner)
	m := New(Options{Course: testCourse(t), State: snap.Progress, Writer: w})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return &window{s, w, m}
}

// quit is what runCourse does when the program ends.
func (win *window) quit(t *testing.T) {
	t.Helper()
	for _, c := range win.m.FinalChanges() {
		win.w.Submit(c)
	}
	if err := win.w.Close(); err != nil {
		t.Fatal(err)
	}
}

func loadDir(t *testing.T, dir string) progress.Snapshot {
	t.Helper()
	s, _, err := progress.OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snap, err := s.Load(context.Background(), progress.LocalLearner)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// Issue 10, lost answers 2: the course open while a practice session
// answers elsewhere wrote its start-up copy back on quit, erasing them.
func TestTUIQuitKeepsAnswersGivenElsewhere(t *testing.T) {
	dir := t.TempDir()
	win := openWindow(t, dir)
	other, _, err := progress.OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	// The TUI answers the lesson's quiz.
	m, _ := send(t, win.m, press("enter"))
	m, _ = send(t, m, press("t"))
	m, _ = send(t, m, press("enter"))
	if !strings.Contains(view(m), "You are right!") && !strings.Contains(view(m), "You missed!") {
		t.Fatalf("no feedback:\n%s", view(m))
	}
	// Meanwhile a practice session answers the same item and another one.
	for _, a := range []progress.Answer{{Item: "alpha/q1", Right: true, At: time.Now()}, {Item: "other/q", Right: false, At: time.Now()}} {
		if err := other.Apply(context.Background(), progress.LocalLearner, a); err != nil {
			t.Fatal(err)
		}
	}
	m, _ = send(t, m, press("q"))
	win.m = m
	win.quit(t)

	snap := loadDir(t, dir)
	if rec := snap.Review.Get("alpha/q1"); rec == nil || rec.Answers != 2 {
		t.Fatalf("alpha/q1 %+v: want both answers (the TUI's and the practice session's)", rec)
	}
	if rec := snap.Review.Get("other/q"); rec == nil || rec.Answers != 1 {
		t.Fatalf("other/q %+v: the practice session's answer was lost", rec)
	}
	if !snap.Progress.Lesson("alpha").Opened || snap.Progress.Last != "alpha" {
		t.Fatalf("progress %+v", snap.Progress)
	}
}

// Issue 10, lost answers 2: of two windows, the one that quit last erased
// what the other recorded.
func TestTwoTUIsKeepBothLessons(t *testing.T) {
	dir := t.TempDir()
	a, b := openWindow(t, dir), openWindow(t, dir)
	a.m, _ = send(t, a.m, press("enter")) // alpha
	a.m, _ = send(t, a.m, press("G"))     // read to the end
	b.m, _ = send(t, b.m, press("j"))
	b.m, _ = send(t, b.m, press("enter")) // beta
	b.m, _ = send(t, b.m, press("G"))
	a.quit(t)
	b.quit(t) // quits last, with its start-up state: alpha unread
	st := loadDir(t, dir).Progress
	if !st.Lesson("alpha").Read || !st.Lesson("beta").Read {
		t.Fatalf("alpha %+v beta %+v: want both read", st.Lessons["alpha"], st.Lessons["beta"])
	}
	if st.Lesson("alpha").Offset == 0 {
		t.Error("alpha's scroll position (quit on its page) was not kept")
	}
}

// A failing save shows on the status line at the first failure, naming
// the database file.
func TestFailingSaveShowsAtOnce(t *testing.T) {
	dir := t.TempDir()
	win := openWindow(t, dir)
	win.store.Close() // every write now fails
	m, _ := send(t, win.m, tea.WindowSizeMsg{Width: 200, Height: 24})
	m, _ = send(t, m, press("enter"))
	if v := view(m); !strings.Contains(v, "could not save") || !strings.Contains(v, "tutor.db") {
		t.Fatalf("no failure on the status line:\n%s", v)
	}
	if err := win.w.Close(); err == nil {
		t.Fatal("the writer does not report the failure on close")
	}
}

// gatedStore holds every change until the gate opens, as a store far
// slower than the learner would.
type gatedStore struct {
	progress.Store
	gate chan struct{}
}

func (s gatedStore) Apply(ctx context.Context, learner string, c progress.Change) error {
	<-s.gate
	return s.Store.Apply(ctx, learner, c)
}

// sendConcurrently feeds keys to m as Bubble Tea does: each command runs in
// its own goroutine and its message comes back whenever it is done. Before
// the next key it handles every message that can come (synctest.Wait: every
// other goroutine is blocked); saves held by a gatedStore stay in flight
// until open is called at the end.
func sendConcurrently(m Model, open func(), msgs ...tea.Msg) Model {
	type result struct {
		msg   tea.Msg
		batch []tea.Cmd
	}
	results := make(chan result)
	inFlight := 0
	launch := func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		inFlight++
		go func() {
			msg := cmd()
			if batch, ok := msg.(tea.BatchMsg); ok {
				results <- result{batch: batch}
				return
			}
			results <- result{msg: msg}
		}()
	}
	handle := func(r result) {
		inFlight--
		for _, c := range r.batch {
			launch(c)
		}
		switch r.msg.(type) {
		case nil, tea.QuitMsg:
			return
		}
		tm, cmd := m.Update(r.msg)
		m = tm.(Model)
		launch(cmd)
	}
	drain := func() {
		for {
			synctest.Wait()
			select {
			case r := <-results:
				handle(r)
			default:
				return
			}
		}
	}
	for _, msg := range msgs {
		tm, cmd := m.Update(msg)
		m = tm.(Model)
		launch(cmd)
		drain()
	}
	open()
	for inFlight > 0 {
		handle(<-results)
	}
	return m
}

// The TUI's saves are commands that Bubble Tea runs concurrently; the
// position of a lesson stored must be the last one, never an earlier one
// that finished later, even when every save lags behind the learner.
func TestTUISavesLandInOrder(t *testing.T) {
	course := testCourse(t)
	synctest.Test(t, func(t *testing.T) {
		s, _, err := progress.OpenSQLite(context.Background(), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		gate := make(chan struct{})
		w := progress.NewWriter(gatedStore{s, gate}, progress.LocalLearner)
		m := New(Options{Course: course, State: progress.New(), Writer: w})
		msgs := []tea.Msg{tea.WindowSizeMsg{Width: 80, Height: 24}}
		for range 5 {
			for _, k := range []string{"enter", "G", "q", "enter", "g", "j", "j", "j", "q"} {
				msgs = append(msgs, press(k))
			}
		}
		m = sendConcurrently(m, func() {
			if n := w.Pending(); n < 20 {
				t.Errorf("only %d saves were held back: the test does not make them lag", n)
			}
			close(gate)
		}, msgs...)
		want := m.State().Lesson("alpha").Offset
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if want != 3 {
			t.Fatalf("the screen says offset %d, want 3 (three lines down from the top)", want)
		}
		snap, err := s.Load(context.Background(), progress.LocalLearner)
		if err != nil {
			t.Fatal(err)
		}
		if got := snap.Progress.Lesson("alpha").Offset; got != want {
			t.Fatalf("stored offset %d, the last one was %d", got, want)
		}
	})
}
