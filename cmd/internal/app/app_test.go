package app

import (
	"fmt"
	"image/color"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/lessons"
	"github.com/tutor-dev/tutor/quizzes"
	"github.com/tutor-dev/tutor/sandbox"
)

func testCourse(t testing.TB) *course.Course {
	t.Helper()
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("A paragraph of lesson text that goes on for a while.\n\n", 60)
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("---\nid: alpha\ntitle: Alpha lesson\norder: 1\nsources: [sqs]\nobjectives: [Tell what alpha is for]\nsummary: The first lesson of the test course, with a summary long enough to wrap in a narrow window.\nlabs: [{handler: sqs-batch, events: [sqs-ok, sqs-fail]}]\n---\n# Alpha\n\n" + long + "The end of alpha.\n")},
		"b.md": {Data: []byte("---\nid: beta\ntitle: Beta lesson\norder: 2\n---\n# Beta\n\nShort.\n")},
	}
	lc, err := lessons.Load(fsys, "test", reg)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := sandbox.BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	bank := quizzes.NewBank([]*quizzes.Item{{
		ID: "alpha/q1", Lesson: "alpha", Kind: quizzes.Single, Prompt: "Which source is polled?",
		Choices: []quizzes.Choice{
			{Text: "Amazon SQS", Correct: true, Why: "An event source mapping polls the queue."},
			{Text: "Amazon S3", Why: "S3 invokes asynchronously."},
		},
	}})
	full, err := builtinCourse()
	if err != nil {
		t.Fatal(err)
	}
	return &course.Course{Facts: reg, Lessons: lc, Quizzes: bank, Events: []*sandbox.Events{evs},
		Experiments: full.Experiments, FilterLabs: full.FilterLabs}
}

// builtinCourse is the built-in course, for its experiments and filter labs.
var builtinCourse = sync.OnceValues(func() (*course.Course, error) { return course.LoadFS(course.Builtin(), "") })

// send applies msg and then runs the commands it returns, feeding their
// messages back, as a program would. Quit is reported, not run.
func send(t testing.TB, m Model, msg tea.Msg) (Model, bool) {
	t.Helper()
	queue := []tea.Msg{msg}
	quit := false
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		tm, cmd := m.Update(next)
		m = tm.(Model)
		queue = append(queue, run(cmd, &quit)...)
	}
	return m, quit
}

func run(cmd tea.Cmd, quit *bool) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, run(c, quit)...)
		}
		return out
	case tea.QuitMsg:
		*quit = true
		return nil
	case nil:
		return nil
	}
	return []tea.Msg{msg}
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func view(m Model) string { return ansi.Strip(m.View().Content) }

// title names the screen on top.
func title(m Model) string { return m.top().Title() }

func lessonOffset(m Model) int {
	l, _ := m.lesson()
	return l.Offset()
}

func start(t testing.TB, st *progress.State) Model {
	m := New(Options{Course: testCourse(t), State: st, Now: func() time.Time { return time.Unix(0, 0) }})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return m
}

func TestOutlineShowsLessonsAndProgress(t *testing.T) {
	m := start(t, nil)
	v := view(m)
	for _, want := range []string{"Alpha lesson", "Beta lesson", "0 of 2 lessons done", "enter open"} {
		if !strings.Contains(v, want) {
			t.Errorf("outline lacks %q:\n%s", want, v)
		}
	}
	if got := len(strings.Split(v, "\n")); got != 24 {
		t.Errorf("view is %d lines, want 24", got)
	}
}

func TestOpenReadBackAndQuit(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	if title(m) != "Lesson" || !strings.Contains(view(m), "A paragraph of lesson text") {
		t.Fatalf("enter did not open the lesson:\n%s", view(m))
	}
	if s := m.State().StatusOf("alpha", false); s != progress.InProgress {
		t.Fatalf("status after opening: %s", s)
	}
	m, _ = send(t, m, press("G"))
	if !m.State().Lesson("alpha").Read {
		t.Fatal("reaching the end did not mark the lesson read")
	}
	m, _ = send(t, m, press("q"))
	if title(m) != "Outline" || !strings.Contains(view(m), "0 of 2 lessons done") { // read, but its quiz is not passed
		t.Fatalf("q did not return to the outline:\n%s", view(m))
	}
	if _, quit := send(t, m, press("q")); !quit {
		t.Fatal("q on the outline should quit")
	}
}

