package app

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/quizzes"
)

// heldStore holds the changes hold picks until release, as a store far
// slower than the learner would; fail, when set, fails them instead.
type heldStore struct {
	progress.Store
	hold func(progress.Change) bool
	gate chan struct{}
	fail error
}

func (s *heldStore) Apply(ctx context.Context, learner string, c progress.Change) error {
	if s.hold(c) {
		if s.fail != nil {
			return s.fail
		}
		<-s.gate
	}
	return s.Store.Apply(ctx, learner, c)
}

func (s *heldStore) release() { close(s.gate) }

func isAnswer(c progress.Change) bool { _, ok := c.(progress.Answer); return ok }
func isPass(c progress.Change) bool   { _, ok := c.(progress.QuizPassed); return ok }
func isRead(c progress.Change) bool   { _, ok := c.(progress.Read); return ok }

// driver runs the app as Bubble Tea does, inside a synctest bubble: each
// command in its own goroutine, its message handled when it comes. settle
// handles every message that can come without time passing.
type driver struct {
	m       Model
	results chan tea.Msg
}

func newDriver(m Model) *driver { return &driver{m: m, results: make(chan tea.Msg, 1000)} }

func (d *driver) launch(cmd tea.Cmd) {
	if cmd != nil {
		go func() { d.results <- cmd() }()
	}
}

func (d *driver) handle(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			d.launch(c)
		}
	case nil, tea.QuitMsg:
	default:
		tm, cmd := d.m.Update(msg)
		d.m = tm.(Model)
		d.launch(cmd)
	}
}

func (d *driver) settle() {
	for {
		synctest.Wait()
		select {
		case msg := <-d.results:
			d.handle(msg)
		default:
			return
		}
	}
}

func (d *driver) send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		d.handle(msg)
		d.settle()
	}
}

func (d *driver) view() string { return view(d.m) }

// openHeld is the course on a store whose Apply holds the changes hold
// picks; the returned close closes the writer (releasing first).
func openHeld(t *testing.T, opts Options, hold func(progress.Change) bool) (*driver, *heldStore, *progress.Writer, progress.Store) {
	t.Helper()
	s, _, err := progress.OpenSQLite(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	hs := &heldStore{Store: s, hold: hold, gate: make(chan struct{})}
	w := progress.NewWriter(hs, progress.LocalLearner)
	opts.Writer = w
	if opts.Quiz == nil {
		opts.Course, opts.State = testCourse(t), progress.New()
	}
	d := newDriver(New(opts))
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d, hs, w, s
}

// rightKeys are the keys that answer alpha/q1 right on the screen shown
// (the choice order depends on the seed).
func rightKeys(t *testing.T, v string) []tea.Msg {
	t.Helper()
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "1. Amazon SQS") {
			return []tea.Msg{press("enter")}
		}
		if strings.Contains(l, "2. Amazon SQS") {
			return []tea.Msg{press("j"), press("enter")}
		}
	}
	t.Fatalf("no Amazon SQS choice on screen:\n%s", v)
	return nil
}

