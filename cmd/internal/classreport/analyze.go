// Package classreport is the item analysis of a class: from what a store
// holds (its learners and the log of their answers) it computes, per
// learner, their progress and first-try accuracy, and per item, how often it
// was answered, its p-value (share right on the first try), its
// discrimination (point-biserial correlation with the rest of the test) and
// how often each choice was picked first; and it writes that as a table,
// CSV or JSON.
//
// It is plain data in, plain data out: it knows nothing of the database
// (any store that fills an Input plugs in: the learner's SQLite file today,
// the class store later) nor of terminals.
package classreport

import (
	"math"
	"slices"
	"time"
)

// Learner is what a store knows of one learner beyond their answers.
type Learner struct {
	ID              string // the store's key (a key fingerprint on a class server)
	Name            string // display name; "" when the store has none
	LessonsDone     int
	CurrentLesson   string // the lesson to reopen; "" for none
	ExercisesPassed int
	LastSeen        time.Time // the latest thing they did; zero for never
}

// Answer is one logged answer: a session's first answer to an item.
type Answer struct {
	Learner, Item string
	Right         bool
	// Picked are the texts of the choices picked: empty for a skip, nil
	// where the store did not record them (answers logged before it did).
	Picked []string
	At     time.Time
}

// Item names an item's choices, in the item's own order, so that a choice
// nobody picked is reported with 0.
type Item struct {
	ID      string
	Choices []string
}

// Input is everything the analysis reads.
type Input struct {
	Learners []Learner
	Answers  []Answer
	// Items in course order (optional): items answered but not listed come
	// after them, by ID.
	Items []Item
}

// Report is the analysis: the shape of `tutor class report --format json`.
type Report struct {
	Learners []LearnerRow `json:"learners"`
	Items    []ItemRow    `json:"items"`
}

// LearnerRow is one learner's line of the report.
type LearnerRow struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	LessonsDone   int    `json:"lessons_done"`
	CurrentLesson string `json:"current_lesson"`
	// FirstTryAccuracy is the share of the items they answered that they
	// got right on their first try ever (0 to 1); null when they answered
	// none. ItemsAnswered is how many items that is.
	FirstTryAccuracy *float64   `json:"first_try_accuracy"`
	ItemsAnswered    int        `json:"items_answered"`
	ExercisesPassed  int        `json:"exercises_passed"`
	LastSeen         *time.Time `json:"last_seen"`
}

// ItemRow is one item's line of the report.
type ItemRow struct {
	ID string `json:"id"`
	// Answered counts every logged answer (a learner's first answer of
	// each session); Learners counts the learners who answered it, each
	// once: the first tries the statistics below are taken over.
	Answered int `json:"answered"`
	Learners int `json:"learners"`
	// PValue is the share of first tries that were right (0 to 1).
	PValue float64 `json:"p_value"`
	// Discrimination is the point-biserial correlation (-1 to 1) of the
	// first-try score on this item with the learner's first-try total over
	// the other items; null when either does not vary (or fewer than two
	// learners answered).
	Discrimination *float64 `json:"discrimination"`
	// Skipped counts first tries that were skips.
	Skipped int `json:"skipped"`
	// Choices count how many first tries picked each choice (a multi item
	// picks several): the item's choices in its order, then any other text
	// picked (a choice since reworded). First tries whose picks were not
	// recorded count in none.
	Choices []ChoiceCount `json:"choices"`
}

// ChoiceCount is how often one choice was picked on a first try.
type ChoiceCount struct {
	Text  string `json:"text"`
	Picks int    `json:"picks"`
}

// firstTry is a learner's first answer ever to an item.
type firstTry struct {
	right  bool
	picked []string
	at     time.Time
}

