package quizzes

import (
	"slices"
	"sort"
)

// Kind is the kind of question an item asks.
type Kind string

// The kinds of item.
const (
	Single    Kind = "single"     // one right choice
	Multi     Kind = "multi"      // one or more right choices, all must be chosen
	TrueFalse Kind = "true-false" // two choices, "True" and "False"
)

func (k Kind) String() string { return string(k) }

// Kinds lists the known kinds, for error messages.
var Kinds = []Kind{Single, Multi, TrueFalse}

// Choice is one answer an item offers.
type Choice struct {
	Text    string `yaml:"text" json:"text"`
	Correct bool   `yaml:"correct" json:"correct"`
	// Why explains the choice: why it is right, or the misconception it tests.
	Why string `yaml:"why" json:"why"`
}

// Item is one question of the bank, facts filled in.
type Item struct {
	ID        string   `yaml:"id" json:"id"`
	Lesson    string   `yaml:"lesson" json:"lesson"`
	Kind      Kind     `yaml:"kind" json:"kind"`
	Prompt    string   `yaml:"prompt" json:"prompt"`
	Choices   []Choice `yaml:"choices" json:"choices"`
	Concepts  []string `yaml:"concepts" json:"concepts"`
	Source    string   `yaml:"source" json:"source"`
	Level     string   `yaml:"level"`
	Objective string   `yaml:"objective"`

	// File, Line and Col locate the item for error messages; LessonLine
	// and LessonCol its lesson field, ObjectiveLine and ObjectiveCol its
	// objective field, which the course checks.
	File          string `yaml:"-" json:"-"`
	Line          int    `yaml:"-" json:"-"`
	Col           int    `yaml:"-" json:"-"`
	LessonLine    int    `yaml:"-" json:"-"`
	LessonCol     int    `yaml:"-" json:"-"`
	ObjectiveLine int    `yaml:"-" json:"-"`
	ObjectiveCol  int    `yaml:"-" json:"-"`
}

// The levels of an item: what it asks of the learner.
const (
	Recall = "recall" // remember a fact or a definition
	Apply  = "apply"  // predict, diagnose or choose, in a scenario
)

// Levels lists the known levels, for error messages.
var Levels = []string{Recall, Apply}

// Correct returns the indices of the right choices.
func (it *Item) Correct() []int {
	var out []int
	for i, c := range it.Choices {
		if c.Correct {
			out = append(out, i)
		}
	}
	return out
}

// Bank is every item of a course, in file order.
type Bank struct {
	Items []*Item
	byID  map[string]*Item
}

// NewBank builds a bank from items; a later duplicate ID is dropped (the
// loader reports it).
func NewBank(items []*Item) *Bank {
	b := &Bank{byID: map[string]*Item{}}
	for _, it := range items {
		if _, dup := b.byID[it.ID]; dup {
			continue
		}
		b.byID[it.ID] = it
		b.Items = append(b.Items, it)
	}
	return b
}

// Get returns the item with the given ID.
func (b *Bank) Get(id string) (*Item, bool) {
	if b == nil {
		return nil, false
	}
	it, ok := b.byID[id]
	return it, ok
}

// Len is the number of items.
func (b *Bank) Len() int {
	if b == nil {
		return 0
	}
	return len(b.Items)
}

// ForLesson returns a lesson's items in file order: the lesson's quiz.
func (b *Bank) ForLesson(lesson string) []*Item {
	if b == nil {
		return nil
	}
	var out []*Item
	for _, it := range b.Items {
		if it.Lesson == lesson {
			out = append(out, it)
		}
	}
	return out
}

// IDs returns every item ID, sorted.
func (b *Bank) IDs() []string {
	if b == nil {
		return nil
	}
	out := make([]string, 0, len(b.Items))
	for _, it := range b.Items {
		out = append(out, it.ID)
	}
	sort.Strings(out)
	return out
}

// Lessons returns the IDs of the lessons that have items, sorted.
func (b *Bank) Lessons() []string {
	if b == nil {
		return nil
	}
	var out []string
	for _, it := range b.Items {
		if !slices.Contains(out, it.Lesson) {
			out = append(out, it.Lesson)
		}
	}
	sort.Strings(out)
	return out
}
