package lessons

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
)

// factRef is how a lesson cites the registry: {{fact:sqs.batch-size.default}}.
var factRef = regexp.MustCompile(`\{\{\s*fact:([^}\s]*)\s*\}\}`)

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9\-]*$`)

// parse reads one lesson file. It returns the lesson (nil when the front
// matter cannot be read at all) and every problem found.
func parse(file, text string, reg *facts.Registry) (*Lesson, []error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		return nil, []error{fmt.Errorf("%s:1: a lesson must start with YAML front matter between two '---' lines", file)}
	}
	end := strings.Index(text[4:], "\n---\n")
	if end < 0 && strings.HasSuffix(text, "\n---") {
		end = len(text) - 4 - 4
	}
	if end < 0 {
		return nil, []error{fmt.Errorf("%s:1: front matter is not closed: add a line '---' after it", file)}
	}
	front := text[4 : 4+end+1]
	body := ""
	if rest := 4 + end + 5; rest <= len(text) {
		body = text[rest:]
	}
	bodyLine := strings.Count(text[:min(4+end+5, len(text))], "\n") + 1

	var l Lesson
	if err := yaml.UnmarshalWithOptions([]byte(front), &l, yaml.DisallowUnknownField()); err != nil {
		return nil, []error{facts.PosError(file, 1, err)}
	}
	l.File = file
	ast, _ := parser.ParseBytes([]byte(front), 0)
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
	for i, lab := range l.Labs {
		if lab.Handler == "" {
			bad(at(fmt.Sprintf("$.labs[%d]", i)), "lab %d has no handler", i+1)
		}
	}

	var used []string
	lines := strings.Split(body, "\n")
	for i, line := range lines {
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
