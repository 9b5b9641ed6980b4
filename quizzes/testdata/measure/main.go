// Command measure reports the item-writing numbers of the built-in quiz bank
// (issue 13): key-is-longest share, true/false True share, apply share, items
// per lesson, objectives without items. Run: go run ./quizzes/testdata/measure
package main

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/lessons"
	"github.com/tutor-dev/tutor/quizzes"
)

func main() {
	reg, err := facts.Builtin()
	check(err)
	bank, err := quizzes.Builtin(reg)
	check(err)
	course, err := lessons.Builtin(reg)
	check(err)

	var single, longest, shortest, tf, tfTrue, apply, leveled, noLevel, badObj int
	var shortestIDs []string
	per := map[string]int{}
	covered := map[string]map[string]bool{}
	var longestIDs []string
	for _, it := range bank.Items {
		per[it.Lesson]++
		switch it.Level {
		case "apply":
			apply++
			leveled++
		case "recall":
			leveled++
		default:
			noLevel++
		}
		if l, ok := course.Get(it.Lesson); ok && it.Objective != "" {
			if slices.Contains(l.Objectives, it.Objective) {
				if covered[it.Lesson] == nil {
					covered[it.Lesson] = map[string]bool{}
				}
				covered[it.Lesson][it.Objective] = true
			} else {
				badObj++
				fmt.Printf("bad objective: %s: %q\n", it.ID, it.Objective)
			}
		}
		switch it.Kind {
		case quizzes.Single:
			single++
			key := it.Correct()[0]
			kl := utf8.RuneCountInString(it.Choices[key].Text)
			strict := true
			for j, c := range it.Choices {
				if j != key && utf8.RuneCountInString(c.Text) >= kl {
					strict = false
				}
			}
			if strict {
				longest++
				longestIDs = append(longestIDs, it.ID)
			}
			short := true
			for j, c := range it.Choices {
				if j != key && utf8.RuneCountInString(c.Text) <= kl {
					short = false
				}
			}
			if short {
				shortest++
				shortestIDs = append(shortestIDs, it.ID)
			}
		case quizzes.TrueFalse:
			tf++
			if it.Choices[it.Correct()[0]].Text == "True" {
				tfTrue++
			}
		}
	}
	n := len(bank.Items)
	fmt.Printf("items: %d\n", n)
	fmt.Printf("single-answer items whose key is strictly longest: %d/%d (%.0f%%)\n", longest, single, pct(longest, single))
	fmt.Printf("single-answer items whose key is strictly shortest: %d/%d (%.0f%%)\n", shortest, single, pct(shortest, single))
	fmt.Printf("true/false keyed True: %d/%d (%.0f%%)\n", tfTrue, tf, pct(tfTrue, tf))
	fmt.Printf("apply items: %d/%d (%.0f%%); without level: %d; bad objective: %d\n", apply, n, pct(apply, n), noLevel, badObj)
	lessonsIDs := course.IDs()
	fmt.Println("items per lesson:")
	for _, id := range lessonsIDs {
		fmt.Printf("  %-15s %3d\n", id, per[id])
	}
	var missing []string
	for _, id := range lessonsIDs {
		l, _ := course.Get(id)
		for _, o := range l.Objectives {
			if !covered[id][o] {
				missing = append(missing, id+": "+o)
			}
		}
	}
	sort.Strings(missing)
	fmt.Printf("objectives without items: %d\n", len(missing))
	for _, m := range missing {
		fmt.Println("  " + m)
	}
	if len(os.Args) > 1 && os.Args[1] == "-v" {
		fmt.Println("key strictly longest:", longestIDs)
		fmt.Println("key strictly shortest:", shortestIDs)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
