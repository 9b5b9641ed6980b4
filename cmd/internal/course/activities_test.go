package course

import (
	"slices"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/lessons"
)

func TestActivitiesOfTheBuiltinLessons(t *testing.T) {
	c, err := LoadFS(Builtin(), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Activities("sqs"); !slices.Equal(got, []string{"quiz", "lab", "filter", "experiment", "exercise"}) {
		t.Errorf("sqs: %v", got)
	}
	if got := c.Activities("no-such-lesson"); got == nil || len(got) != 0 {
		t.Errorf("unknown lesson: %#v, want an empty list", got)
	}
}

func TestPagePutsObjectivesUnderTheTitle(t *testing.T) {
	l := &lessons.Lesson{Body: "# Title\n\nFirst paragraph.\n", Objectives: []string{"Do one thing", "Do another"}}
	got := Page(l)
	want := "# Title\n\n**In this lesson you will:**\n\n- Do one thing\n- Do another\n\nFirst paragraph.\n"
	if got != want {
		t.Errorf("Page:\n%q\nwant\n%q", got, want)
	}
	l.Objectives = nil
	if Page(l) != l.Body {
		t.Error("a lesson without objectives is its body")
	}
	l = &lessons.Lesson{Body: "No heading.\n", Objectives: []string{"X"}}
	if !strings.HasPrefix(Page(l), "**In this lesson") {
		t.Errorf("no heading: %q", Page(l))
	}
}
