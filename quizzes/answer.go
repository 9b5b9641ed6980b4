package quizzes

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseAnswer reads an answer: a number from 1 to n, or for a multi item
// numbers separated by commas or spaces. It returns 0-based positions, or
// an error that says what a valid answer looks like.
func ParseAnswer(input string, n int, multi bool) ([]int, error) {
	fields := strings.FieldsFunc(input, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if !multi && len(fields) > 1 {
		return nil, fmt.Errorf("This question has one answer: type a single number from 1 to %d.", n)
	}
	var out []int
	for _, f := range fields {
		k, err := strconv.Atoi(f)
		if err != nil || k < 1 || k > n {
			if multi {
				return nil, fmt.Errorf("%q is not a choice: type numbers from 1 to %d separated by commas (such as 1,3), or an empty line to skip.", f, n)
			}
			return nil, fmt.Errorf("%q is not a choice: type a number from 1 to %d, or an empty line to skip.", f, n)
		}
		if !containsInt(out, k-1) {
			out = append(out, k-1)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("Type a number from 1 to %d, or an empty line to skip.", n)
	}
	return out, nil
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