// Analyze computes the report. Learners are sorted by ID; items follow
// in.Items, then by ID; only items answered at least once are listed.
func Analyze(in Input) Report {
	first := map[string]map[string]firstTry{} // item -> learner -> first try
	answered := map[string]int{}
	learners := map[string]*Learner{}
	for i := range in.Learners {
		l := in.Learners[i]
		learners[l.ID] = &l
	}
	for _, a := range in.Answers {
		answered[a.Item]++
		if learners[a.Learner] == nil {
			learners[a.Learner] = &Learner{ID: a.Learner}
		}
		if l := learners[a.Learner]; a.At.After(l.LastSeen) {
			l.LastSeen = a.At
		}
		m := first[a.Item]
		if m == nil {
			m = map[string]firstTry{}
			first[a.Item] = m
		}
		if f, ok := m[a.Learner]; !ok || a.At.Before(f.at) {
			m[a.Learner] = firstTry{a.Right, a.Picked, a.At}
		}
	}
	// total[l] is learner l's number of items right on the first try.
	total, tried := map[string]int{}, map[string]int{}
	for _, m := range first {
		for l, f := range m {
			tried[l]++
			if f.right {
				total[l]++
			}
		}
	}
	rep := Report{Learners: []LearnerRow{}, Items: []ItemRow{}}
	for _, id := range sortedKeys(learners) {
		l := learners[id]
		row := LearnerRow{ID: l.ID, Name: l.Name, LessonsDone: l.LessonsDone, CurrentLesson: l.CurrentLesson,
			ItemsAnswered: tried[id], ExercisesPassed: l.ExercisesPassed}
		if n := tried[id]; n > 0 {
			row.FirstTryAccuracy = ptr(float64(total[id]) / float64(n))
		}
		if !l.LastSeen.IsZero() {
			row.LastSeen = ptr(l.LastSeen.UTC())
		}
		rep.Learners = append(rep.Learners, row)
	}
	choices := map[string][]string{}
	var order []string
	for _, it := range in.Items {
		if _, dup := choices[it.ID]; !dup && first[it.ID] != nil {
			order = append(order, it.ID)
		}
		choices[it.ID] = it.Choices
	}
	for _, id := range sortedKeys(first) {
		if _, listed := choices[id]; !listed {
			order = append(order, id)
		}
	}
	for _, id := range order {
		rep.Items = append(rep.Items, itemRow(id, answered[id], first[id], total, choices[id]))
	}
	return rep
}

func itemRow(id string, answered int, first map[string]firstTry, total map[string]int, known []string) ItemRow {
	row := ItemRow{ID: id, Answered: answered, Learners: len(first)}
	var x, y []float64
	picks := map[string]int{}
	for _, l := range sortedKeys(first) {
		f := first[l]
		score := 0.0
		if f.right {
			score = 1
			row.PValue++
		}
		rest := total[l] - int(score)
		x, y = append(x, score), append(y, float64(rest))
		if f.picked != nil && len(f.picked) == 0 {
			row.Skipped++
		}
		for _, t := range f.picked {
			picks[t]++
		}
	}
	row.PValue /= float64(len(first))
	row.Discrimination = PointBiserial(x, y)
	row.Choices = []ChoiceCount{}
	seen := map[string]bool{}
	for _, t := range known {
		if !seen[t] {
			seen[t] = true
			row.Choices = append(row.Choices, ChoiceCount{t, picks[t]})
			delete(picks, t)
		}
	}
	for _, t := range sortedKeys(picks) {
		row.Choices = append(row.Choices, ChoiceCount{t, picks[t]})
	}
	return row
}

// PointBiserial is the Pearson correlation of the 0/1 scores x with the
// totals y (population moments): (M1 - M0) / s_y * sqrt(p*q), where M1 and
// M0 are the mean totals of those who scored 1 and 0, s_y the standard
// deviation of the totals and p the share who scored 1. It is nil when
// there are fewer than two pairs or either side has no variance, where
// the correlation is undefined.
func PointBiserial(x, y []float64) *float64 {
	n := len(x)
	if n < 2 || len(y) != n {
		return nil
	}
	var mx, my float64
	for i := range n {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/float64(n), my/float64(n)
	var sxy, sxx, syy float64
	for i := range n {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	const eps = 1e-12
	if sxx < eps || syy < eps {
		return nil
	}
	r := sxy / math.Sqrt(sxx*syy)
	return ptr(max(-1, min(1, r)))
}

func ptr[T any](v T) *T { return &v }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
