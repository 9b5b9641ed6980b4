package course

import (
	"regexp"
	"slices"
	"testing"
)

// TestLessonsNameTheKeysOfWhatTheyOffer: a lesson that says "press `k`"
// offers k's activity, and every lesson with a lab, filter lab or
// experiment names its key somewhere in its text. The keys are the
// reader's (cmd/internal/keys).
func TestLessonsNameTheKeysOfWhatTheyOffer(t *testing.T) {
	c, err := LoadFS(Builtin(), "")
	if err != nil {
		t.Fatal(err)
	}
	keyOf := map[string]string{ActivityLab: "r", ActivityFilter: "f", ActivityExperiment: "x", ActivityQuiz: "t"}
	press := regexp.MustCompile("[Pp]ress\\s+`(.)`")
	for _, l := range c.Lessons.Lessons {
		offered := c.Activities(l.ID)
		named := map[string]bool{}
		for _, m := range press.FindAllStringSubmatch(l.Body, -1) {
			named[m[1]] = true
		}
		for k := range named {
			if l.ID == "welcome" {
				break // it teaches the reader's own keys (n, q)
			}
			ok := false
			for _, a := range offered {
				ok = ok || keyOf[a] == k
			}
			if !ok {
				t.Errorf("%s says press `%s`, but offers only %v", l.ID, k, offered)
			}
		}
		for _, a := range []string{ActivityLab, ActivityFilter, ActivityExperiment} {
			if slices.Contains(offered, a) && !named[keyOf[a]] && l.ID != "welcome" {
				t.Errorf("%s offers its %s but never says press `%s`", l.ID, a, keyOf[a])
			}
		}
	}
	for _, id := range []string{"event-sources", "concurrency", "best-practices"} {
		if !c.HasExperiment(id) {
			t.Errorf("%s has no experiment", id)
		}
	}
}
