package experiment

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/course"
)

func folderCourse(t *testing.T, files map[string]string) *course.Course {
	t.Helper()
	fsys := fstest.MapFS{"lessons/a.md": {Data: []byte("---\nid: a\ntitle: A\nsources: [sqs]\n---\nHi.\n")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := course.LoadFS(fsys, "dir")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEveryBuiltinExperimentChecks(t *testing.T) {
	for _, src := range sources {
		if err := Check(experimentOf(t, src)); err != nil {
			t.Error(err)
		}
	}
}

func TestCheckNamesUnknownAndUnusableKnobs(t *testing.T) {
	c := folderCourse(t, map[string]string{"experiments/sqs.yaml": "question: Q?\nknobs:\n  - batch_size\n  - batch size\n  - handler on poison\n" +
		"scenario:\n  source: sqs\n  handler: sqs-partial\n  records: [{id: m1, body: x}]\n"})
	err := Check(c.ExperimentFor("sqs"))
	for _, want := range []string{`dir/experiments/sqs.yaml:4: knob "batch size": the sqs panel has no such setting`, `dir/experiments/sqs.yaml:5: knob "handler on poison" changes the scenario's first behaviour rule, and the scenario has none`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

// The panel is the course's: its question, knobs and preset.
func TestPanelShowsTheCoursesExperiment(t *testing.T) {
	c := folderCourse(t, map[string]string{"experiments/sqs.yaml": "question: How many batches for seven messages?\nknobs: [batch_size, dead_letter_queue]\n" +
		"scenario:\n  source: sqs\n  mapping: {batch_size: 2}\n  records: [{id: m1, body: a}, {id: m2, body: b}, {id: m3, body: c}]\n"})
	m := New(sized(100, 29), c.Experiment("a"), "sqs", "A")
	if got := strings.Join(knobNames(m), ","); got != "batch_size,dead_letter_queue" {
		t.Fatalf("knobs %s", got)
	}
	m = do(m, enter)
	if v := view(m); !strings.Contains(v, "How many batches for seven messages?") || !strings.Contains(v, "invocations 2") {
		t.Fatalf("the folder's preset runs:\n%s", v)
	}
}

// An experiment without a scripted handler still opens; the knobs that
// change the handler are not offered (they used to panic on a nil rule).
func TestPresetWithoutBehaviourOpens(t *testing.T) {
	for _, src := range sources {
		names := KnobNames(src)
		c := folderCourse(t, map[string]string{"experiments/x.yaml": "question: Q?\nknobs: [" + strings.Join(names, ", ") + "]\n" +
			"scenario:\n  source: " + src + "\n"})
		e := c.ExperimentFor(source.Source(src))
		m := New(sized(100, 29), e, src, "A")
		for _, k := range m.knobs {
			if ruleKnobs[k.name] {
				t.Errorf("%s: %q offered without a behaviour rule", src, k.name)
			}
		}
		if err := Check(e); err == nil && len(m.knobs) < len(names) {
			t.Errorf("%s: Check does not report the knobs left out", src)
		}
	}
}
