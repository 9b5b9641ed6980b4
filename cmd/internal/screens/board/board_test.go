package board

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func ago(m int) time.Time { return now.Add(-time.Duration(m) * time.Minute) }

// fake is a ClassReader (and CheckLogger) held in memory.
type fake struct {
	states  map[string]*progress.State
	answers []progress.LoggedAnswer
	checks  []progress.LoggedCheck
	err     error
}

func (f *fake) Load(_ context.Context, l string) (progress.Snapshot, error) {
	if f.err != nil {
		return progress.Snapshot{}, f.err
	}
	st := f.states[l]
	if st == nil {
		st = progress.New()
	}
	return progress.Snapshot{Progress: st}, nil
}
func (f *fake) Apply(context.Context, string, progress.Change) error { return errors.New("read only") }
func (f *fake) Where() string                                        { return "fake" }
func (f *fake) Close() error                                         { return nil }
func (f *fake) Learners(context.Context) ([]progress.LearnerSeen, error) {
	if f.err != nil {
		return nil, f.err
	}
	var out []progress.LearnerSeen
	for id := range f.states {
		out = append(out, progress.LearnerSeen{ID: id, LastSeen: ago(1)})
	}
	return out, nil
}
func (f *fake) AnswerLog(context.Context) ([]progress.LoggedAnswer, error) { return f.answers, f.err }
func (f *fake) CheckLog(context.Context) ([]progress.LoggedCheck, error)   { return f.checks, f.err }

var lessons = []Lesson{{ID: "intro"}, {ID: "s3", HasQuiz: true}, {ID: "sqs", Exercises: []string{"ex-sqs"}}}

// class: ann is done with intro and on s3 since 5m; bob on s3 since 6m;
// cat on s3 since 40m (stuck); dan missed an item 3 times; eve fails ex-sqs
// for 20m.
func class() *fake {
	f := &fake{states: map[string]*progress.State{}}
	on := func(id string, m int, done ...string) {
		st := progress.New()
		for _, d := range done {
			st.Open(d, ago(m+1))
			st.Lesson(d).Read = true
			st.Lesson(d).Updated = ago(m)
		}
		st.Open("s3", ago(m))
		f.states[id] = st
	}
	on("ann", 5, "intro")
	on("bob", 6, "intro")
	on("cat", 40, "intro")
	on("dan", 4, "intro")
	st := progress.New()
	st.Open("intro", ago(30))
	st.Lesson("intro").Read = true
	st.Lesson("intro").Updated = ago(6) // read to the end, then on to sqs
	st.Open("sqs", ago(5))
	f.states["eve"] = st
	for _, m := range []int{9, 5, 1} {
		f.answers = append(f.answers, progress.LoggedAnswer{Learner: "dan", Item: "q1", At: ago(m)})
	}
	f.answers = append(f.answers, progress.LoggedAnswer{Learner: "ann", Item: "q1", Right: true, At: ago(2)})
	f.checks = []progress.LoggedCheck{{Learner: "eve", Exercise: "ex-sqs", At: ago(20)}, {Learner: "eve", Exercise: "ex-sqs", At: ago(2)}}
	return f
}

func TestReadSortsTheStuckOnTop(t *testing.T) {
	d, err := Read(context.Background(), lessons, class(), now)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range d.Rows {
		got = append(got, r.ID+": "+strings.Join(r.Stuck, "; "))
	}
	want := []string{
		"cat: on s3 for 40m (class median 6m)",
		"dan: missed q1 3 times in a row",
		"eve: exercise ex-sqs failing for 20m",
		"ann: ", "bob: ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ann := d.Rows[3]
	if ann.Current != "s3" || ann.Accuracy == nil || *ann.Accuracy != 1 || fmt.Sprint(ann.Status) != "[done in-progress not-started]" {
		t.Errorf("ann: %+v", ann)
	}
	if d.Rows[1].Accuracy == nil || *d.Rows[1].Accuracy != 0 || d.Rows[4].Accuracy != nil {
		t.Errorf("accuracy: dan %v, bob %v", d.Rows[1].Accuracy, d.Rows[4].Accuracy)
	}
}

func size(w, h int) common.Common {
	c := common.New()
	c.Width, c.Height = w, h
	return c
}

// run performs a command and feeds its message back, as the runtime would.
func run(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		t.Fatal("no command")
	}
	m, _ = m.Update(cmd())
	return m
}

