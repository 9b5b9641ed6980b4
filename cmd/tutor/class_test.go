package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tutor-dev/tutor/cmd/internal/classreport"
)

// An answer given in line mode reaches the class report: the choice picked
// first by its text, the p-value and the learner's first-try accuracy.
func TestBinaryClassReport(t *testing.T) {
	right, wrong := syncTriggerAnswers(t)
	if _, errOut, code := tutor(t, wrong+"\n"+right+"\n", "quiz", "--plain", "--item", "sync-trigger", "--seed", "7"); code != 0 {
		t.Fatalf("quiz: exit %d: %s", code, errOut)
	}
	out, errOut, code := tutor(t, "", "class", "report", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep classreport.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(rep.Learners) != 1 || rep.Learners[0].ID != "local" || rep.Learners[0].FirstTryAccuracy == nil || *rep.Learners[0].FirstTryAccuracy != 0 || rep.Learners[0].LastSeen == nil {
		t.Errorf("learners: %+v", rep.Learners)
	}
	if len(rep.Items) != 1 || rep.Items[0].ID != "sync-trigger" || rep.Items[0].Answered != 1 || rep.Items[0].PValue != 0 {
		t.Fatalf("items: %+v", rep.Items)
	}
	for _, c := range rep.Items[0].Choices {
		if want := map[bool]int{true: 1, false: 0}[c.Text == "Amazon S3"]; c.Picks != want {
			t.Errorf("choice %q picked first %d times, want %d: %+v", c.Text, c.Picks, want, rep.Items[0].Choices)
		}
	}

	table, _, code := tutor(t, "", "class", "report")
	if code != 0 || !strings.Contains(table, "sync-trigger") || !strings.Contains(table, "P-VALUE") {
		t.Fatalf("table: exit %d:\n%s", code, table)
	}
	for _, line := range strings.Split(table, "\n") {
		if utf8.RuneCountInString(line) > 100 {
			t.Errorf("line wider than 100 columns: %q", line)
		}
	}
	csv, _, code := tutor(t, "", "class", "report", "--db", filepath.Join(stateDir(t), "tutor.db"), "--format", "csv")
	if code != 0 || !strings.HasPrefix(csv, "learner,name,lessons_done,") || !strings.Contains(csv, "\nitem,answered,learners,p_value,discrimination,") || !strings.Contains(csv, "sync-trigger,1,1,0.0000,,0,Amazon S3,1") {
		t.Errorf("csv: exit %d:\n%s", code, csv)
	}
}

func TestBinaryClassReportBadInput(t *testing.T) {
	dir := t.TempDir()
	corrupt := writeFile(t, dir, "corrupt.db", "SQLite format 3\x00"+strings.Repeat("\xff", 4000))
	notes := writeFile(t, dir, "notes.txt", "not a database")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no progress yet", []string{"class", "report"}, 1, "no progress in the state directory yet"},
		{"missing file", []string{"class", "report", "--db", filepath.Join(dir, "nope.db")}, 1, "no database at"},
		{"corrupt", []string{"class", "report", "--db", corrupt}, 1, "is damaged"},
		{"not a database", []string{"class", "report", "--db", notes}, 1, "not a tutor database"},
		{"malformed postgres", []string{"class", "report", "--db", "postgres://teacher:s3cret@localhost:notaport/class"}, 1, "postgres://teacher:xxxxx@localhost:notaport/class is not a valid PostgreSQL address"},
		{"unknown format", []string{"class", "report", "--format", "xml"}, 2, `--format "xml": use table, csv, json`},
		{"unknown subcommand", []string{"class", "reprot"}, 2, "Did you mean report?"},
	} {
		out, errOut, code := tutor(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || out != "" {
			t.Errorf("%s: exit %d, stderr %q, stdout %q; want exit %d and one line with %q", tc.name, code, errOut, out, tc.code, tc.want)
		}
	}
	if b, err := os.ReadFile(corrupt); err != nil || len(b) != 16+4000 {
		t.Errorf("the corrupt file must be left as it was: %v", err)
	}
	if _, err := os.Stat(filepath.Join(stateDir(t), "tutor.db")); err == nil {
		t.Errorf("the report must not create a database in the state directory")
	}
}
