package filterlab

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
)

func folderCourse(t *testing.T, files map[string]string) *course.Course {
	t.Helper()
	fsys := fstest.MapFS{"lessons/a.md": {Data: []byte("---\nid: a\ntitle: A\nsources: [kinesis]\n---\nHi.\n")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := course.LoadFS(fsys, "dir")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEveryBuiltinLabChecks(t *testing.T) {
	for _, l := range builtinCourse(t).FilterLabs {
		if err := Check(l); err != nil {
			t.Error(err)
		}
	}
}

func TestCheckNamesTheSampleLine(t *testing.T) {
	c := folderCourse(t, map[string]string{"filterlabs/kinesis.yaml": "source: kinesis\npolicy: {data: {a: [1]}}\nsamples:\n" +
		"  - name: good\n    record: {kinesis: {data: eyJhIjogMX0=}}\n  - name: bad\n    record: {kinesis: {data: '!!'}}\n"})
	err := Check(c.FilterLab("kinesis"))
	if err == nil || !strings.Contains(err.Error(), `dir/filterlabs/kinesis.yaml:6: sample "bad": kinesis.data is not base64`) {
		t.Fatalf("%v", err)
	}
}

// The lab reads its facts from the course: a folder's corrected fact shows.
func TestLabUsesTheCoursesFacts(t *testing.T) {
	c := folderCourse(t, map[string]string{"facts/fix.yaml": "- id: filter.esm.kinesis-key\n  value: payload\n  text: t\n  source: https://docs.aws.amazon.com/x\n  checked: 2026-11-26\n"})
	cm := common.New()
	cm.Width, cm.Height = 200, 40
	m, ok := New(cm, c.FilterLab("kinesis"), c.Facts, "A")
	if !ok {
		t.Fatal("no lab")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, `record's "payload" key`) {
		t.Fatalf("the course's fact is not shown:\n%s", v)
	}
}
