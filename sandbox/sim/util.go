package sim

import (
	"fmt"
	"sort"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

func stableSortRecs(rs []rec) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].at < rs[j].at })
}
