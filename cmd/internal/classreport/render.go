package classreport

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Formats are the formats Write knows.
var Formats = []string{"table", "csv", "json"}

// Write writes rep in format (one of Formats).
func Write(w io.Writer, rep Report, format string) error {
	switch format {
	case "table":
		return writeTable(w, rep)
	case "csv":
		return writeCSV(w, rep)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return fmt.Errorf("unknown format %q: use %s", format, strings.Join(Formats, ", "))
}

// TableWidth is the widest line of the table format.
const TableWidth = 100

// writeTable writes two tables, learners then items, each line at most
// TableWidth columns: long IDs and names are cut with an ellipsis, and the
// first picks are counts in the item's choice order (the JSON and CSV name
// the choices).
func writeTable(w io.Writer, rep Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s %-14s %4s %-16s %9s %5s %4s  %-17s\n", "LEARNER", "NAME", "DONE", "CURRENT", "FIRST-TRY", "ITEMS", "EXER", "LAST SEEN")
	for _, l := range rep.Learners {
		fmt.Fprintf(&b, "%-20s %-14s %4d %-16s %9s %5d %4d  %-17s\n", cut(l.ID, 20), cut(l.Name, 14), l.LessonsDone,
			cut(l.CurrentLesson, 16), percent(l.FirstTryAccuracy), l.ItemsAnswered, l.ExercisesPassed, when(l.LastSeen))
	}
	if len(rep.Learners) == 0 {
		b.WriteString("(no learners yet)\n")
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%-28s %8s %8s %7s %7s %5s  %s\n", "ITEM", "ANSWERED", "LEARNERS", "P-VALUE", "DISCRIM", "SKIPS", "FIRST PICKS BY CHOICE")
	for _, it := range rep.Items {
		line := fmt.Sprintf("%-28s %8d %8d %7.2f %7s %5d  %s", cut(it.ID, 28), it.Answered, it.Learners, it.PValue,
			decimal(it.Discrimination), it.Skipped, picks(it.Choices))
		b.WriteString(cut(line, TableWidth) + "\n")
	}
	if len(rep.Items) == 0 {
		b.WriteString("(no answers yet)\n")
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// writeCSV writes the learners (a header line, then one row each), a
// blank line, then the items: a header line, then one row per item and
// choice (an item with no recorded picks has one row, its choice empty).
func writeCSV(w io.Writer, rep Report) error {
	c := csv.NewWriter(w)
	c.Write([]string{"learner", "name", "lessons_done", "current_lesson", "first_try_accuracy", "items_answered", "exercises_passed", "last_seen"})
	for _, l := range rep.Learners {
		last := ""
		if l.LastSeen != nil {
			last = l.LastSeen.Format(time.RFC3339)
		}
		c.Write([]string{l.ID, l.Name, strconv.Itoa(l.LessonsDone), l.CurrentLesson, optional(l.FirstTryAccuracy),
			strconv.Itoa(l.ItemsAnswered), strconv.Itoa(l.ExercisesPassed), last})
	}
	c.Flush()
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	c.Write([]string{"item", "answered", "learners", "p_value", "discrimination", "skipped", "choice", "picks"})
	for _, it := range rep.Items {
		head := []string{it.ID, strconv.Itoa(it.Answered), strconv.Itoa(it.Learners), num(it.PValue), optional(it.Discrimination), strconv.Itoa(it.Skipped)}
		if len(it.Choices) == 0 {
			c.Write(append(head, "", ""))
		}
		for _, ch := range it.Choices {
			c.Write(append(head[:len(head):len(head)], ch.Text, strconv.Itoa(ch.Picks)))
		}
	}
	c.Flush()
	return c.Error()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }

func optional(v *float64) string {
	if v == nil {
		return ""
	}
	return num(*v)
}

func percent(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", *v*100)
}

func decimal(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", *v)
}

func when(t *time.Time) string {
	if t == nil {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}

func picks(cs []ChoiceCount) string {
	if len(cs) == 0 {
		return "-"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = strconv.Itoa(c.Picks)
	}
	return strings.Join(parts, "/")
}

// cut shortens s to n runes, ending in an ellipsis when cut; control
// characters (a name with a newline or an escape) show as '?'.
func cut(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '?'
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
