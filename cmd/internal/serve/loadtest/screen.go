package main

import (
	"regexp"
	"strconv"
	"strings"
)

// bareReady is barewish's screen (barewish.Ready; a main package is not
// imported).
const bareReady = "bare wish: ready"

// helpLine ends every course screen: a screen with it is drawn whole.
const helpLine = "? more"

var (
	lessonHead   = regexp.MustCompile(`\slesson (\d+) of (\d+)$`)
	questionHead = regexp.MustCompile(`Question (\d+) of (\d+)(?:\s+\[([^\]\s]+)\]$)?`)
	choiceLine   = regexp.MustCompile(`[(\[][ •x][)\]] (\d+)\. `)
)

// firstLine is the screen's top line, trimmed.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// lessonOf reads "lesson N of M" from a lesson screen's header.
func lessonOf(s string) (cur, total int, ok bool) {
	m := lessonHead.FindStringSubmatch(firstLine(s))
	if m == nil {
		return 0, 0, false
	}
	cur, _ = strconv.Atoi(m[1])
	total, _ = strconv.Atoi(m[2])
	return cur, total, true
}

// question is what the quiz screen shows of its item.
type question struct {
	id      string
	index   int // 1-based, within the round
	review  bool
	multi   bool
	choices int
}

// parseQuestion reads the quiz screen; ok is false when the header is not
// a question's. The id is empty when the header was cut off (a terminal too
// narrow for it).
func parseQuestion(s string) (question, bool) {
	head := firstLine(s)
	m := questionHead.FindStringSubmatch(head)
	if m == nil {
		return question{}, false
	}
	q := question{id: m[3], review: strings.Contains(head, reviewText), multi: strings.Contains(s, multiText)}
	q.index, _ = strconv.Atoi(m[1])
	for _, c := range choiceLine.FindAllStringSubmatch(s, -1) {
		if n, _ := strconv.Atoi(c[1]); n > q.choices {
			q.choices = n
		}
	}
	return q, true
}

// firstScreen says which first screen s is, once drawn whole: the outline
// or a lesson (0), a name prompt (1), or none yet (-1).
func firstScreen(s string) int {
	_, _, lesson := lessonOf(s)
	switch {
	case (strings.Contains(s, outlineText) || lesson) && strings.Contains(s, helpLine):
		return 0
	case strings.Contains(strings.ToLower(s), "name") && !strings.Contains(s, outlineText) && !lesson:
		return 1
	}
	return -1
}
