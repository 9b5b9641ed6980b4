package quizzes

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// DefaultCount is how many items a session asks unless told otherwise.
const DefaultCount = 10

// Query says which items a practice session asks.
type Query struct {
	Items   []string // item IDs; asked in this order when no lesson is named
	Lessons []string // lesson IDs
	Count   int      // at most this many items (0 means DefaultCount)
	Seed    uint64
	// Seeded means the learner chose the seed: the selection is then a pure
	// function of the bank, the filters and the seed, so two runs with the
	// same seed ask the same items in the same order whatever was answered
	// in between.
	Seeded bool
	Review bool // only items due for review, soonest due first
	Now    time.Time
}

// Select picks the items of a session. Without a seed given, items due for
// review (the ones missed last time first among them) come first, then items
// never answered, then the rest, each group shuffled by the seed.
func Select(b *Bank, rv *Review, q Query) []*Item {
	count := q.Count
	if count <= 0 {
		count = DefaultCount
	}
	pool := filter(b, q)
	var out []*Item
	switch {
	case q.Review:
		for _, it := range pool {
			if rv.Get(it.ID).IsDue(q.Now) {
				out = append(out, it)
			}
		}
		slices.SortStableFunc(out, func(a, c *Item) int {
			return rv.Get(a.ID).Card.Due.Compare(rv.Get(c.ID).Card.Due)
		})
	case len(q.Lessons) == 0 && len(q.Items) > 0:
		out = pool // the items named, in the order named
	case q.Seeded:
		out = shuffled(pool, q.Seed)
	default:
		var due, unseen, rest []*Item
		for _, it := range pool {
			rec := rv.Get(it.ID)
			switch {
			case rec.IsDue(q.Now):
				due = append(due, it)
			case rec == nil || rec.Answers == 0:
				unseen = append(unseen, it)
			default:
				rest = append(rest, it)
			}
		}
		due = shuffled(due, q.Seed)
		slices.SortStableFunc(due, func(a, c *Item) int {
			ra, rc := rv.Get(a.ID), rv.Get(c.ID)
			if ra.LastMissed != rc.LastMissed {
				if ra.LastMissed {
					return -1
				}
				return 1
			}
			return ra.Card.Due.Compare(rc.Card.Due)
		})
		out = append(append(due, shuffled(unseen, q.Seed)...), shuffled(rest, q.Seed)...)
	}
	if len(out) > count {
		out = out[:count]
	}
	return out
}

// filter returns the items the query names (all when it names none).
func filter(b *Bank, q Query) []*Item {
	if len(q.Items) == 0 && len(q.Lessons) == 0 {
		return slices.Clone(b.Items)
	}
	var out []*Item
	seen := map[string]bool{}
	for _, id := range q.Items {
		if it, ok := b.Get(id); ok && !seen[id] {
			seen[id] = true
			out = append(out, it)
		}
	}
	for _, it := range b.Items {
		if slices.Contains(q.Lessons, it.Lesson) && !seen[it.ID] {
			seen[it.ID] = true
			out = append(out, it)
		}
	}
	return out
}

// shuffled returns items in an order fixed by seed. Sorting by ID first
// makes the order independent of file order.
func shuffled(items []*Item, seed uint64) []*Item {
	out := slices.Clone(items)
	slices.SortFunc(out, func(a, b *Item) int { return strings.Compare(a.ID, b.ID) })
	r := rand.New(rand.NewPCG(seed, 0x7475746f72)) // "tutor"
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Closest returns up to n known IDs that look most like id (shared prefix,
// substring, then edit distance), for "did you mean" messages.
func Closest(id string, known []string, n int) []string {
	type scored struct {
		id    string
		score int
	}
	var list []scored
	for _, k := range known {
		s := editDistance(id, k)
		if strings.Contains(k, id) || strings.Contains(id, k) {
			s -= 100
		}
		list = append(list, scored{k, s})
	}
	slices.SortStableFunc(list, func(a, b scored) int { return a.score - b.score })
	var out []string
	for _, s := range list {
		if len(out) == n || s.score > max(3, len(id)/2) {
			break
		}
		out = append(out, s.id)
	}
	return out
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
