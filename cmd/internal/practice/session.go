// Package practice runs quiz practice outside the course: the line-by-line
// protocol of `tutor quiz --plain` (for scripts and screen readers), the
// review state file, and the quiz figures `tutor progress` shows.
//
// The line protocol is a contract other tools read; see Run.
package practice

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tutor-dev/tutor/quizzes"
)

// Lines the protocol prints, exactly.
const (
	RightLine  = "You are right!"
	MissedLine = "You missed! Try again."
)

// Options configure a line-mode session.
type Options struct {
	Items     []*quizzes.Item
	Seed      uint64 // fixes the choice order
	Review    *quizzes.Review
	Scheduler quizzes.Scheduler
	Now       func() time.Time
	// Save is called after every answer that changed the review state.
	Save func(*quizzes.Review) error
	// Echo writes each input line back, for input that is not a terminal
	// (so a transcript reads "Answer: 2" and feedback starts a new line).
	Echo bool
}

// ItemResult is how one item went.
type ItemResult struct {
	ID              string `json:"id"`
	Attempts        int    `json:"attempts"`
	CorrectFirstTry bool   `json:"correct_first_try"`
	Skipped         bool   `json:"skipped"`
}

// Result is how a session went: the shape of `tutor quiz --json`.
type Result struct {
	Answered        int          `json:"answered"`
	CorrectFirstTry int          `json:"correct_first_try"`
	Items           []ItemResult `json:"items"`
}

// ScoreLine is the summary a session ends with.
func (r Result) ScoreLine() string {
	return fmt.Sprintf("Score: %d/%d right on the first try", r.CorrectFirstTry, r.Answered)
}

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
// graded or skipped.
func Run(opts Options, in io.Reader, out io.Writer) (Result, error) {
	res := Result{Items: []ItemResult{}}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Review == nil {
		opts.Review = quizzes.NewReview()
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	p := &printer{w: out}
	n := len(opts.Items)
	var saveErr error

	record := func(it *quizzes.Item, right bool) {
		opts.Review.Answer(it.ID, right, opts.Now(), opts.Scheduler)
		if opts.Save != nil && saveErr == nil {
			saveErr = opts.Save(opts.Review)
		}
	}

items:
	for i, it := range opts.Items {
		order := it.Order(opts.Seed)
		if i > 0 {
			p.line("")
		}
		p.line(fmt.Sprintf("Question %d of %d [%s]", i+1, n, it.ID))
		p.line(it.Prompt)
		if it.Kind == quizzes.Multi {
			p.line("(Choose all that apply: numbers separated by commas.)")
		}
		for k, ci := range order {
			p.line(fmt.Sprintf("  %d) %s", k+1, it.Choices[ci].Text))
		}
		var r *ItemResult
		for {
			p.text("Answer: ")
			if !sc.Scan() {
				p.line("")
				break items
			}
			raw := sc.Text()
			if opts.Echo {
				p.line(raw)
			}
			input := strings.TrimSpace(raw)
			if input == "" {
				if r == nil {
					res.Items = append(res.Items, ItemResult{ID: it.ID})
					r = &res.Items[len(res.Items)-1]
					record(it, false)
				}
				r.Skipped = true
				p.line("Skipped. The right answer:")
				for k, ci := range order {
					if it.Choices[ci].Correct {
						p.line(fmt.Sprintf("  %d) %s", k+1, it.Choices[ci].Text))
						p.line("     " + it.Choices[ci].Why)
					}
				}
				break
			}
			picked, err := ParseAnswer(input, len(order), it.Kind == quizzes.Multi)
			if err != nil {
				p.line(err.Error())
				continue
			}
			chosen := make([]int, len(picked))
			for j, k := range picked {
				chosen[j] = order[k]
			}
			v := it.Grade(chosen)
			if r == nil {
				res.Items = append(res.Items, ItemResult{ID: it.ID, CorrectFirstTry: v.Correct})
				r = &res.Items[len(res.Items)-1]
				record(it, v.Correct)
			}
			r.Attempts++
			if v.Correct {
				p.line(RightLine)
				for k, ci := range order {
					if it.Choices[ci].Correct {
						p.why(it, k, ci)
					}
				}
				break
			}
			p.line(MissedLine)
			for k, ci := range order {
				if contains(v.Wrong, ci) {
					p.why(it, k, ci)
				}
			}
			if len(v.Wrong) == 0 && len(v.Missing) > 0 {
				p.line("Those are right, but not all the right choices: pick every one that applies.")
			}
		}
	}
	for _, r := range res.Items {
		res.Answered++
		if r.CorrectFirstTry {
			res.CorrectFirstTry++
		}
	}
	p.line("")
	p.line(res.ScoreLine())
	if p.err != nil {
		return res, p.err
	}
	return res, saveErr
}

// ParseAnswer reads an answer: a number from 1 to n, or for a multi item
// numbers separated by commas or spaces. It returns 0-based positions, or
// an error that says what a valid answer looks like.
func ParseAnswer(input string, n int, multi bool) ([]int, error) {
	fields := strings.FieldsFunc(input, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if !multi && len(fields) > 1 {
		return nil, fmt.Errorf("This question has one answer: type a single number from 1 to %d.", n)
	}
	var out []int
	for _, f := range fields {
		k, err := strconv.Atoi(f)
		if err != nil || k < 1 || k > n {
			if multi {
				return nil, fmt.Errorf("%q is not a choice: type numbers from 1 to %d separated by commas (such as 1,3), or an empty line to skip.", f, n)
			}
			return nil, fmt.Errorf("%q is not a choice: type a number from 1 to %d, or an empty line to skip.", f, n)
		}
		if !contains(out, k-1) {
			out = append(out, k-1)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("Type a number from 1 to %d, or an empty line to skip.", n)
	}
	return out, nil
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
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
