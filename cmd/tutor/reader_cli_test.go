package main

import (
	"encoding/json"
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
	if got := acts("sqs"); !slices.Equal(got, []string{"quiz", "lab", "filter", "experiment"}) {
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
