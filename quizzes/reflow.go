package quizzes

import "strings"

// Reflow joins the lines of each paragraph of s with spaces and keeps the
// blank lines between paragraphs. Item writers break long prompts in YAML
// block scalars where it suits the file; those breaks are not meant for
// the learner, whose screen wraps the text at its own width.
func Reflow(s string) string {
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		var words []string
		for _, line := range strings.Split(p, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				words = append(words, line)
			}
		}
		if len(words) > 0 {
			paras = append(paras, strings.Join(words, " "))
		}
	}
	return strings.Join(paras, "\n\n")
}
