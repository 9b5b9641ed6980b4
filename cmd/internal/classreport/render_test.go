package classreport

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func sample() Report {
	in := workedExample()
	in.Learners = []Learner{{ID: "SHA256:" + strings.Repeat("k", 43), Name: "A very long display name\x1b[31m", LessonsDone: 3, CurrentLesson: "dynamodb-streams-and-more", ExercisesPassed: 2}}
	in.Items = []Item{{ID: "i1-" + strings.Repeat("x", 60), Choices: strings.Split("a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z", ",")}}
	in.Answers = append(in.Answers, Answer{Learner: "E", Item: in.Items[0].ID, Right: true, Picked: []string{"right"}, At: at(9)})
	return Analyze(in)
}

func TestTableFits100Columns(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample(), "table"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > TableWidth {
			t.Errorf("line %d is %d columns:\n%s", i+1, n, line)
		}
	}
	for _, want := range []string{"LEARNER", "P-VALUE", "DISCRIM", "i1 ", "0.58", "-0.30", "0.75", "100%", "67%", "never", "SHA256:kkk"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("a control character reached the table:\n%q", out)
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sample(), "csv"); err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(b.String(), "\n\n")
	if len(blocks) != 2 {
		t.Fatalf("want learners, a blank line, items:\n%s", b.String())
	}
	learners, err := csv.NewReader(strings.NewReader(blocks[0])).ReadAll()
	if err != nil || len(learners) != 7 || learners[0][0] != "learner" || len(learners[0]) != 8 {
		t.Fatalf("learners block (%v): %q", err, learners)
	}
	items, err := csv.NewReader(strings.NewReader(blocks[1])).ReadAll()
	if err != nil || items[0][0] != "item" || items[0][4] != "discrimination" {
		t.Fatalf("items block (%v): %q", err, items)
	}
	found := false
	for _, r := range items[1:] {
		if r[0] == "i1" && r[6] == "right" {
			found = r[3] == "0.5000" && r[4] == "0.5774" && r[7] == "2"
		}
	}
	if !found {
		t.Errorf("want i1's row for choice 'right' with p 0.5000, discrimination 0.5774, 2 picks: %q", items)
	}
}

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Analyze(workedExample()), "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Learners []map[string]any `json:"learners"`
		Items    []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "name", "lessons_done", "current_lesson", "first_try_accuracy", "items_answered", "exercises_passed", "last_seen"} {
		if _, ok := got.Learners[0][k]; !ok {
			t.Errorf("learner lacks %q: %v", k, got.Learners[0])
		}
	}
	for _, k := range []string{"id", "answered", "learners", "p_value", "discrimination", "skipped", "choices"} {
		if _, ok := got.Items[0][k]; !ok {
			t.Errorf("item lacks %q: %v", k, got.Items[0])
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, Report{}, "xml")
	if err == nil || !strings.Contains(err.Error(), `"xml"`) || !strings.Contains(err.Error(), "table, csv, json") {
		t.Errorf("got %v", err)
	}
}
