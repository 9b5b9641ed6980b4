package lessons

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
)

// decodeFrontMatter decodes a lesson's front matter into l, field by field,
// so that every malformed field is reported and not only the first. YAML
// aliases are refused. It returns the parsed front matter, for locating
// fields in later errors. Lines in errors count from the file's first line
// (the opening '---').
func decodeFrontMatter(file, front string, l *Lesson) (*ast.File, []error) {
	f, err := yamlsafe.Parse([]byte(front))
	if err != nil {
		return nil, []error{facts.PosError(file, 1, err)}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return f, nil // empty front matter: the checks below say what is missing
	}
	var fields []*ast.MappingValueNode
	switch b := f.Docs[0].Body.(type) {
	case *ast.MappingNode:
		fields = b.Values
	case *ast.MappingValueNode:
		fields = []*ast.MappingValueNode{b}
	default:
		p := b.GetToken().Position
		return nil, []error{fmt.Errorf("%s:%d:%d: front matter must be fields (id: ..., title: ...)", file, p.Line+1, p.Column)}
	}
	var errs []error
	for _, mv := range fields {
		if err := yaml.NodeToValue(mv, l, yaml.DisallowUnknownField()); err != nil {
			errs = append(errs, facts.PosError(file, 1, err))
		}
	}
	return f, errs
}

// maxNesting is how deeply blockquotes and lists may nest in a lesson. The
// built-in lessons nest three levels at most; rendering time grows steeply
// with depth (400 levels took seconds, 5,000 minutes), so deeper nesting is
// refused at load.
const maxNesting = 12

// checkNesting reports the first line of body nested deeper than
// maxNesting, counting the blockquote and list markers on it and, on a line
// with any, the indentation that nests it in enclosing list items (two
// spaces a level).
func checkNesting(file, body string, firstLine int) []error {
	fence := ""
	for i, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if d := nesting(line); d > maxNesting {
			return []error{fmt.Errorf("%s:%d: blockquotes and lists nest %d levels deep here; at most %d are allowed", file, firstLine+i, d, maxNesting)}
		}
	}
	return nil
}

// nesting counts the container levels a line opens.
func nesting(line string) int {
	depth, indent := 0, 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			depth++
			i++
			if i < len(line) && line[i] == ' ' {
				i++ // the space after '>' belongs to the marker
			}
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && line[j+1] == ' ' {
				depth++
				i = j + 2
				continue
			}
			return levels(depth, indent)
		default:
			return levels(depth, indent)
		}
	}
	return levels(depth, indent)
}

// levels adds the indentation of a line that opens a container to the
// markers it has; an indented line with none (code, a continued paragraph)
// opens nothing.
func levels(markers, indent int) int {
	if markers == 0 {
		return 0
	}
	return markers + indent/2
}
