package lessons

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
)

// factRef is how a lesson cites the registry: {{fact:sqs.batch-size.default}},
// spaces allowed around the parts ({{ fact: sqs.batch-size.default }}).
var factRef = regexp.MustCompile(`\{\{\s*fact\s*:\s*([^}\s]*)\s*\}\}`)

// factLike is anything that looks like a fact reference; one that factRef
// does not match is reported rather than left in the lesson as raw text.
var factLike = regexp.MustCompile(`\{\{\s*fact\b[^}]*\}?\}?`)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9\-]*$`)

// splitFrontMatter splits a lesson into its front matter and body; bodyLine
// is the line the body starts on. ok is false when the front matter is not
// closed. "---\n---\n" is an empty front matter.
func splitFrontMatter(text string) (front, body string, bodyLine int, ok bool) {
	rest := text[4:]
	var end int
	switch {
	case strings.HasPrefix(rest, "---\n") || rest == "---":
		front, end = "", 0
	default:
		i := strings.Index(rest, "\n---\n")
		if i < 0 && strings.HasSuffix(rest, "\n---") {
			i = len(rest) - 4
		}
		if i < 0 {
			return "", "", 0, false
		}
		front, end = rest[:i+1], i+1
	}
	after := 4 + end + 4 // the opening line, the front matter, the closing "---\n"
	if after <= len(text) {
		body = text[after:]
	}
	bodyLine = strings.Count(text[:min(after, len(text))], "\n") + 1
	return front, body, bodyLine, true
}

// parse reads one lesson file. It returns the lesson (nil when the front
// matter cannot be read at all) and every problem found.
func parse(file, text string, reg *facts.Registry) (*Lesson, []error) {
	text = strings.TrimPrefix(text, "\ufeff") // a byte-order mark some editors write
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		return nil, []error{fmt.Errorf("%s:1: a lesson must start with YAML front matter between two '---' lines", file)}
	}
	front, body, bodyLine, ok := splitFrontMatter(text)
	if !ok {
		return nil, []error{fmt.Errorf("%s:1: front matter is not closed: add a line '---' after it", file)}
	}

	var l Lesson
	ast, derrs := decodeFrontMatter(file, front, &l)
	if len(derrs) > 0 {
		return nil, derrs
	}
	l.File = file
	at := func(p string) int {
		path, err := yaml.PathString(p)
		if err != nil || ast == nil {
			return 2
		}
		n, err := path.FilterFile(ast)
		if err != nil || n == nil {
			return 2
		}
		return n.GetToken().Position.Line + 1
	}
	var errs []error
	bad := func(line int, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, a...)))
	}
	switch {
	case l.ID == "":
		bad(2, "missing id: every lesson needs a stable id, such as 'id: sqs'")
	case !idPattern.MatchString(l.ID):
		bad(at("$.id"), "id %q must be lowercase letters, digits and '-'", l.ID)
	}
	if strings.TrimSpace(l.Title) == "" {
		bad(2, "missing title")
	}
	for i, s := range l.Sources {
		if !s.Valid() {
			bad(at(fmt.Sprintf("$.sources[%d]", i)), "unknown source %q (known: %s)", s, source.List())
		}
	}
	for i := range l.Labs {
		l.Labs[i].Line = at(fmt.Sprintf("$.labs[%d]", i))
		if l.Labs[i].Handler == "" {
			bad(l.Labs[i].Line, "lab %d has no handler", i+1)
		}
	}
	errs = append(errs, checkNesting(file, body, bodyLine)...)

	var used []string
	lines := strings.Split(body, "\n")
	for i, line := range lines {
		for _, m := range factLike.FindAllString(line, -1) {
			if !factRef.MatchString(m) {
				bad(bodyLine+i, "malformed fact reference %q: write {{fact:ID}}", m)
			}
		}
		lines[i] = factRef.ReplaceAllStringFunc(line, func(m string) string {
			id := factRef.FindStringSubmatch(m)[1]
			f, ok := reg.Get(id)
			if !ok {
				bad(bodyLine+i, "unknown fact %q: add it to the facts registry or fix the name", id)
				return m
			}
			if !slices.Contains(used, id) {
				used = append(used, id)
			}
			return f.Value
		})
	}
	l.Facts = used
	l.Body = strings.TrimRight(strings.Join(lines, "\n"), "\n") + sourcesSection(used, reg)
	if l.ID == "" {
		return nil, errs
	}
	return &l, errs
}

// sourcesSection lists the AWS pages behind the facts a lesson used.
func sourcesSection(ids []string, reg *facts.Registry) string {
	if len(ids) == 0 {
		return "\n"
	}
	var b strings.Builder
	b.WriteString("\n\n## Sources\n\nEvery AWS number in this lesson, where it comes from:\n\n")
	for _, id := range ids {
		f, _ := reg.Get(id)
		// The page goes on a line of its own (a hard break) so a long URL
		// is not wrapped into the middle of the sentence.
		fmt.Fprintf(&b, "- **%s**: %s (checked %s)\\\n  <%s>\n", f.Value, strings.TrimSuffix(f.Text, "."), f.Checked, f.Source)
	}
	return b.String()
}
