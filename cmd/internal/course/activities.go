package course

import (
	"strings"

	"github.com/tutor-dev/tutor/lessons"
)

// The activities a lesson can offer besides its text, by the names the TUI's
// activities table and `tutor lessons --json` use.
const (
	ActivityQuiz       = "quiz"
	ActivityLab        = "lab"
	ActivityExperiment = "experiment"
	ActivityFilter     = "filter"
	ActivityExercise   = "exercise"
)

// HasLab says whether the lesson offers sandbox runs.
func (c *Course) HasLab(lessonID string) bool { return len(c.Labs(lessonID)) > 0 }

// HasExperiment says whether the lesson has an experiment panel.
func (c *Course) HasExperiment(lessonID string) bool { return c.Experiment(lessonID) != nil }

// FilterLabOf is the filter lab of the lesson's first source that has one
// with samples, or nil.
func (c *Course) FilterLabOf(lessonID string) *FilterLab {
	l, ok := c.Lessons.Get(lessonID)
	if !ok {
		return nil
	}
	for _, src := range l.Sources {
		if f := c.FilterLab(src); f != nil && len(f.Samples) > 0 {
			return f
		}
	}
	return nil
}

// HasFilterLab says whether the lesson has a filter lab.
func (c *Course) HasFilterLab(lessonID string) bool { return c.FilterLabOf(lessonID) != nil }

// activityChecks are the activities in the order the TUI lists them.
var activityChecks = []struct {
	name string
	has  func(*Course, string) bool
}{
	{ActivityQuiz, (*Course).HasQuiz},
	{ActivityLab, (*Course).HasLab},
	{ActivityFilter, (*Course).HasFilterLab},
	{ActivityExperiment, (*Course).HasExperiment},
	{ActivityExercise, (*Course).HasExercise},
}

// Activities are the names of the activities lesson id offers, in the
// order the TUI lists them; never nil.
func (c *Course) Activities(lessonID string) []string {
	out := []string{}
	for _, a := range activityChecks {
		if a.has(c, lessonID) {
			out = append(out, a.name)
		}
	}
	return out
}

// Page is the lesson's markdown as the reader shows it: its objectives
// (from the front matter) right after the title heading, then the body.
func Page(l *lessons.Lesson) string {
	if len(l.Objectives) == 0 {
		return l.Body
	}
	var b strings.Builder
	b.WriteString("**In this lesson you will:**\n\n")
	for _, o := range l.Objectives {
		b.WriteString("- " + strings.TrimSpace(o) + "\n")
	}
	b.WriteString("\n")
	body := l.Body
	head, rest, ok := "", body, false
	if strings.HasPrefix(body, "# ") {
		if i := strings.Index(body, "\n"); i >= 0 {
			head, rest, ok = body[:i+1]+"\n", strings.TrimLeft(body[i+1:], "\n"), true
		}
	}
	if !ok {
		return b.String() + body
	}
	return head + b.String() + rest
}
