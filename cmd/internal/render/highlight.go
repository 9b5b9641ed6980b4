package render

import (
	"go/scanner"
	"go/token"
	"strings"
)

// highlight colours the lines of a code block by its language: Go with
// go/scanner; JSON, YAML and shell with a small tokenizer (strings,
// comments, numbers, keys and keywords); anything else (diagrams, text)
// as it is.
func (r *renderer) highlight(lang string, lines []string) []string {
	src := strings.Join(lines, "\n")
	var sts []style // one per byte of src
	switch strings.ToLower(lang) {
	case "go", "golang":
		sts = goStyles(src)
	case "json", "jsonc":
		sts = tokStyles(src, tokJSON)
	case "yaml", "yml":
		sts = tokStyles(src, tokYAML)
	case "sh", "bash", "shell", "console", "zsh":
		sts = tokStyles(src, tokShell)
	default:
		return lines
	}
	out := make([]string, 0, len(lines))
	off := 0
	for _, l := range lines {
		var ps []piece
		for i := 0; i < len(l); {
			j := i
			for j < len(l) && sts[off+j] == sts[off+i] {
				j++
			}
			ps = append(ps, piece{text: l[i:j], st: sts[off+i]})
			i = j
		}
		out = append(out, r.line(ps))
		off += len(l) + 1
	}
	return out
}

// goPredeclared are the identifiers Go predeclares, coloured as types.
var goPredeclared = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "error": true, "float32": true,
	"float64": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"rune": true, "string": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "uintptr": true, "true": true, "false": true, "nil": true, "iota": true,
	"append": true, "cap": true, "clear": true, "close": true, "copy": true, "delete": true,
	"len": true, "make": true, "max": true, "min": true, "new": true, "panic": true,
	"print": true, "println": true, "recover": true,
}

func goStyles(src string) []style {
	sts := make([]style, len(src))
	fs := token.NewFileSet()
	f := fs.AddFile("", fs.Base(), len(src))
	var s scanner.Scanner
	s.Init(f, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		var st style
		switch {
		case tok == token.COMMENT:
			st = sComment
		case tok == token.STRING || tok == token.CHAR:
			st = sString
		case tok == token.INT || tok == token.FLOAT || tok == token.IMAG:
			st = sNumber
		case tok.IsKeyword():
			st = sKeyword
		case tok == token.IDENT && goPredeclared[lit]:
			st = sType
		default:
			continue
		}
		from := f.Offset(pos)
		n := len(lit)
		if lit == "" {
			n = len(tok.String())
		}
		for i := from; i < from+n && i < len(sts); i++ {
			sts[i] = st
		}
	}
	return sts
}

// tokLang is what the small tokenizer knows of a language.
type tokLang struct {
	comment  string // starts a comment to the end of the line, at a word's start
	quotes   string // the characters that open a string
	keyWords map[string]bool
	keys     bool // a string or word before ':' is a key
}

var (
	tokJSON  = tokLang{quotes: `"`, keyWords: map[string]bool{"true": true, "false": true, "null": true}, keys: true}
	tokYAML  = tokLang{comment: "#", quotes: `"'`, keyWords: map[string]bool{"true": true, "false": true, "null": true, "~": true}, keys: true}
	tokShell = tokLang{comment: "#", quotes: `"'`, keyWords: map[string]bool{
		"if": true, "then": true, "else": true, "fi": true, "for": true, "do": true, "done": true,
		"while": true, "case": true, "esac": true, "export": true, "cd": true, "echo": true}}
)

func tokStyles(src string, lang tokLang) []style {
	sts := make([]style, len(src))
	set := func(from, to int, st style) {
		for i := from; i < to; i++ {
			sts[i] = st
		}
	}
	wordStart := true
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case lang.comment != "" && wordStart && strings.HasPrefix(src[i:], lang.comment):
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			set(i, i+j, sComment)
			i += j
			continue
		case strings.IndexByte(lang.quotes, c) >= 0:
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				if src[j] == '\\' && c == '"' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			st := sString
			if lang.keys && isKey(src[j:]) {
				st = sKeyword
			}
			set(i, j, st)
			i, wordStart = j, false
			continue
		case isWordByte(c) || c == '-' && i+1 < len(src) && isDigit(src[i+1]):
			j := i + 1
			for j < len(src) && (isWordByte(src[j]) || src[j] == '.') {
				j++
			}
			w := src[i:j]
			switch {
			case lang.keys && wordStart && isKey(src[j:]):
				set(i, j, sKeyword)
			case isNumber(w):
				set(i, j, sNumber)
			case lang.keyWords[w]:
				set(i, j, sType)
			}
			i, wordStart = j, false
			continue
		}
		wordStart = c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '{' || c == '[' || c == ','
		i++
	}
	return sts
}

// isKey says whether rest (the text after a word or string) starts with a
// key's colon.
func isKey(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	return strings.HasPrefix(rest, ":") && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\n' || rest[1] == '"')
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c >= 0x80
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isNumber(w string) bool {
	w = strings.TrimPrefix(w, "-")
	if w == "" || !isDigit(w[0]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && w[i] != '.' && w[i] != 'e' && w[i] != 'E' && w[i] != '_' {
			return false
		}
	}
	return true
}
