package app

import (
	"context"
	"errors"
	"image/color"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/keys"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/lessons"
)

// probe is a screen that shows its size and the last key it got.
type probe struct {
	common.Asker
	name string
	c    common.Common
	last string
}

func (p probe) Init() tea.Cmd { return nil }
func (p probe) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	p.Asker = common.Asker{}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() == "z" {
			p.Ask(common.CloseMsg{})
			return p, nil
		}
		p.last = k.String()
	}
	return p, nil
}
func (p probe) View() string                            { return p.name + " view, last key " + p.last }
func (p probe) SetCommon(c common.Common) common.Screen { p.c = c; return p }
func (p probe) Title() string                           { return p.name }
func (p probe) ShortHelp() []key.Binding                { return []key.Binding{p.binding()} }
func (p probe) FullHelp() [][]key.Binding               { return [][]key.Binding{{p.binding()}} }
func (p probe) binding() key.Binding {
	return key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "close "+p.name))
}

func TestStackPushPopAndKeysGoToTheTop(t *testing.T) {
	m := start(t, nil)
	m.push(probe{name: "Probe1"})
	m.push(probe{name: "Probe2"})
	m, _ = send(t, m, press("w"))
	if v := view(m); !strings.Contains(v, "Probe2 view, last key w") || !strings.Contains(v, "z close Probe2") {
		t.Fatalf("the top screen and its help line should show:\n%s", v)
	}
	if p := m.stack[1].(probe); p.last != "" {
		t.Fatalf("a key reached the screen under the top: %q", p.last)
	}
	m, _ = send(t, m, press("z"))
	if title(m) != "Probe1" || !strings.Contains(view(m), "z close Probe1") {
		t.Fatalf("close should pop to Probe1, got %s:\n%s", title(m), view(m))
	}
	m, _ = send(t, m, press("z"))
	if title(m) != "Outline" {
		t.Fatalf("close should pop to the outline, got %s", title(m))
	}
	if _, quit := send(t, m, common.CloseMsg{}); !quit {
		t.Fatal("closing the bottom screen should quit")
	}
}

func TestResizeReachesEveryScreen(t *testing.T) {
	m := start(t, nil)
	m, _ = send(t, m, press("enter")) // outline, lesson
	m.push(probe{name: "Probe1"})
	m.push(probe{name: "Probe2"})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 70, Height: 15})
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	for _, i := range []int{2, 3} {
		if c := m.stack[i].(probe).c; c.Width != 70 || c.Height != 14 || c.Styles.Dark {
			t.Errorf("%s has %dx%d dark=%v, want 70x14 light", m.stack[i].Title(), c.Width, c.Height, c.Styles.Dark)
		}
	}
	if l, _ := m.lesson(); l.ContentWidth() != 70 {
		t.Errorf("the lesson under the probes renders at %d, want 70", l.ContentWidth())
	}
}

func TestHelpReflectsTheTopScreen(t *testing.T) {
	m := start(t, nil)
	m.push(probe{name: "Probe"})
	m, _ = send(t, m, press("?"))
	v := view(m)
	if !strings.Contains(v, "Keys: Probe") || !strings.Contains(v, "close Probe") || !strings.Contains(v, "ctrl+c") {
		t.Fatalf("? should list the probe's keys and the global ones:\n%s", v)
	}
	if strings.Contains(v, "next lesson") {
		t.Fatalf("? shows keys of a screen that is not on top:\n%s", v)
	}
	m, _ = send(t, m, press("?"))
	if title(m) != "Probe" {
		t.Fatalf("? again should close the help, got %s", title(m))
	}
}

