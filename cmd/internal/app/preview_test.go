package app

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/render"
	"github.com/tutor-dev/tutor/lessons"
)

func TestPrefixCutsAtAParagraphOutsideCode(t *testing.T) {
	body := "# T\n\npara one\n\n```go\nfunc f() {\n\n}\n```\n\npara two\n\n" + strings.Repeat("more text\n\n", 40)
	top, ok := prefix(body, 6)
	if !ok || !strings.HasSuffix(top, "```\n\n") {
		t.Fatalf("prefix(6) = %q, %v: want the cut after the code block", top, ok)
	}
	if _, ok := prefix("# Short\n\nOne paragraph.\n", 6); ok {
		t.Error("a lesson shorter than the screen should not be previewed")
	}
}

// A reopened lesson shows its first screen, at the saved position, as soon
// as the top of it is rendered; it is not read at the preview's end, and
// the whole text replaces it keeping the position.
func TestReopenedLessonShowsItsTopBeforeTheWholeIsRendered(t *testing.T) {
	st := progress.New()
	st.Open("alpha", time.Unix(0, 0))
	st.Lesson("alpha").Offset = 10
	crs := testCourse(t)
	var long strings.Builder
	for i := range 60 {
		fmt.Fprintf(&long, "Paragraph %d of the lesson, which goes on for a while.\n\n", i)
	}
	lc, err := lessons.Load(fstest.MapFS{"a.md": {Data: []byte("---\nid: alpha\ntitle: Alpha lesson\norder: 1\n---\n# Alpha\n\n" + long.String())}}, "test", crs.Facts)
	if err != nil {
		t.Fatal(err)
	}
	crs.Lessons = lc
	m := New(Options{Course: crs, State: st, Now: func() time.Time { return time.Unix(0, 0) }})
	tm, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = tm.(Model)
	var quit bool
	msgs := run(cmd, &quit)
	if len(msgs) != 1 {
		t.Fatalf("want only the preview rendered first, got %d messages", len(msgs))
	}
	preview, ok := msgs[0].(previewMsg)
	if !ok {
		t.Fatalf("want a preview first, got %T", msgs[0])
	}
	tm, cmd = m.Update(preview) // shows it and starts rendering the whole
	m = tm.(Model)
	msgs = run(cmd, &quit)
	whole, ok := msgs[0].(render.RenderedMsg)
	if len(msgs) != 1 || !ok {
		t.Fatalf("want the whole rendering after the preview, got %v", msgs)
	}
	if v := view(m); strings.Contains(v, "Rendering") || !strings.Contains(v, "Paragraph 5 of the lesson") {
		t.Fatalf("the preview is not on screen:\n%s", v)
	}
	if lessonOffset(m) != 10 {
		t.Fatalf("preview at offset %d, want the saved 10", lessonOffset(m))
	}
	if l, _ := m.lesson(); l.Loaded() {
		t.Fatal("a preview counts as the whole text")
	}
	m, _ = send(t, m, press("G")) // the end of the preview is not the end of the lesson
	if m.opts.State.Lesson("alpha").Read {
		t.Fatal("reaching the end of the preview marked the lesson read")
	}
	at := lessonOffset(m)
	m, _ = send(t, m, whole)
	if l, _ := m.lesson(); !l.Loaded() || lessonOffset(m) != at {
		t.Fatalf("the whole text: loaded %v at %d, want loaded at %d", l.Loaded(), lessonOffset(m), at)
	}
	m, _ = send(t, m, previewMsg{key: whole.Key, out: "stale", top: "stale"})
	if strings.Contains(view(m), "stale") {
		t.Fatal("a late preview replaced the whole text")
	}
}
