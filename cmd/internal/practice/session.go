// Package practice runs quiz practice outside the course: the line-by-line
// protocol of `tutor quiz --plain` (for scripts and screen readers) and the
// quiz figures `tutor progress` shows.
//
// The line protocol is a contract other tools read; see Run.
package practice

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/tutor-dev/tutor/quizzes"
)

// Lines the protocol prints, exactly (the words live in package quizzes,
// shared with the TUI).
const (
	RightLine  = quizzes.RightLine
	MissedLine = quizzes.MissedLine
)

// MaxLine is the longest answer line read; a longer one is a read error.
const MaxLine = 1024 * 1024

// Options configure a line-mode session.
type Options struct {
	Items []*quizzes.Item
	Seed  uint64 // fixes the choice order
	Now   func() time.Time
	// Record stores the first answer to an item (right, or missed or
	// skipped) before its feedback is shown. An error ends the session at
	// once: Run returns it, so the learner hears of it at the first failure.
	// picked are the texts of the choices picked (empty for a skip).
	Record func(itemID string, right bool, picked []string, at time.Time) error
	// Echo writes each input line back, for input that is not a terminal
	// (so a transcript reads "Answer: 2" and feedback starts a new line).
	Echo bool
}

// ItemResult is how one item went.
type ItemResult = quizzes.ItemResult

// Result is how a session went: the shape of `tutor quiz --json`.
type Result = quizzes.Result

// Run asks opts.Items one by one, reading answers line by line from in and
// writing questions and feedback to out:
//
//	Question I of N [ITEM-ID]
//	<prompt>
//	  1) <choice>
//	Answer:
//
// A number (or comma-separated numbers for a multi item) answers; an empty
// line skips, showing the right answer (counted as missed); anything else is
// explained and asked again without grading. A wrong answer prints
// "You missed! Try again." and the why of each wrong choice, then asks again;
// a right one prints "You are right!" and the why. End of input ends the
// session with the score line. An item counts as answered once it was
// graded or skipped. A read error (a failing input, a line over MaxLine)
// ends the session with the score line and is returned.
func Run(opts Options, in io.Reader, out io.Writer) (Result, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), MaxLine)
	p := &printer{w: out}
	s := quizzes.NewSession(opts.Items, opts.Seed)
	var runErr error

items:
	for !s.Done() {
		it, order := s.Item(), s.Order()
		if s.Index() > 0 {
			p.line("")
		}
		p.line(fmt.Sprintf("Question %d of %d [%s]", s.Index()+1, s.Len(), it.ID))
		p.line(it.Prompt)
		if it.Kind == quizzes.Multi {
			p.line("(Choose all that apply: numbers separated by commas.)")
		}
		for k, ci := range order {
			p.line(fmt.Sprintf("  %d) %s", k+1, it.Choices[ci].Text))
		}
		for !s.Answered() {
			p.text("Answer: ")
			if !sc.Scan() {
				p.line("")
				if err := sc.Err(); err != nil {
					runErr = readError(err)
				}
				break items
			}
			raw := sc.Text()
			if opts.Echo {
				p.line(raw)
			}
			// The feedback is printed, and the answer counted, only once
			// Record has stored it: a failure leaves it out of the score.
			before := s.Clone()
			fb := s.AnswerLine(raw)
			if fb.First && opts.Record != nil {
				if err := opts.Record(it.ID, fb.FirstRight, fb.PickedTexts(it), opts.Now()); err != nil {
					runErr = err
					s = before
					break items
				}
			}
			p.feedback(it, order, fb)
		}
		s.Next()
	}
	res := s.Result()
	p.line("")
	p.line(res.ScoreLine())
	if runErr != nil {
		return res, runErr
	}
	return res, p.err
}

// feedback prints what an answer earned, in the protocol's words.
func (p *printer) feedback(it *quizzes.Item, order []int, fb quizzes.Feedback) {
	switch fb.Kind {
	case quizzes.Invalid:
		p.line(fb.Message)
	case quizzes.Skipped:
		p.line(quizzes.SkippedLine)
		for k, ci := range order {
			if slices.Contains(fb.Choices, ci) {
				p.line(fmt.Sprintf("  %d) %s", k+1, it.Choices[ci].Text))
				p.line("     " + it.Choices[ci].Why)
			}
		}
	case quizzes.Right, quizzes.Missed:
		p.line(fb.Headline())
		for k, ci := range order {
			if slices.Contains(fb.Choices, ci) {
				p.why(it, k, ci)
			}
		}
		if fb.NotAll {
			p.line(quizzes.NotAllLine)
		}
	}
}

// readError words a failure to read the answers.
func readError(err error) error {
	if errors.Is(err, bufio.ErrTooLong) {
		return fmt.Errorf("reading answers: a line is longer than %d bytes; answers are short lines such as 2 or 1,3", MaxLine)
	}
	return fmt.Errorf("reading answers: %w", err)
}

// ParseAnswer reads an answer: see quizzes.ParseAnswer.
func ParseAnswer(input string, n int, multi bool) ([]int, error) {
	return quizzes.ParseAnswer(input, n, multi)
}

// printer writes lines and keeps the first write error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) text(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s)
	}
}

func (p *printer) line(s string) { p.text(s + "\n") }

// why prints the explanation of choice ci, shown at position k. A single
// answer needs no label; in a multi item each why names its choice.
func (p *printer) why(it *quizzes.Item, k, ci int) {
	if it.Kind == quizzes.Multi {
		p.line(fmt.Sprintf("  %d) %s: %s", k+1, it.Choices[ci].Text, it.Choices[ci].Why))
		return
	}
	p.line(it.Choices[ci].Why)
}
