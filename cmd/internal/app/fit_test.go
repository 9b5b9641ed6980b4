package app

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/screens/filterlab"
	"github.com/tutor-dev/tutor/cmd/internal/screens/keyhelp"
)

// fitSizes are the window sizes every screen must fit in.
var fitSizes = [][2]int{{40, 10}, {60, 20}, {80, 24}, {81, 24}, {83, 24}, {200, 60}}

// overflow says how text exceeds w×h: a line too wide or too many lines.
func overflow(text string, w, h int) string {
	lines := strings.Split(text, "\n")
	if len(lines) > h {
		return fmt.Sprintf("%d lines, room for %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			return fmt.Sprintf("line %d is %d wide, room for %d: %q", i+1, n, w, ansi.Strip(l))
		}
	}
	return ""
}

// screensOf opens each screen the app has, from a fresh start, and returns
// the app with that screen on top, by name.
func screensOf(t *testing.T) map[string]Model {
	t.Helper()
	out := map[string]Model{}
	m := start(t, nil)
	out["outline"] = m
	m, _ = send(t, m, press("?"))
	out["outline help"] = m
	m, _ = send(t, m, press("?"))
	m, _ = send(t, m, press("enter"))
	m, _ = send(t, m, press("G")) // the end: the footer lists the activities
	out["lesson"] = m
	for _, k := range []struct{ key, name string }{{"r", "lab"}, {"f", "filter lab"}, {"x", "experiment"}, {"t", "quiz"}} {
		a, _ := send(t, m, press(k.key))
		out[k.name] = a
		a, _ = send(t, a, press("?"))
		out[k.name+" help"] = a
	}
	run, _ := send(t, out["experiment"], press("enter"))
	out["experiment after a run"] = run
	res, _ := send(t, out["lab"], press("enter"))
	res, _ = send(t, res, press("tab"))
	res, _ = send(t, res, press("tab"))
	out["lab result"] = res
	out["lesson help"], _ = send(t, m, press("?"))
	ex := exerciseApp(t, nil)
	ex, _ = send(t, ex, press("enter"))
	ex, _ = send(t, ex, press("w"))
	out["exercise"] = ex
	out["exercise help"], _ = send(t, ex, press("?"))
	last, _ := send(t, m, press("n")) // beta, the last lesson
	out["closing"], _ = send(t, last, press("n"))
	out["closing help"], _ = send(t, out["closing"], press("?"))
	q := New(Options{Quiz: &Quiz{Items: testCourse(t).Quizzes.ForLesson("alpha"), Seed: 7}})
	out["tutor quiz"] = q
	out["tutor quiz help"], _ = send(t, q, press("?"))
	return out
}

// TestEveryScreenFitsItsWindow draws every screen at each size and checks
// that the screen's own View fits the room it is given (the window less
// the help line) and that the whole frame is exactly the window.
func TestEveryScreenFitsItsWindow(t *testing.T) {
	for name, m := range screensOf(t) {
		for _, sz := range fitSizes {
			w, h := sz[0], sz[1]
			m, _ := send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
			if got := overflow(m.top().View(), w, h-1); got != "" {
				t.Errorf("%s at %dx%d: the screen draws %s", name, w, h, got)
			}
			frame := m.View().Content
			if got := overflow(frame, w, h); got != "" {
				t.Errorf("%s at %dx%d: the frame is %s", name, w, h, got)
			}
			if n := strings.Count(frame, "\n") + 1; n != h {
				t.Errorf("%s at %dx%d: the frame has %d lines", name, w, h, n)
			}
		}
	}
}

// TestTooSmallMessageFits checks the message that asks for a larger window.
func TestTooSmallMessageFits(t *testing.T) {
	m := start(t, nil)
	for _, sz := range [][2]int{{39, 9}, {39, 24}, {80, 9}, {20, 5}, {12, 3}} {
		w, h := sz[0], sz[1]
		m, _ := send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		v := m.View().Content
		if !strings.Contains(ansi.Strip(v), "Make") {
			t.Errorf("%dx%d: no request for a larger window:\n%s", w, h, ansi.Strip(v))
		}
		if got := overflow(v, w, h); got != "" {
			t.Errorf("%dx%d: the message is %s", w, h, got)
		}
	}
}

// TestFilterLabHelpHasItsKeys is the defect the hand-written help had: the
// filter lab's e (edit the policy) and tab (SNS scope) were not in it.
func TestFilterLabHelpHasItsKeys(t *testing.T) {
	c := common.New()
	c.Width, c.Height = 80, 23
	crs, err := builtinCourse()
	if err != nil {
		t.Fatal(err)
	}
	f, ok := filterlab.New(c, crs.FilterLab("sns"), crs.Facts, "SNS")
	if !ok {
		t.Fatal("no SNS filter lab")
	}
	h := keyhelp.New(c, common.Adapt(f, "Filter lab"), nil, "").View()
	for _, want := range []string{"edit the policy", "tab", "scope"} {
		if !strings.Contains(ansi.Strip(h), want) {
			t.Errorf("the filter lab's help lacks %q:\n%s", want, ansi.Strip(h))
		}
	}
}

// TestHelpBindingsAreRealKeys: every key the help lists is a key the
// screen's Update matches, not a label such as "↑/↓".
func TestHelpBindingsAreRealKeys(t *testing.T) {
	for name, m := range screensOf(t) {
		for _, group := range m.top().FullHelp() {
			for _, b := range group {
				if !b.Enabled() {
					continue
				}
				for _, k := range b.Keys() {
					if strings.ContainsAny(k, "↑↓←→/") || k == "" {
						t.Errorf("%s: binding %q has the key %q", name, b.Help().Desc, k)
					}
				}
			}
		}
	}
}