func TestQuizModeIsAStackWithTheQuizAtTheBottom(t *testing.T) {
	m := New(Options{Quiz: &Quiz{Items: testCourse(t).Quizzes.ForLesson("alpha"), Seed: 7}})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.View().WindowTitle != "tutor quiz" || !strings.Contains(view(m), "Which source is polled?") || !strings.Contains(view(m), "leave quiz") {
		t.Fatalf("tutor quiz frame:\n%s", view(m))
	}
	m, _ = send(t, m, press("?"))
	if !strings.Contains(view(m), "Keys: Quiz") {
		t.Fatalf("? in tutor quiz:\n%s", view(m))
	}
	m, _ = send(t, m, press("q")) // closes the help
	if _, quit := send(t, m, press("q")); !quit {
		t.Fatal("q on the quiz should quit tutor quiz")
	}
}

// tutor quiz --review heads its questions "Review", practice "Practice".
func TestQuizModeTitle(t *testing.T) {
	for _, tc := range []struct{ title, want string }{{"", "Practice · Question 1"}, {"Review", "Review · Question 1"}} {
		m := New(Options{Quiz: &Quiz{Items: testCourse(t).Quizzes.ForLesson("alpha"), Seed: 7, Title: tc.title}})
		m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		if !strings.Contains(view(m), tc.want) {
			t.Errorf("title %q: the frame lacks %q:\n%s", tc.title, tc.want, view(m))
		}
	}
}

func TestQuizModeShowsSaveErrorsOnTheStatusLine(t *testing.T) {
	s, _, err := progress.OpenSQLite(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := progress.NewWriter(&heldStore{Store: s, hold: isAnswer, fail: errors.New("disk full")}, progress.LocalLearner)
	defer w.Close()
	m := New(Options{Quiz: &Quiz{Items: testCourse(t).Quizzes.ForLesson("alpha"), Seed: 7}, Writer: w})
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = send(t, m, press("enter"))
	lines := strings.Split(view(m), "\n")
	if last := lines[len(lines)-1]; last != "could not save: disk full" {
		t.Fatalf("status line: %q", last)
	}
}

// TestREADMEKeys walks the keys the README documents for the course.
func TestREADMEKeys(t *testing.T) {
	m := start(t, nil)
	steps := []struct{ key, want string }{
		{"j", "Outline"}, {"k", "Outline"}, {"enter", "Lesson"}, {"n", "Lesson"}, {"p", "Lesson"},
		{"t", "Quiz"}, {"q", "Lesson"}, {"r", "Lab"}, {"q", "Lesson"}, {"x", "Experiment"}, {"q", "Lesson"},
		{"f", "Filter lab"}, {"q", "Lesson"}, {"?", "Keys"}, {"q", "Lesson"}, {"q", "Outline"},
	}
	for i, s := range steps {
		m, _ = send(t, m, press(s.key))
		if title(m) != s.want {
			t.Fatalf("step %d (%s): on %s, want %s", i, s.key, title(m), s.want)
		}
	}
	if _, quit := send(t, m, press("q")); !quit {
		t.Fatal("q on the outline should quit")
	}
}

// TestAnActivityIsOneTableEntry adds a screen the way a new package would:
// one entry in activities, nothing else in the app.
func TestAnActivityIsOneTableEntry(t *testing.T) {
	saved := activities
	t.Cleanup(func() { activities = saved })
	activities = append(slices.Clone(activities), activity{"probe",
		func(keys.KeyMap) key.Binding { return key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "probe")) },
		func(common.Common, *course.Course, *lessons.Lesson, Env) (common.Screen, bool) {
			return probe{name: "Probe"}, true
		}, nil})
	m := start(t, nil)
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 150, Height: 24}) // room for the whole help line
	m, _ = send(t, m, press("enter"))
	if !strings.Contains(view(m), "y probe") {
		t.Fatalf("the lesson's help line should offer the new activity:\n%s", view(m))
	}
	m, _ = send(t, m, press("y"))
	if title(m) != "Probe" {
		t.Fatalf("y should open the probe, got %s", title(m))
	}
	m, _ = send(t, m, press("z"))
	if title(m) != "Lesson" {
		t.Fatalf("closing the probe should return to the lesson, got %s", title(m))
	}
}