func source(f *fake) Source {
	return func(ctx context.Context, at time.Time) (Data, error) { return Read(ctx, lessons, f, at) }
}

func TestViewAndRefreshKeepsTheLastDataOnError(t *testing.T) {
	f := class()
	m := New(size(80, 20), source(f))
	m.readNow = func() time.Time { return now }
	if v := ansi.Strip(m.View()); !strings.Contains(v, "reading the class") {
		t.Errorf("before the first read:\n%s", v)
	}
	m = run(t, m, m.Init())
	v := ansi.Strip(m.View())
	for _, want := range []string{"5 learners · 3 stuck", "!▸cat", "s3 · on s3 for 40m (class median 6m)", "  ann            100% ✓~. s3", "  bob               - ✓~. s3", "missed q1 3 times in a row", "exercise ex-sqs failing for 20m"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	// A failed read: the error on the status line, the rows kept.
	f.err = errors.New("database is locked")
	m, cmd := m.Update(tickMsg{})
	m = run(t, m, cmd)
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "read failed: database is locked") || !strings.Contains(v, "ann") || m.Err() == nil || len(m.Data().Rows) != 5 {
		t.Errorf("after a failed read:\n%s", v)
	}
	// Every read, good or bad, schedules the next.
	if _, cmd := m.Update(readMsg{err: f.err}); cmd == nil {
		t.Error("a failed read must schedule the next")
	}
	// A change shows on the next good read, and the error goes.
	f.err = nil
	delete(f.states, "cat")
	m, cmd = m.Update(tickMsg{})
	m = run(t, m, cmd)
	if v = ansi.Strip(m.View()); strings.Contains(v, "read failed") || !strings.Contains(v, "4 learners · 2 stuck") {
		t.Errorf("after a good read:\n%s", v)
	}
}

func TestCursorFollowsTheLearnerAndScrolls(t *testing.T) {
	f := &fake{states: map[string]*progress.State{}}
	for i := range 30 {
		f.states[fmt.Sprintf("learner%02d", i)] = progress.New()
	}
	m := New(size(60, 10), source(f))
	m = run(t, m, m.Init())
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "▸learner29") || strings.Contains(v, "learner00") {
		t.Errorf("at the end:\n%s", v)
	}
	if lines := strings.Split(v, "\n"); len(lines) > 10 {
		t.Errorf("%d lines in 10", len(lines))
	}
	// learner29 stays selected when the store adds learners above it.
	f.states["aaa"] = progress.New()
	m, cmd := m.Update(tickMsg{})
	m = run(t, m, cmd)
	if r := m.Data().Rows[m.cursor]; r.ID != "learner29" {
		t.Errorf("cursor on %s after a refresh", r.ID)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "▸aaa") {
		t.Errorf("at the top:\n%s", v)
	}
}

func TestFitAndQuit(t *testing.T) {
	f := class()
	f.states["SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"] = progress.New()
	for _, sz := range [][2]int{{40, 10}, {60, 20}, {80, 24}, {81, 24}, {83, 24}, {200, 60}, {10, 5}, {20, 3}} {
		var m tea.Model = NewRoot(source(f), true)
		m, _ = m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		m, _ = m.Update(m.Init()())
		v := m.View()
		if !v.AltScreen {
			t.Error("the board runs in the alt screen")
		}
		lines := strings.Split(v.Content, "\n")
		if len(lines) > sz[1] {
			t.Errorf("%dx%d: %d lines:\n%s", sz[0], sz[1], len(lines), ansi.Strip(v.Content))
		}
		for i, l := range lines {
			if n := ansi.StringWidth(l); n > sz[0] {
				t.Errorf("%dx%d: line %d is %d wide: %q", sz[0], sz[1], i+1, n, ansi.Strip(l))
			}
		}
	}
	var m tea.Model = NewRoot(source(f), true)
	for _, k := range []tea.KeyPressMsg{{Code: 'q', Text: "q"}, {Code: 'c', Mod: tea.ModCtrl}} {
		_, cmd := m.Update(k)
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit", k)
		}
	}
}
