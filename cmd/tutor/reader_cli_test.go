package main

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestBinaryLessonsJSONSaysWhatEachLessonIsFor: objectives, summary and
// activities are in `tutor lessons --json`, and the old fields stay.
func TestBinaryLessonsJSONSaysWhatEachLessonIsFor(t *testing.T) {
	out, errOut, code := tutor(t, "", "lessons", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]any{}
	for _, r := range rows {
		for _, k := range []string{"id", "title", "order", "sources", "status", "objectives", "summary", "activities"} {
			if _, ok := r[k]; !ok {
				t.Errorf("%v: no %q", r["id"], k)
			}
		}
		byID[r["id"].(string)] = r
	}
	acts := func(id string) []string {
		var out []string
		for _, a := range byID[id]["activities"].([]any) {
			out = append(out, a.(string))
		}
		return out
	}
	if got := acts("sqs"); !slices.Equal(got, []string{"quiz", "lab", "filter", "experiment", "exercise"}) {
		t.Errorf("sqs activities = %v", got)
	}
	if obj := byID["sqs"]["objectives"].([]any); len(obj) == 0 {
		t.Error("sqs has no objectives")
	}
	if s, _ := byID["sqs"]["summary"].(string); s == "" {
		t.Error("sqs has no summary")
	}
	text, _, _ := tutor(t, "", "read", "sqs")
	if i := strings.Index(text, "In this lesson you will"); i < 0 || i > 400 {
		t.Errorf("tutor read sqs does not open with the objectives (at %d):\n%.600s", i, text)
	}
}

// TestBinarySandboxExamples: the shipped examples are listed in 80
// columns and as JSON, and one runs by name from any directory.
func TestBinarySandboxExamples(t *testing.T) {
	out, errOut, code := tutor(t, "", "sandbox", "examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("%d columns: %q", n, l)
		}
	}
	if !strings.Contains(out, "sqs-poison-partial") {
		t.Errorf("no sqs-poison-partial:\n%s", out)
	}
	js, _, _ := tutor(t, "", "sandbox", "examples", "--json")
	var ex []struct{ Name, Source, Description string }
	if err := json.Unmarshal([]byte(js), &ex); err != nil || len(ex) < 20 {
		t.Fatalf("%d examples, %v", len(ex), err)
	}
	for _, e := range ex {
		if e.Name == "" || e.Source == "" || e.Description == "" {
			t.Errorf("incomplete: %+v", e)
		}
	}
	// from a directory that has no scenario files
	cmd := exec.Command(tutorBin, "sandbox", "simulate", "--example", "sqs-poison-partial", "--json")
	cmd.Dir = t.TempDir()
	cmd.Env = tutorEnv("TUTOR_STATE_DIR=" + stateDir(t))
	res, err := cmd.Output()
	if err != nil || !strings.Contains(string(res), `"source": "sqs"`) && !strings.Contains(string(res), `"source":"sqs"`) {
		t.Fatalf("simulate --example: %v\n%.300s", err, res)
	}
	_, errOut, code = tutor(t, "", "sandbox", "simulate", "--example", "sqs-posion-partial")
	if code != 2 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "Did you mean sqs-poison-partial?") {
		t.Errorf("unknown example: exit %d, %q", code, errOut)
	}
}

// TestBinaryCLIHabits: mistakes get one line with a suggestion, exit 2;
// sandbox list fits 80 columns; invoke warns when the event is another
// source's; completion scripts are generated.
func TestBinaryCLIHabits(t *testing.T) {
	oneLine := func(args []string, code int, want string) {
		t.Helper()
		_, errOut, got := tutor(t, "", args...)
		errOut = strings.TrimSpace(errOut)
		if got != code || strings.Contains(errOut, "\n") || !strings.Contains(errOut, want) {
			t.Errorf("tutor %s: exit %d, want %d and one line with %q:\n%s", strings.Join(args, " "), got, code, want, errOut)
		}
	}
	oneLine([]string{"lesons"}, 2, "Did you mean lessons?")
	oneLine([]string{"read", "sq"}, 1, "did you mean sqs?")
	oneLine([]string{"lessons", "--jsn"}, 2, "Did you mean --json? Run 'tutor lessons --help'")
	oneLine([]string{"sandbox", "lst"}, 2, "Did you mean list?")
	oneLine([]string{"--theme", "pink", "lessons"}, 2, "want auto, dark or light")
	oneLine([]string{"sandbox", "invoke", "sqs-partal"}, 1, "did you mean sqs-partial?")

	out, _, _ := tutor(t, "", "sandbox", "list")
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("sandbox list: %d columns: %q", n, l)
		}
	}
	_, errOut, code := tutor(t, "", "sandbox", "invoke", "sqs-partial", "--event", "s3-ok")
	if code != 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "s3 event, but sqs-partial handles sqs events") {
		t.Errorf("invoke on another source's event: exit %d, %q", code, errOut)
	}
	if _, errOut, _ := tutor(t, "", "sandbox", "invoke", "sqs-partial", "--event", "sqs-fail"); errOut != "" {
		t.Errorf("a warning on the handler's own event: %q", errOut)
	}
	if out, _, _ := tutor(t, "", "__complete", "read", "s"); !strings.Contains(out, "sqs\n") {
		t.Errorf("read does not complete lesson IDs:\n%s", out)
	}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		if out, errOut, code := tutor(t, "", "completion", sh); code != 0 || !strings.Contains(out, "tutor") {
			t.Errorf("completion %s: exit %d %s", sh, code, errOut)
		}
	}
}
