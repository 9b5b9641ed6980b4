package quizzes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the cueing the linter accepts under `tutor validate --strict`.
const (
	// MaxKeyLongest is the largest share of single-answer items whose key
	// is the strictly longest choice (a test-wise learner picks the
	// longest; by chance it is the key in about one item of four).
	MaxKeyLongest = 0.35
	// MinTrueShare and MaxTrueShare bound the share of true/false items
	// keyed True (a learner who always answers False should not do well).
	MinTrueShare = 0.35
	MaxTrueShare = 0.65
	// DuplicateOverlap is the word overlap (shared words over all words of
	// the two prompts, common words left out) from which two prompts are
	// near-duplicates.
	DuplicateOverlap = 0.4
)

// Figures are what the linter measures in a list of items.
type Figures struct {
	Items int
	// Single counts the single-answer items; KeyLongest those whose key is
	// the strictly longest choice.
	Single     int
	KeyLongest []*Item
	// TrueFalse counts the true/false items; KeyedTrue those keyed True.
	TrueFalse, KeyedTrue int
	// Recall and Apply count the items of each level.
	Recall, Apply int
	// NoLevel and NoObjective are the items without one.
	NoLevel, NoObjective []*Item
	// Duplicates are the pairs of near-duplicate prompts, most alike first.
	Duplicates []Pair
}

// Pair is two items whose prompts share most of their words.
type Pair struct {
	A, B    *Item
	Overlap float64 // 0..1
}

// Measure computes the figures of items.
func Measure(items []*Item) Figures {
	f := Figures{Items: len(items)}
	for _, it := range items {
		switch it.Kind {
		case Single:
			f.Single++
			if KeyIsLongest(it) {
				f.KeyLongest = append(f.KeyLongest, it)
			}
		case TrueFalse:
			f.TrueFalse++
			if keyedTrue(it) {
				f.KeyedTrue++
			}
		}
		switch it.Level {
		case Recall:
			f.Recall++
		case Apply:
			f.Apply++
		default:
			f.NoLevel = append(f.NoLevel, it)
		}
		if it.Objective == "" {
			f.NoObjective = append(f.NoObjective, it)
		}
	}
	f.Duplicates = NearDuplicates(items, DuplicateOverlap)
	return f
}

// KeyLongestShare is the share of single-answer items whose key is the
// strictly longest choice (0 with none).
func (f Figures) KeyLongestShare() float64 { return share(len(f.KeyLongest), f.Single) }

// TrueShare is the share of true/false items keyed True (0 with none).
func (f Figures) TrueShare() float64 { return share(f.KeyedTrue, f.TrueFalse) }

// RecallShare is the share of items of level recall (0 with none).
func (f Figures) RecallShare() float64 { return share(f.Recall, f.Items) }

// KeyLongestOK and TrueShareOK say whether the figures are within the
// limits; a bank with no such items is.
func (f Figures) KeyLongestOK() bool {
	return f.Single == 0 || f.KeyLongestShare() <= MaxKeyLongest+1e-9
}
func (f Figures) TrueShareOK() bool {
	s := f.TrueShare()
	return f.TrueFalse == 0 || (s >= MinTrueShare-1e-9 && s <= MaxTrueShare+1e-9)
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// KeyIsLongest says whether the one right choice of a single-answer item is
// longer (in characters) than every other choice.
func KeyIsLongest(it *Item) bool {
	right := it.Correct()
	if it.Kind != Single || len(right) != 1 || len(it.Choices) < 2 {
		return false
	}
	key := utf8.RuneCountInString(it.Choices[right[0]].Text)
	for i, c := range it.Choices {
		if i != right[0] && utf8.RuneCountInString(c.Text) >= key {
			return false
		}
	}
	return true
}

func keyedTrue(it *Item) bool {
	for _, c := range it.Choices {
		if c.Correct && strings.EqualFold(c.Text, "True") {
			return true
		}
	}
	return false
}

// NearDuplicates returns the pairs of items whose prompts overlap by at
// least min: the words they share over the words of both (Jaccard), common
// words left out. Pairs come most alike first, then in bank order.
func NearDuplicates(items []*Item, min float64) []Pair {
	words := make([]map[string]bool, len(items))
	for i, it := range items {
		words[i] = contentWords(it.Prompt)
	}
	var out []Pair
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			if o := overlap(words[i], words[j]); o >= min {
				out = append(out, Pair{items[i], items[j], o})
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Overlap > out[b].Overlap })
	return out
}

// overlap is |a∩b| / |a∪b|; two empty sets do not overlap.
func overlap(a, b map[string]bool) float64 {
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	all := len(a) + len(b) - both
	if all == 0 {
		return 0
	}
	return float64(both) / float64(all)
}

// contentWords are the words of s, lowercased, without the common ones
// and a plural s.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if stopWords[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		out[w] = true
	}
	return out
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of to in on at by for from with and or but not no is are was were be been
		it its this that these those there what which who when where why how does do did can could would should will
		your you it's than then so if as into about after before each every one two some any all only same other`) {
		m[w] = true
	}
	return m
}()

// WordOverlap is how alike two texts are by their words (0..1), as
// NearDuplicates measures prompts: for "did you mean" suggestions.
func WordOverlap(a, b string) float64 { return overlap(contentWords(a), contentWords(b)) }