func TestNextAndPreviousLesson(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("n"))
	if m.lessonID() != "beta" || !strings.Contains(view(m), "lesson 2 of 2") {
		t.Fatalf("n did not go to the next lesson:\n%s", view(m))
	}
	m, _ = send(t, m, press("n")) // past the end: the closing screen, over the lesson
	if m.lessonID() != "beta" || m.top().Title() != "The end" {
		t.Fatalf("n past the last lesson: lesson %s, screen %s", m.lessonID(), m.top().Title())
	}
	m, _ = send(t, m, press("q"))
	m, _ = send(t, m, press("p"))
	if m.lessonID() != "alpha" {
		t.Fatal("p did not go back")
	}
}

func TestResumesLastLessonAtItsOffset(t *testing.T) {
	st := progress.New()
	st.Open("alpha", time.Unix(0, 0))
	st.Lesson("alpha").Offset = 30
	m := start(t, st)
	if title(m) != "Lesson" || lessonOffset(m) != 30 {
		t.Fatalf("screen %s offset %d", title(m), lessonOffset(m))
	}
	if strings.Contains(view(m), "# Alpha") && !strings.Contains(view(m), "A paragraph") {
		t.Fatal("not scrolled")
	}
}

func TestKeypressNeverRendersMarkdown(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	before := render.Count()
	for _, k := range []string{"pgdown", "j", "k", "G", "g", "pgdown"} {
		m, _ = send(t, m, press(k))
		_ = m.View()
	}
	// Leaving and reopening the same lesson at the same width uses the cache.
	m, _ = send(t, m, press("q"))
	m, _ = send(t, m, press("enter"))
	if n := render.Count() - before; n != 0 {
		t.Fatalf("%d markdown renders on keypresses, want 0", n)
	}
	// A new width does render, once.
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 60, Height: 24})
	if n := render.Count() - before; n != 1 {
		t.Fatalf("%d renders after a resize, want 1", n)
	}
}

func TestLightBackgroundRerenders(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.common.Styles.Dark {
		t.Fatal("a white background should switch to the light theme")
	}
	if _, ok := m.cache.Get(m.renderKey()); !ok || m.renderKey().Dark {
		t.Fatal("light theme lesson not rendered")
	}
}

func TestStaleRenderIsDropped(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	stale := render.RenderedMsg{Key: render.Key{Lesson: "alpha", Width: 7, Dark: true}, Out: "STALE"}
	m, _ = send(t, m, stale)
	if strings.Contains(view(m), "STALE") {
		t.Fatal("a rendering for another width was shown")
	}
}

func TestTinyTerminalsNeverPanic(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("n")) // the short lesson: every resize renders it
	for w := 0; w <= 100; w += 5 {
		for h := 0; h <= 30; h += 3 {
			m, _ = send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
			_ = m.View()
			m, _ = send(t, m, press("j"))
		}
	}
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 20, Height: 5})
	if v := view(m); !strings.Contains(v, "Make the") || !strings.Contains(v, "larger") {
		t.Fatalf("20x5 should ask for a larger window:\n%s", v)
	}
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if !strings.Contains(view(m), "Beta") {
		t.Fatal("layout did not come back after growing")
	}
}

func TestHelpToggles(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("?"))
	if !strings.Contains(view(m), "Keys: Outline") || !strings.Contains(view(m), "open") {
		t.Fatalf("full help missing:\n%s", view(m))
	}
	m, _ = send(t, m, press("?"))
	if strings.Contains(view(m), "Keys") {
		t.Fatal("? did not close help")
	}
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("?"))
	if !strings.Contains(view(m), "Keys: Lesson") || !strings.Contains(view(m), "next lesson") {
		t.Fatalf("lesson help missing:\n%s", view(m))
	}
	m, _ = send(t, m, press("q")) // closes the help, not the lesson
	if title(m) != "Lesson" {
		t.Fatalf("q on the help should return to the lesson, got %s", title(m))
	}
}

