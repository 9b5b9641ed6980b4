package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// suggest returns the candidate closest to what was typed, or "" when none
// is close: the first that starts with it (two letters at least), else one
// within a third of its length in edits (at least one; swapping two
// neighbours is one edit).
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
		if strings.HasPrefix(lc, t) && len(t) >= 2 {
			d = 0 // the start of a name: the likeliest meaning
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

// commandNames are the names and aliases of cmd's visible subcommands.
func commandNames(cmd *cobra.Command) []string {
	var out []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() || c.Name() == "completion" {
			out = append(out, c.Name())
			out = append(out, c.Aliases...)
		}
	}
	return out
}

// unknownCommand reads the name out of cobra's `unknown command "x" for "tutor"`.
func unknownCommand(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "unknown command \"")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "\"")
	return name, ok
}

// flagError is a flag mistake in one line: what was wrong, the flag that
// was probably meant, and where the command's flags are listed (exit 2).
func flagError(cmd *cobra.Command, err error) error {
	msg := strings.TrimSuffix(err.Error(), ".") + "."
	if name, ok := strings.CutPrefix(err.Error(), "unknown flag: --"); ok {
		var names []string
		add := func(f *pflag.Flag) { names = append(names, f.Name) }
		cmd.Flags().VisitAll(add)
		cmd.InheritedFlags().VisitAll(add)
		if s := suggest(name, names); s != "" {
			msg += fmt.Sprintf(" Did you mean --%s?", s)
		}
	}
	return usageErrorf("%s Run '%s --help' for its flags.", msg, cmd.CommandPath())
}
