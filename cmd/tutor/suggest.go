package main

import (
	"strings"
)

// suggest returns the candidate closest to what was typed, or "" when none
// is close: one that starts with it, else one within a third of its length
// in edits (at least one; swapping two neighbours is one edit).
func suggest(typed string, candidates []string) string {
	t := strings.ToLower(typed)
	if t == "" {
		return ""
	}
	best, bestD := "", max(len(t)/3, 1)+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == t {
			return c
		}
		d := levenshtein(t, lc)
		if strings.HasPrefix(lc, t) {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// didYouMean is " Did you mean X?" for the closest candidate, or "".
func didYouMean(typed string, candidates []string) string {
	if s := suggest(typed, candidates); s != "" {
		return " Did you mean " + s + "?"
	}
	return ""
}

// levenshtein is the optimal-string-alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each count one.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
