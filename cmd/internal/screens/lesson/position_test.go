package lesson

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// TestPositionReopensAtTheSameParagraphAtAnotherWidth: a position taken
// with the top line on a paragraph at 120 columns reopens at 50 columns
// with that paragraph's first line on top.
func TestPositionReopensAtTheSameParagraphAtAnotherWidth(t *testing.T) {
	crs, err := course.LoadFS(course.Builtin(), "")
	if err != nil {
		t.Fatal(err)
	}
	l, _ := crs.Lessons.Get("sqs")
	wide, err := render.Markdown(course.Page(l), 100, true)
	if err != nil {
		t.Fatal(err)
	}
	narrow, err := render.Markdown(course.Page(l), 48, true)
	if err != nil {
		t.Fatal(err)
	}
	const para = "Event filtering: dropped means deleted"
	lineOf := func(text string) int {
		for i, line := range strings.Split(ansi.Strip(text), "\n") {
			if strings.Contains(line, para) {
				return i
			}
		}
		t.Fatalf("%q not rendered", para)
		return 0
	}
	c := common.New()
	c.Width, c.Height = 100, 30
	m := New(c, l, 0, 1, 0, nil)
	m.SetContent(wide)
	m.vp.SetYOffset(lineOf(wide))
	pos := m.Position()
	if pos <= 0 || pos >= 1 {
		t.Fatalf("position %v", pos)
	}

	// reopened in a narrow window from the saved position
	c.Width = 50
	r := New(c, l, 0, 1, 0, nil)
	r.SetPosition(pos)
	r.SetContent(narrow)
	if got, want := r.vp.YOffset(), lineOf(narrow); got != want {
		t.Errorf("reopened at line %d, the paragraph is at %d", got, want)
	}
	// and a live resize keeps it too
	m.SetCommon(c)
	m.SetContent(narrow)
	if got, want := m.vp.YOffset(), lineOf(narrow); got != want {
		t.Errorf("after a resize at line %d, the paragraph is at %d", got, want)
	}
}