// Issue 15: an answer's feedback shows only once the store has it; until
// then the screen stays as it was, "Saving…" only once it takes long.
func TestAnswerFeedbackWaitsForTheStore(t *testing.T) {
	items := testCourse(t).Quizzes.ForLesson("alpha")
	synctest.Test(t, func(t *testing.T) {
		d, hs, w, s := openHeld(t, Options{Quiz: &Quiz{Items: items, Seed: 7}}, isAnswer)
		before := d.view()
		d.send(rightKeys(t, before)...)
		if v := d.view(); strings.Contains(v, quizzes.RightLine) || strings.Contains(v, "Saving") {
			t.Fatalf("feedback (or a saving note) before the store has the answer:\n%s", v)
		}
		d.send(press("enter")) // held: the learner goes on as soon as it is stored
		time.Sleep(2 * savingAfter)
		d.settle()
		if v := d.view(); strings.Contains(v, quizzes.RightLine) || !strings.Contains(v, "Saving your answer…") {
			t.Fatalf("a slow store: want Saving…, no feedback:\n%s", v)
		}
		hs.release()
		d.settle()
		if v := d.view(); !strings.Contains(v, "Score: 1/1") {
			t.Fatalf("after the store has it the held enter should show the score:\n%s", v)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		snap, err := s.Load(context.Background(), progress.LocalLearner)
		if err != nil {
			t.Fatal(err)
		}
		if rec := snap.Review.Get("alpha/q1"); rec == nil || rec.Answers != 1 || rec.FirstTryRight != 1 {
			t.Fatalf("stored %+v", rec)
		}
		if log, err := s.(*progress.SQLite).AnswerLog(context.Background()); err != nil || len(log) != 1 || len(log[0].Picked) != 1 || log[0].Picked[0] != "Amazon SQS" {
			t.Fatalf("answer log %+v (%v): want the choice picked, by its text", log, err)
		}
	})
}

// Issue 15: a store that fails: the learner sees the error, never "You are
// right!", and can answer again.
func TestFailedAnswerIsNotShownAsAccepted(t *testing.T) {
	items := testCourse(t).Quizzes.ForLesson("alpha")
	synctest.Test(t, func(t *testing.T) {
		d, hs, w, _ := openHeld(t, Options{Quiz: &Quiz{Items: items, Seed: 7}}, isAnswer)
		hs.fail = errors.New("disk full")
		keys := rightKeys(t, d.view())
		d.send(keys...)
		v := d.view()
		if strings.Contains(v, quizzes.RightLine) || !strings.Contains(v, "Your answer was not saved: disk full.") {
			t.Fatalf("failed answer:\n%s", v)
		}
		if lines := strings.Split(v, "\n"); lines[len(lines)-1] != "could not save: disk full" {
			t.Fatalf("status line: %q", lines[len(lines)-1])
		}
		hs.fail = nil
		hs.release()
		d.send(press("enter")) // the same answer again
		if v := d.view(); !strings.Contains(v, quizzes.RightLine) {
			t.Fatalf("the retry, stored, shows its feedback:\n%s", v)
		}
		w.Close()
	})
}

// Issue 15: a passed lesson quiz shows its pass ("You are right!
// Congratulations") only once the pass is stored, and the outline marks
// the lesson only then.
func TestPassWaitsForTheStore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d, hs, w, _ := openHeld(t, Options{}, isPass)
		d.send(press("enter"), press("G"), press("t")) // alpha, read to the end, its quiz
		d.send(rightKeys(t, d.view())...)
		d.send(press("enter")) // see the score
		if v := d.view(); strings.Contains(v, "Congratulations") || strings.Contains(v, "Quiz passed") {
			t.Fatalf("the pass shows before it is stored:\n%s", v)
		}
		if st := d.m.State().Lesson("alpha"); st.QuizPassed {
			t.Fatal("the state says passed before the store has it")
		}
		hs.release()
		d.settle()
		if v := d.view(); !strings.Contains(v, "Congratulations") || !strings.Contains(v, "Quiz passed: the lesson is done.") {
			t.Fatalf("stored pass:\n%s", v)
		}
		d.send(press("q"), press("q")) // the outline
		if v := d.view(); !strings.Contains(v, "✓") {
			t.Fatalf("outline after the pass:\n%s", v)
		}
		w.Close()
	})
}

// Issue 15: the outline marks a lesson read only once the store has it.
func TestReadStatusWaitsForTheStore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d, hs, w, _ := openHeld(t, Options{}, isRead)
		d.send(press("j"), press("enter"), press("q")) // beta (short: read at once), back
		if v := d.view(); strings.Contains(v, "✓") || !strings.Contains(v, "◐") {
			t.Fatalf("beta shown read before the store has it:\n%s", v)
		}
		hs.release()
		d.settle()
		if v := d.view(); !strings.Contains(v, "✓") {
			t.Fatalf("beta read and stored, not marked:\n%s", v)
		}
		w.Close()
	})
}
