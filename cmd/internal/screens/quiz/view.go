package quiz

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/quizzes"
)

// View draws the header, the prompt, the feedback and the choices, or the
// summary, within the screen's size.
func (m Model) View() string {
	w := max(m.common.Width, 20)
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	wrap := func(s string, indent int) string { return ansi.Wrap(s, max(w-indent, 10), "") }
	st := m.common.Styles

	if m.phase() == summary {
		add(m.viewSummary(wrap))
		return clip(lines, m.common.Height, w)
	}
	it := m.item()
	head := fmt.Sprintf("Question %d of %d", m.sess.Index()+1, m.sess.Len())
	if m.sess.Reviewing() {
		head = "Review · " + head
	}
	if m.title != "" {
		head = m.title + " · " + head
	}
	add(st.Title.Render(head) + st.Subtle.Render("  ["+it.ID+"]"))
	add("")
	if m.sess.Reviewing() && m.feedback.kind == quizzes.NoFeedback {
		add(st.Subtle.Render(wrap("Missed on the first try: answer it right to finish (this round does not change your score).", 0)))
	}
	add(wrap(it.Prompt, 0))
	if it.Kind == quizzes.Multi {
		add(st.Subtle.Render("Choose all that apply (space), then enter."))
	}
	add("")

	switch m.feedback.kind {
	case quizzes.Right:
		add(st.Right.Render(quizzes.RightLine))
	case quizzes.Missed:
		add(st.Wrong.Render(quizzes.MissedLine))
	case quizzes.Skipped:
		add(st.Wrong.Render(quizzes.SkippedLine))
	case quizzes.Invalid:
		add(st.InProgress.Render(m.feedback.extra))
	}
	for _, why := range m.feedback.whys {
		add(indent(wrap(why, 2), "  "))
	}
	if m.feedback.extra != "" && m.feedback.kind != quizzes.Invalid {
		add(indent(wrap(m.feedback.extra, 2), "  "))
	}
	if m.note != "" {
		add(st.InProgress.Render(wrap(m.note, 0)))
	}
	if m.failed != "" {
		add(st.Error.Render(wrap(m.failed, 0)))
	}
	saving := m.saving()
	if saving != "" {
		add(st.Subtle.Render(saving))
	}
	if m.feedback.kind != quizzes.NoFeedback || m.note != "" || m.failed != "" || saving != "" {
		add("")
	}

	multi := it.Kind == quizzes.Multi
	ph := m.phase()
	for pos, ci := range m.order {
		c := it.Choices[ci]
		cursor := "  "
		if pos == m.cursor && ph == asking {
			cursor = st.Cursor.Render("› ")
		}
		box := "( )"
		if multi {
			box = "[ ]"
			if m.picked[pos] {
				box = "[x]"
			}
		} else if m.picked[pos] {
			box = "(•)"
		}
		text := fmt.Sprintf("%s %d. %s", box, pos+1, c.Text)
		switch {
		case ph == answered && c.Correct:
			text = st.Right.Render("✓ " + text)
		case m.missed[pos]:
			text = st.Wrong.Render("✗ " + text)
		case pos == m.cursor && ph == asking:
			text = st.Selected.Render("  " + text)
		default:
			text = "  " + text
		}
		add(cursor + indentRest(wrap(text, 4), "    "))
	}
	if ph == answered {
		add("")
		next := "enter: next question"
		if m.sess.Index() == m.sess.Len()-1 {
			next = "enter: see your score"
			if !m.sess.Reviewing() && len(m.sess.ToReview()) > 0 {
				next = "enter: the ones you missed, once more"
			}
		}
		add(st.Subtle.Render(next))
	}
	return clip(lines, m.common.Height, w)
}

func (m Model) viewSummary(wrap func(string, int) string) string {
	st := m.common.Styles
	res := m.sess.Result()
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	title := "Quiz complete"
	if m.title != "" {
		title = m.title + " · " + title
	}
	line(st.Title.Render(title))
	line("")
	line(res.ScoreLine())
	passed := m.lessonID != "" && m.Passed()
	if m.lessonID != "" {
		need := int(math.Ceil(m.sess.Rules().PassMark*float64(len(m.items)) - 1e-9))
		switch {
		case passed && m.statusKnown && m.lessonDone:
			line(st.Right.Render("Quiz passed: the lesson is done."))
		case passed && m.statusKnown:
			line(st.Right.Render("Quiz passed.") + " " + wrap("Read the lesson to the end to finish it.", 13))
		case passed:
			line(st.Right.Render("Quiz passed."))
		default:
			line(wrap(st.InProgress.Render(fmt.Sprintf("Not passed: %d of %d right on the first try are needed. Review the ones below and take the quiz again.", need, res.Answered)), 0))
		}
	}
	if res.CorrectFirstTry < res.Answered {
		line("")
		line("To review:")
		for i, r := range res.Items {
			if r.CorrectFirstTry {
				continue
			}
			note := "missed"
			if r.Skipped {
				note = "skipped"
			}
			prompt := strings.Join(strings.Fields(m.items[i].Prompt), " ")
			line(st.Wrong.Render("✗") + " " + ansi.Truncate(prompt, max(m.common.Width-14, 10), "…") + st.Subtle.Render("  "+note+" · "+r.ID))
		}
		line(st.Subtle.Render("The ones you missed come back first in 'tutor quiz'."))
	}
	line("")
	if passed {
		line(st.Subtle.Render("n: next lesson · enter: close"))
		b.WriteString(st.Right.Render(wrap(PassedLine, 0)))
	} else {
		b.WriteString(st.Subtle.Render("enter: close"))
	}
	return b.String()
}

// clip keeps the view within height lines of width cells. When the view is
// too tall it keeps the header and the bottom, where the choices are.
func clip(lines []string, height, width int) string {
	if height > 1 && len(lines) > height {
		lines = append(lines[:1:1], lines[len(lines)-height+1:]...)
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "…")
	}
	return strings.Join(lines, "\n")
}

func indent(s, pre string) string {
	return pre + strings.ReplaceAll(s, "\n", "\n"+pre)
}

// indentRest indents every line but the first.
func indentRest(s, pre string) string { return strings.ReplaceAll(s, "\n", "\n"+pre) }
