package quizzes

import (
	"fmt"
	"slices"
)

// The words every quiz front end shows, the same in line mode and in the
// TUI (line mode prints them exactly: README, "Line mode, exactly").
const (
	RightLine   = "You are right!"
	MissedLine  = "You missed! Try again."
	SkippedLine = "Skipped. The right answer:"
	NotAllLine  = "Those are right, but not all the right choices: pick every one that applies."
)

// ScoreLine is the summary a session ends with.
func ScoreLine(right, answered int) string {
	return fmt.Sprintf("Score: %d/%d right on the first try", right, answered)
}

// ItemResult is how one item of a session went.
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

// ScoreLine is the summary line of r.
func (r Result) ScoreLine() string { return ScoreLine(r.CorrectFirstTry, r.Answered) }

// FeedbackKind is what an answer earned.
type FeedbackKind int

// The kinds of feedback.
const (
	NoFeedback FeedbackKind = iota
	Right                   // right: go on
	Missed                  // wrong, or not every right choice: try again
	Skipped                 // skipped: the right answer is shown, counted as missed
	Invalid                 // not an answer: ask again, ungraded
)

func (k FeedbackKind) String() string {
	return [...]string{"none", "right", "missed", "skipped", "invalid"}[k]
}

// Feedback is the typed result of one answer. Front ends word it with the
// constants above and format the whys of Choices their own way.
type Feedback struct {
	Kind FeedbackKind
	// Choices are indexes into the item's Choices whose why to show: the
	// right ones (Right, Skipped) or the wrong ones picked (Missed).
	Choices []int
	// NotAll: a Missed answer that picked only right choices, not all.
	NotAll bool
	// Message says what a valid answer looks like (Invalid).
	Message string
	// First is set on the item's first graded (or skipped) answer of the
	// session, the one the review schedule records; FirstRight is then
	// whether it was right.
	First, FirstRight bool
	// Picked are the indexes into the item's Choices of the choices the
	// answer picked (a graded answer; nil for a skip or an invalid one).
	Picked []int
}

// Headline is the feedback's first line ("" for none or invalid).
func (f Feedback) Headline() string {
	switch f.Kind {
	case Right:
		return RightLine
	case Missed:
		return MissedLine
	case Skipped:
		return SkippedLine
	}
	return ""
}

// PickedTexts are the texts of the choices the answer picked, in the
// item's order (what a store keeps: display positions are shuffled per
// session); empty for a skip.
func (f Feedback) PickedTexts(it *Item) []string {
	out := []string{}
	for _, ci := range slices.Sorted(slices.Values(f.Picked)) {
		if ci >= 0 && ci < len(it.Choices) {
			out = append(out, it.Choices[ci].Text)
		}
	}
	return out
}
