// Package yamlsafe parses the YAML that course folders and scenario files are
// written in, refusing aliases. A hand-written lesson, quiz or scenario never
// needs them, and a few hundred bytes of nested aliases (a "billion laughs")
// expand to gigabytes when decoded, so they are refused before decoding, with
// the line and column of the first one.
package yamlsafe

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// AliasError is an alias found in a document: *name at Line:Column.
type AliasError struct {
	Name         string
	Line, Column int
}

func (e *AliasError) Error() string {
	return fmt.Sprintf("%d:%d: YAML aliases (*%s) are not allowed here: write the value out in full", e.Line, e.Column, e.Name)
}

// Parse parses data and returns an error for its first alias. Parse errors
// are goccy/go-yaml's, which carry the line and column.
func Parse(data []byte) (*ast.File, error) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, err
	}
	if err := CheckAliases(f); err != nil {
		return nil, err
	}
	return f, nil
}

// CheckAliases returns an *AliasError for the first alias in f, if any.
func CheckAliases(f *ast.File) error {
	v := &aliasFinder{}
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			ast.Walk(v, doc.Body)
		}
		if v.err != nil {
			return v.err
		}
	}
	return nil
}

// Unmarshal is yaml.UnmarshalWithOptions after the alias check.
func Unmarshal(data []byte, v any, opts ...yaml.DecodeOption) error {
	if _, err := Parse(data); err != nil {
		return err
	}
	return yaml.UnmarshalWithOptions(data, v, opts...)
}

type aliasFinder struct{ err *AliasError }

func (a *aliasFinder) Visit(n ast.Node) ast.Visitor {
	if a.err != nil {
		return nil
	}
	if al, ok := n.(*ast.AliasNode); ok {
		tok := al.GetToken()
		name := ""
		if al.Value != nil {
			name = al.Value.String()
		}
		a.err = &AliasError{Name: name, Line: tok.Position.Line, Column: tok.Position.Column}
		return nil
	}
	return a
}

// Region keeps lines first..last (1-based) of data, from column col on the
// first, and blanks the rest (keeping the line breaks), so that a document
// embedded in a larger file (a scenario inside an experiment or exercise)
// parses on its own and still reports positions in the whole file.
func Region(data []byte, first, col, last int) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	var out bytes.Buffer
	for i, l := range lines {
		if n := i + 1; n == first {
			rs := []rune(string(l))
			cut := min(max(col-1, 0), len(rs))
			out.WriteString(strings.Repeat(" ", cut) + string(rs[cut:]))
		} else if n > first && n <= last {
			out.Write(l)
		} else if bytes.HasSuffix(l, []byte("\n")) {
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}
