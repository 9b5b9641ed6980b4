package app

import (
	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/screens/closing"
)

// closingScreen is the screen past the last lesson: what was done, the
// first-try quiz score, what to review and where to go next.
func (m Model) closingScreen() common.Screen {
	var sum closing.Summary
	for _, l := range m.opts.Course.Lessons.Lessons {
		sum.Total++
		st := m.opts.State.Lessons[l.ID]
		hasQuiz := m.opts.Course.HasQuiz(l.ID)
		needs := ""
		switch {
		case st == nil || !st.Opened:
			needs = "not opened yet"
		case !st.Read && hasQuiz && !st.QuizPassed:
			needs = "read it to the end and pass its quiz (t)"
		case !st.Read:
			needs = "read it to the end"
		case hasQuiz && !st.QuizPassed:
			needs = "pass its quiz (t)"
		}
		if needs == "" {
			sum.Done++
			continue
		}
		sum.Review = append(sum.Review, closing.Review{ID: l.ID, Title: l.Title, Needs: needs})
	}
	if m.opts.QuizStats != nil {
		if q, err := m.opts.QuizStats(); err == nil {
			sum.Quiz = &closing.Quiz{Items: q.Items, Seen: q.Seen, Answers: q.Answers, FirstTryRight: q.FirstTryRight, Due: q.Due}
		}
	}
	return common.Adapt(closing.New(m.screenCommon(), sum), "The end")
}
