package sim

import (
	"fmt"
	"sort"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

func stableSortRecs(rs []rec) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].at < rs[j].at })
}

// plural writes "1 message", "3 messages".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
