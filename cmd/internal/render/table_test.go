package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// narrowTable fits every width tested as a grid (29 columns).
const narrowTable = "| name | value | unit |\n|---|---:|---|\n| timeout | 900 | s |\n| memory | 10240 | MB |\n"

// mediumTable is 90 columns as a grid: stacked at 80, a grid at 120
// (and in the lesson screen, whose text is at most 100 columns wide).
const mediumTable = "| source | who retries a function error | where a failed event ends up |\n|---|---|---|\n" +
	"| S3 | Lambda's async queue | on-failure destination or DLQ, else dropped |\n" +
	"| Kinesis | the mapping (same batch, in order) | the mapping's on-failure destination |\n"

// tokens is every space-separated token of a table's cells, code spans'
// backticks removed: none may be cut. Stacked records do not show the
// first column's header.
func tokens(table string, stacked bool) []string {
	var out []string
	for i, row := range strings.Split(strings.TrimSpace(table), "\n") {
		if i == 1 {
			continue
		}
		for j, c := range splitRow(row) {
			if i == 0 && j == 0 && stacked {
				continue
			}
			out = append(out, strings.Fields(strings.ReplaceAll(c, "`", ""))...)
		}
	}
	return out
}

type tableCase struct {
	name, md string
	grid     map[int]bool // width: drawn as a grid (else stacked)
}

var tableCases = []tableCase{
	{"narrow", narrowTable, map[int]bool{38: true, 60: true, 80: true, 120: true}},
	{"medium", mediumTable, map[int]bool{38: false, 60: false, 80: false, 120: true}},
	{"wide", wideTable, map[int]bool{38: false, 60: false, 80: false, 120: false}},
}

// A table that fits the width is a grid; one that does not is stacked
// records: nothing past the width, no token cut, every cell shown, the
// same in the terminal and in plain text (issue 14: the SNS operators
// table's third column was off screen at 80 columns).
func TestTableFitsEveryWidth(t *testing.T) {
	for _, tc := range tableCases {
		for _, width := range []int{38, 60, 80, 120} {
			for _, plain := range []bool{false, true} {
				var out string
				if plain {
					out, _ = Plain(tc.md, width)
				} else {
					out, _ = Markdown(tc.md, width, true)
				}
				ls, code := lines(out)
				text := strings.Join(ls, "\n")
				name := tc.name + "/" + map[bool]string{false: "term", true: "plain"}[plain]
				for i, l := range ls {
					if w := ansi.StringWidth(l); w > width {
						t.Errorf("%s at %d: line %d columns wide: %q", name, width, w, l)
					}
					if code[i] {
						t.Errorf("%s at %d: a table line marked as code: %q", name, width, l)
					}
				}
				sep := "│"
				if plain {
					sep = "|"
				}
				isGrid := strings.Contains(text, sep)
				if isGrid != tc.grid[width] {
					t.Errorf("%s at %d: grid %v, want %v:\n%s", name, width, isGrid, tc.grid[width], text)
				}
				for _, tok := range tokens(tc.md, !isGrid) {
					if !strings.Contains(text, tok) {
						t.Errorf("%s at %d: %q is cut or missing:\n%s", name, width, tok, text)
					}
				}
				if !isGrid {
					checkRecords(t, name, width, text, tc.md)
				}
			}
		}
	}
}

// checkRecords checks the stacked form: each row's first cell alone on a
// line at the margin, then "header: value" for each other cell.
func checkRecords(t *testing.T, name string, width int, text, md string) {
	t.Helper()
	rows := strings.Split(strings.TrimSpace(md), "\n")
	head := splitRow(rows[0])
	for _, row := range rows[2:] {
		cs := splitRow(row)
		first := strings.ReplaceAll(strings.TrimSpace(cs[0]), "`", "")
		if !regexp.MustCompile(`(?m)^ {1,2}` + regexp.QuoteMeta(first) + `$`).MatchString(text) {
			t.Errorf("%s at %d: no heading line %q:\n%s", name, width, first, text)
		}
		for ci := 1; ci < len(head); ci++ {
			label := strings.TrimSpace(head[ci]) + ":"
			if !strings.Contains(text, label) {
				t.Errorf("%s at %d: no label %q:\n%s", name, width, label, text)
			}
		}
	}
	if strings.Contains(text, "\n\n\n") {
		t.Errorf("%s at %d: two blank lines in a row:\n%s", name, width, text)
	}
}

// Stacked records take their styles from the theme: the heading bold,
// the labels subtle, code spans in the code colour.
func TestRecordStyles(t *testing.T) {
	out, _ := Markdown(wideTable, 60, true)
	p := newPalette(true)
	for _, want := range []string{
		p.start(sBold) + "anything-but",
		p.start(sSubtle) + "example condition:",
		p.start(sSubtle) + "matches:",
		p.start(sCode) + `{"exists": true}`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%q", want, out)
		}
	}
}

// A header with no rows under it, too wide for a grid, is still shown.
func TestWideHeaderAlone(t *testing.T) {
	out, _ := Plain("| a long first header | a second long header |\n|---|---|\n", 30)
	out = strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"a long first header", "a second long header"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing:\n%s", want, out)
		}
	}
}

// A column with no header shows its values with no label.
func TestRecordWithoutHeader(t *testing.T) {
	md := "| key | | note |\n|---|---|---|\n| a | first value | " + strings.Repeat("long ", 12) + "|\n"
	for _, width := range []int{38, 60} {
		out, _ := Plain(md, width)
		if strings.Contains(out, " :") || !strings.Contains(out, "first value") || !strings.Contains(out, "note:") {
			t.Errorf("at %d:\n%s", width, out)
		}
	}
}
