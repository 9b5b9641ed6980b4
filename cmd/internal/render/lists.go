package render

import (
	"regexp"
	"strings"
)

var (
	listItem = regexp.MustCompile(`^\s*([-*+]|\d+[.)])\s+\S`)
	fenceRe  = regexp.MustCompile("^\\s*(```|~~~)")
)

// joinListLines joins the source line breaks inside list items. Glamour
// keeps them as hard breaks, so a bullet written over several lines renders
// ragged once its facts are filled in and the text re-wraps; joined, glamour
// wraps each item to the width with its indent.
func joinListLines(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	inFence, inItem := false, false
	for _, line := range lines {
		if fenceRe.MatchString(line) {
			inFence = !inFence
			inItem = false
			out = append(out, line)
			continue
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case inFence:
		case trimmed == "":
			inItem = false
		case listItem.MatchString(line):
			inItem = true
		case inItem && strings.HasPrefix(line, "  ") && !hardBreak(out[len(out)-1]):
			out[len(out)-1] += " " + trimmed
			continue
		default:
			inItem = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// hardBreak says whether a line ends in a markdown hard line break.
func hardBreak(line string) bool {
	return strings.HasSuffix(line, "\\") || strings.HasSuffix(line, "  ")
}
