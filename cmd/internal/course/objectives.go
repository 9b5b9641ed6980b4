package course

import (
	"errors"
	"fmt"
	"slices"

	"github.com/tutor-dev/tutor/lessons"
	"github.com/tutor-dev/tutor/quizzes"
)

func init() { checks = append(checks, checkObjectives) }

// checkObjectives reports quiz items whose objective is not one of their
// lesson's objectives (an item without one is the linter's warning).
func checkObjectives(c *Course) error {
	if c.Lessons == nil || c.Quizzes == nil {
		return nil
	}
	var errs []error
	for _, it := range c.Quizzes.Items {
		if it.Objective == "" {
			continue
		}
		l, ok := c.Lessons.Get(it.Lesson)
		if !ok || slices.Contains(l.Objectives, it.Objective) {
			continue // an unknown lesson is checkQuizLessons' to report
		}
		msg := fmt.Sprintf("%s:%d:%d: item %q: objective %q is not one of lesson %q's objectives", it.File, it.ObjectiveLine, it.ObjectiveCol, it.ID, it.Objective, l.ID)
		if best := closestObjective(l, it.Objective); best != "" {
			msg += fmt.Sprintf("; did you mean %q?", best)
		} else {
			msg += fmt.Sprintf(": copy one exactly from the objectives of %s", l.File)
		}
		errs = append(errs, errors.New(msg))
	}
	return errors.Join(errs...)
}

// closestObjective is the lesson's objective most like text, or "" when
// none shares a word with it.
func closestObjective(l *lessons.Lesson, text string) string {
	best, score := "", 0.0
	for _, o := range l.Objectives {
		if s := quizzes.WordOverlap(o, text); s > score {
			best, score = o, s
		}
	}
	return best
}
