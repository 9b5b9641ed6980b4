package course

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// jsonNumber is the grammar of a JSON number.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// nodeJSON writes a YAML value as JSON, keeping the order of keys (a filter
// policy's keys are checked in the order written) and numbers as written
// (a policy's 1e400 must reach the filter engine as the number it is, to be
// refused as AWS refuses it). The error carries the line and column.
func nodeJSON(n ast.Node) ([]byte, error) {
	var b bytes.Buffer
	if err := writeJSON(&b, n); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// posErr is an error at a node's position: "line:col: message".
func posErr(n ast.Node, format string, a ...any) error {
	line, col := 0, 0
	if tk := n.GetToken(); tk != nil {
		line, col = tk.Position.Line, tk.Position.Column
	}
	return fmt.Errorf("%d:%d: %s", line, col, fmt.Sprintf(format, a...))
}

func writeJSON(b *bytes.Buffer, n ast.Node) error {
	switch v := n.(type) {
	case nil:
		b.WriteString("null")
	case *ast.MappingNode:
		b.WriteByte('{')
		for i, mv := range v.Values {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeKey(b, mv); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case *ast.MappingValueNode:
		b.WriteByte('{')
		if err := writeKey(b, v); err != nil {
			return err
		}
		b.WriteByte('}')
	case *ast.SequenceNode:
		b.WriteByte('[')
		for i, e := range v.Values {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeJSON(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case *ast.NullNode:
		b.WriteString("null")
	case *ast.BoolNode:
		b.WriteString(strconv.FormatBool(v.Value))
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		text := n.GetToken().Value
		if !json.Valid([]byte(text)) {
			return posErr(n, "%s is not a number JSON can hold: write it in decimal", text)
		}
		b.WriteString(text)
	case *ast.StringNode:
		if tk := v.GetToken(); tk != nil && tk.Type == token.StringType && jsonNumber.MatchString(v.Value) {
			// A plain scalar with a number too large for the YAML parser
			// (1e400): still a number, as written.
			b.WriteString(v.Value)
			break
		}
		writeString(b, v.Value)
	case *ast.LiteralNode:
		writeString(b, v.Value.Value)
	case *ast.TagNode:
		return posErr(n, "YAML tags (%s) are not allowed here", v.Start.Value)
	case *ast.AnchorNode:
		return posErr(n, "YAML anchors (&%s) are not allowed here", v.Name.GetToken().Value)
	case *ast.AliasNode:
		return posErr(n, "YAML aliases are not allowed here: write the value out in full")
	case *ast.CommentGroupNode:
		b.WriteString("null")
	default:
		return posErr(n, "unexpected YAML value %q", n.String())
	}
	return nil
}

func writeKey(b *bytes.Buffer, mv *ast.MappingValueNode) error {
	k, ok := mv.Key.(ast.ScalarNode)
	if !ok {
		return posErr(mv.Key, "a key must be a plain value")
	}
	writeString(b, fmt.Sprint(k.GetValue()))
	b.WriteString(": ")
	return writeJSON(b, mv.Value)
}

// writeString writes s as a JSON string, leaving <, > and & as they are
// (json.Marshal would write ">" as "\u003e", which the learner then reads).
func writeString(b *bytes.Buffer, s string) {
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(out.Bytes(), []byte("\n")))
}
