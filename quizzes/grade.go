package quizzes

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
)

// Verdict is the result of grading one attempt.
type Verdict struct {
	Correct bool
	// Wrong are the chosen choices that are not right.
	Wrong []int
	// Missing are the right choices that were not chosen (multi only).
	Missing []int
}

// Grade grades the chosen choices (indices into it.Choices, any order,
// duplicates ignored). Single and true-false items are right when the one
// choice is the correct one; a multi item when the set chosen equals the
// set of correct choices.
func (it *Item) Grade(chosen []int) Verdict {
	var v Verdict
	picked := map[int]bool{}
	for _, i := range chosen {
		if i < 0 || i >= len(it.Choices) || picked[i] {
			continue
		}
		picked[i] = true
		if !it.Choices[i].Correct {
			v.Wrong = append(v.Wrong, i)
		}
	}
	for _, i := range it.Correct() {
		if !picked[i] {
			v.Missing = append(v.Missing, i)
		}
	}
	slices.Sort(v.Wrong)
	v.Correct = len(picked) > 0 && len(v.Wrong) == 0 && len(v.Missing) == 0
	if it.Kind != Multi && len(picked) != 1 {
		v.Correct = false
	}
	return v
}

// Order is the order in which to show an item's choices for a given seed:
// Order(seed)[k] is the index in it.Choices of the choice shown at position
// k. The same seed and item ID always give the same order, whatever else is
// asked in the session. True-false items keep True before False.
func (it *Item) Order(seed uint64) []int {
	order := make([]int, len(it.Choices))
	for i := range order {
		order[i] = i
	}
	if it.Kind == TrueFalse {
		slices.SortFunc(order, func(a, b int) int {
			return rankTF(it.Choices[a].Text) - rankTF(it.Choices[b].Text)
		})
		return order
	}
	r := rand.New(rand.NewPCG(seed, hashID(it.ID)))
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	return order
}

func rankTF(text string) int {
	if text == "True" {
		return 0
	}
	return 1
}

func hashID(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}
