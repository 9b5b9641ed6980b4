package course

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tutor-dev/tutor/quizzes"
)

// QuizLint is what `tutor validate` tells an item writer about a course's
// bank, beyond errors: the cueing figures of quizzes.Measure and the
// lessons' objectives no item assesses.
type QuizLint struct {
	Figures quizzes.Figures
	// Objectives counts the lessons' objectives; Uncovered are those
	// without an item.
	Objectives int
	Uncovered  []Objective
}

// Objective is one objective of a lesson, where its front matter lists it.
type Objective struct {
	Lesson, Text, File string
	Line               int
}

// LintQuizzes measures the course's bank. A course without quiz items has
// nothing to lint (ok is false).
func (c *Course) LintQuizzes() (lint QuizLint, ok bool) {
	if c.Quizzes.Len() == 0 || c.Lessons == nil {
		return QuizLint{}, false
	}
	lint.Figures = quizzes.Measure(c.Quizzes.Items)
	assessed := map[[2]string]bool{}
	for _, it := range c.Quizzes.Items {
		assessed[[2]string{it.Lesson, it.Objective}] = true
	}
	for _, l := range c.Lessons.Lessons {
		var text string // read once, for the lines of uncovered objectives
		for _, o := range l.Objectives {
			lint.Objectives++
			if assessed[[2]string{l.ID, o}] {
				continue
			}
			if text == "" {
				text = c.lessonText(l.File)
			}
			lint.Uncovered = append(lint.Uncovered, Objective{Lesson: l.ID, Text: o, File: l.File, Line: lineOf(text, o)})
		}
	}
	return lint, true
}

// lessonText is a lesson file's text ("" if it cannot be read now).
func (c *Course) lessonText(file string) string {
	var data []byte
	if c.Dir == "" {
		data, _ = fs.ReadFile(Builtin(), file)
	} else {
		data, _ = os.ReadFile(filepath.FromSlash(file))
	}
	return string(data)
}

// lineOf is the line of the front matter's list item that holds text, or 1.
func lineOf(text, s string) int {
	for i, line := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "-") && strings.Contains(t, s) {
			return i + 1
		}
	}
	return 1
}

// Warnings are the lint's lines, "file:line: warning: ...", in bank order:
// items without a level or an objective, near-duplicate prompts, keys that
// are the longest choice (only when there are too many), objectives
// without items.
func (l QuizLint) Warnings() []string {
	f := l.Figures
	var out []string
	at := func(it *quizzes.Item) string { return fmt.Sprintf("%s:%d: warning: item %q", it.File, it.Line, it.ID) }
	noObjective := map[*quizzes.Item]bool{}
	for _, it := range f.NoObjective {
		noObjective[it] = true
	}
	for _, it := range f.NoLevel {
		missing := "no level (recall or apply)"
		if noObjective[it] {
			missing = "no level (recall or apply) and no objective (one of its lesson's objectives, copied exactly)"
			delete(noObjective, it)
		}
		out = append(out, at(it)+": "+missing)
	}
	for _, it := range f.NoObjective {
		if noObjective[it] {
			out = append(out, at(it)+": no objective (one of its lesson's objectives, copied exactly)")
		}
	}
	for _, p := range f.Duplicates {
		out = append(out, fmt.Sprintf("%s and item %q (%s:%d) ask nearly the same (%.0f%% of their prompts' words shared): merge them or make each test something else",
			at(p.A), p.B.ID, p.B.File, p.B.Line, 100*p.Overlap))
	}
	if !f.KeyLongestOK() {
		for _, it := range f.KeyLongest {
			out = append(out, at(it)+": the key is the longest choice, a cue for a learner who guesses: keep the key to the claim (reasons go in its why) or make the other choices as specific")
		}
	}
	for _, o := range l.Uncovered {
		out = append(out, fmt.Sprintf("%s:%d: warning: objective %q of lesson %q has no quiz item", o.File, o.Line, o.Text, o.Lesson))
	}
	return out
}

// Summary is a few lines of figures for the end of the report.
func (l QuizLint) Summary() []string {
	f := l.Figures
	mark := func(ok bool) string {
		if ok {
			return ""
		}
		return "  <- outside the limit"
	}
	return []string{
		fmt.Sprintf("Quiz bank: %d items: %d recall (%.0f%%), %d apply, %d without a level, %d without an objective",
			f.Items, f.Recall, 100*f.RecallShare(), f.Apply, len(f.NoLevel), len(f.NoObjective)),
		fmt.Sprintf("  key is the longest choice: %d of %d single-answer items (%.0f%%; at most %.0f%%)%s",
			len(f.KeyLongest), f.Single, 100*f.KeyLongestShare(), 100*quizzes.MaxKeyLongest, mark(f.KeyLongestOK())),
		fmt.Sprintf("  true/false keyed True: %d of %d (%.0f%%; %.0f-%.0f%%)%s",
			f.KeyedTrue, f.TrueFalse, 100*f.TrueShare(), 100*quizzes.MinTrueShare, 100*quizzes.MaxTrueShare, mark(f.TrueShareOK())),
		fmt.Sprintf("  near-duplicate prompts: %d pair(s); objectives without items: %d of %d%s",
			len(f.Duplicates), len(l.Uncovered), l.Objectives, mark(len(l.Uncovered) == 0)),
	}
}

// StrictFailures are the reasons `tutor validate --strict` fails: the key
// is the longest choice too often, the true/false keys are unbalanced, or
// an objective has no item.
func (l QuizLint) StrictFailures() []string {
	f := l.Figures
	var out []string
	if !f.KeyLongestOK() {
		out = append(out, fmt.Sprintf("the key is the longest choice in %.0f%% of single-answer items (at most %.0f%%)", 100*f.KeyLongestShare(), 100*quizzes.MaxKeyLongest))
	}
	if !f.TrueShareOK() {
		out = append(out, fmt.Sprintf("%.0f%% of true/false items are keyed True (want %.0f-%.0f%%)", 100*f.TrueShare(), 100*quizzes.MinTrueShare, 100*quizzes.MaxTrueShare))
	}
	if n := len(l.Uncovered); n > 0 {
		out = append(out, fmt.Sprintf("%d objective(s) have no quiz item", n))
	}
	return out
}