func TestCtrlCQuitsAnywhere(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	if _, quit := send(t, m, press("ctrl+c")); !quit {
		t.Fatal("ctrl+c did not quit")
	}
}

func ExampleModel_View() {
	m := start(&testing.T{}, nil)
	fmt.Println(strings.Split(view(m), "\n")[0])
	// Output: AWS Lambda triggers and event sources
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func TestLessonActivitiesOpenAndClose(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("G"))
	if v := view(m); !strings.Contains(v, "r lab") || !strings.Contains(v, "f filter lab") {
		t.Fatalf("the lesson's end should offer its lab and filter lab:\n%s", v)
	}
	m, _ = send(t, m, press("r"))
	if title(m) != "Lab" || !strings.Contains(view(m), "sqs-batch on sqs-ok") {
		t.Fatalf("r should open the lab:\n%s", view(m))
	}
	m, _ = send(t, m, press("enter"))
	if !strings.Contains(view(m), "REPORT RequestId") {
		t.Fatalf("enter in the lab should run the handler:\n%s", view(m))
	}
	m, _ = send(t, m, press("q"))
	if title(m) != "Lesson" {
		t.Fatalf("q should return from the lab to the lesson, got %s", title(m))
	}
	m, _ = send(t, m, press("f"))
	if title(m) != "Filter lab" {
		t.Fatalf("f should open the filter lab, got %s", title(m))
	}
	m, _ = send(t, m, press("q"))
	if title(m) != "Lesson" {
		t.Fatalf("q should return from the filter lab, got %s", title(m))
	}
	m, _ = send(t, m, press("x"))
	if title(m) != "Experiment" {
		t.Fatalf("x should open the experiment, got %s", title(m))
	}
	m, _ = send(t, m, press("enter"))
	if v := view(m); !strings.Contains(strings.ToLower(v), "invocations") {
		t.Fatalf("enter in the experiment should run it and show a summary:\n%s", v)
	}
	m, _ = send(t, m, press("q"))
	if title(m) != "Lesson" {
		t.Fatalf("q should return from the experiment, got %s", title(m))
	}
	m, _ = send(t, m, press("n"))
	m, _ = send(t, m, press("r"))
	if title(m) != "Lesson" || !strings.Contains(view(m), "no lab") {
		t.Fatalf("a lesson without a lab should say so:\n%s", view(m))
	}
}

func TestPassingTheQuizMarksTheLessonDone(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("G"))
	if s := m.State().StatusOf("alpha", true); s != progress.InProgress {
		t.Fatalf("read but quiz not passed: %s, want in-progress", s)
	}
	m, _ = send(t, m, press("t"))
	if title(m) != "Quiz" || !strings.Contains(view(m), "Which source is polled?") {
		t.Fatalf("t should open the quiz:\n%s", view(m))
	}
	// Answer each choice in turn until the quiz says we are right.
	missed := false
	for i := 0; i < 3 && !strings.Contains(view(m), "You are right!"); i++ {
		m, _ = send(t, m, press("enter"))
		if strings.Contains(view(m), "You missed! Try again.") {
			missed = true
			m, _ = send(t, m, press("j"))
		}
	}
	if !strings.Contains(view(m), "You are right!") {
		t.Fatalf("never right:\n%s", view(m))
	}
	_ = missed
	m, _ = send(t, m, press("enter")) // on to the summary
	if !m.State().Lesson("alpha").QuizPassed {
		t.Fatalf("finishing the quiz did not mark it passed:\n%s", view(m))
	}
	if s := m.State().StatusOf("alpha", true); s != progress.Done {
		t.Fatalf("status %s, want done", s)
	}
	// That the answer is recorded for review: store_test.go.
	m, _ = send(t, m, press("q"))
	if title(m) != "Lesson" {
		t.Fatalf("q should leave the quiz, got %s", title(m))
	}
}
