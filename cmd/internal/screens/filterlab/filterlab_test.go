package filterlab

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

// builtin is the built-in course, loaded once.
var builtin = sync.OnceValues(func() (*course.Course, error) { return course.LoadFS(course.Builtin(), "") })

func builtinCourse(t *testing.T) *course.Course {
	t.Helper()
	c, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// open opens the built-in course's filter lab of source.
func open(t *testing.T, c common.Common, src string) (Model, bool) {
	crs := builtinCourse(t)
	return New(c, crs.FilterLab(source.Source(src)), crs.Facts, "lesson")
}

func newLab(t *testing.T, source string, w, h int) Model {
	t.Helper()
	c := common.New()
	c.Width, c.Height = w, h
	m, ok := open(t, c, source)
	if !ok {
		t.Fatalf("no filter lab for %s", source)
	}
	return m
}

func view(m Model) string { return ansi.Strip(m.View()) }

func press(m Model, k tea.KeyPressMsg) Model {
	m, _ = m.Update(k)
	return m
}

// row finds the list line of a sample.
func row(t *testing.T, v, name string) string {
	t.Helper()
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, " "+name+" ") || strings.HasSuffix(l, " "+name) {
			if strings.Contains(l, "✓") || strings.Contains(l, "✗") || strings.Contains(l, "·") {
				return l
			}
		}
	}
	t.Fatalf("no row for %q in:\n%s", name, v)
	return ""
}

// want is a sample's expected verdict: "" for a match, else a piece of the reason.
type want map[string]string

func checkRows(t *testing.T, v string, wants want) {
	t.Helper()
	for name, reason := range wants {
		l := row(t, v, name)
		if reason == "" {
			if !strings.Contains(l, "✓") || strings.Contains(l, "✗") {
				t.Errorf("%q should match: %q", name, l)
			}
			continue
		}
		if !strings.Contains(l, "✗") || !strings.Contains(l, reason) {
			t.Errorf("%q should fail with %q: %q", name, reason, l)
		}
	}
}

func TestSamplesLoadForEverySource(t *testing.T) {
	for _, src := range source.Filtered() {
		lf := builtinCourse(t).FilterLab(src)
		if lf == nil {
			t.Fatalf("%s: no filter lab", src)
		}
		if n := len(lf.Samples); n < 5 || n > 8 {
			t.Errorf("%s: %d samples, want 5 to 8", src, n)
		}
		if _, err := compile(src, lf.Policy, filter.ScopeAttributes); err != nil {
			t.Errorf("%s: starting policy is invalid: %v", src, err)
		}
	}
	for _, src := range []string{"s3", "apigateway", "", "../sns"} {
		if _, ok := open(t, common.New(), src); ok {
			t.Errorf("%q should have no filter lab", src)
		}
	}
}

func TestSNSLabListsEveryVerdictWithReasons(t *testing.T) {
	m := newLab(t, "sns", 220, 30)
	v := view(m)
	for _, s := range m.samples {
		l := row(t, v, s.Name)
		if strings.Contains(l, "✗") && !strings.Contains(l, `key "`) && !strings.Contains(l, "has no attributes") {
			t.Errorf("a no-match needs the failing key (or to say there are no attributes): %q", l)
		}
	}
	checkRows(t, v, want{
		"order with typed attributes":  "",
		"price sent as a String":       `key "price_usd": wanted numeric >= 100, got "210.75"`,
		"quantity 0":                   `key "quantity": wanted anything-but [0], got 0`,
		"quantity [0, 3] in the body":  `key "quantity": wanted anything-but [0], got 0`,
		"no quantity at all":           `key "quantity": attribute missing`,
		"coupon, no matching interest": `no $or branch matched`,
		"no coupon, no interests":      "",
		"everything in the body":       "has no attributes",
	})
	for _, s := range []string{"✓ 2 delivered", "✗ 6 filtered out", "scope MessageAttributes", "FilterPolicyScope is MessageAttributes", `policy: {"store":["example_corp"]`} {
		if !strings.Contains(v, s) {
			t.Errorf("view lacks %q:\n%s", s, v)
		}
	}
}

func TestTabTogglesScope(t *testing.T) {
	m := press(newLab(t, "sns", 220, 30), tea.KeyPressMsg{Code: tea.KeyTab})
	v := view(m)
	if !strings.Contains(v, "scope MessageBody") || !strings.Contains(v, "Message  ← the policy reads this") {
		t.Fatalf("tab should switch to the body scope:\n%s", v)
	}
	checkRows(t, v, want{
		"order with typed attributes":  `key "store": missing from the message`,
		"price sent as a String":       `got "210.75"`,
		"coupon, no matching interest": "not a JSON object",
		"everything in the body":       "",
		"quantity [0, 3] in the body":  "",
	})
	if !strings.Contains(v, "✓ 3 delivered") {
		t.Errorf("the body scope delivers 3 samples:\n%s", v)
	}
	m = press(m, tea.KeyPressMsg{Code: tea.KeyTab})
	checkRows(t, view(m), want{"order with typed attributes": "", "everything in the body": "has no attributes"})
}

func TestEditedPolicyChangesResults(t *testing.T) {
	m := newLab(t, "sns", 220, 30)
	m, _ = m.Update(EditedMsg{Policy: []byte(`{"store": ["example_corp"]}`)})
	v := view(m)
	if !strings.Contains(v, "✓ 7 delivered") || !strings.Contains(v, `policy: {"store":["example_corp"]}`) {
		t.Fatalf("the edited policy should be shown and evaluated:\n%s", v)
	}
	checkRows(t, v, want{"quantity 0": "", "everything in the body": "has no attributes"})

	m, _ = m.Update(EditedMsg{Err: fmt.Errorf(`editor "nope" failed: exit status 1; the policy is unchanged`)})
	if v := view(m); !strings.Contains(v, "the policy is unchanged") || !strings.Contains(v, "✓ 7 delivered") {
		t.Fatalf("an editor error is a note; the results stay:\n%s", v)
	}
}

func TestInvalidPolicyShowsEngineError(t *testing.T) {
	cases := []string{
		`{"price_usd": [{"numeric": [">", "x"]}]}`,
		`{"store": `,
		`{"a": ["1"], "b": ["2"], "c": ["3"], "d": ["4"], "e": ["5"], "f": ["6"]}`,
		`{"price_usd": [{"numeric": [">", 2000000000]}]}`,
	}
	for _, policy := range cases {
		_, err := filter.CompileSNS([]byte(policy), filter.ScopeAttributes)
		if err == nil {
			t.Fatalf("the engine accepts %s", policy)
		}
		m := newLab(t, "sns", 220, 30)
		m, _ = m.Update(EditedMsg{Policy: []byte(policy)})
		v := view(m)
		if !strings.Contains(v, "✗ "+err.Error()) {
			t.Errorf("%s: view lacks the engine's error %q:\n%s", policy, err, v)
		}
		if strings.Contains(v, "delivered") || strings.Contains(row(t, v, "quantity 0"), "✗") {
			t.Errorf("%s: an invalid policy shows no results:\n%s", policy, v)
		}
	}
}

func TestSelectingShowsTheSampleJSON(t *testing.T) {
	m := newLab(t, "sns", 100, 30)
	m = press(m, tea.KeyPressMsg{Code: tea.KeyDown})
	v := view(m)
	for _, s := range []string{"› ✗ price sent as a String", "✗ filtered out: key \"price_usd\"", "MessageAttributes  ← the policy reads this", `"Type": "String"`} {
		if !strings.Contains(v, s) {
			t.Errorf("the selected sample's detail lacks %q:\n%s", s, v)
		}
	}
	m = press(press(m, tea.KeyPressMsg{Code: tea.KeyUp}), tea.KeyPressMsg{Code: tea.KeyUp})
	if !strings.Contains(view(m), "› ✓ order with typed attributes") {
		t.Errorf("up stops at the first sample:\n%s", view(m))
	}
}

func TestMappingsDropRecordsBeforeTheHandler(t *testing.T) {
	cases := []struct {
		source string
		rows   want
		status string
	}{
		{"sqs", want{
			"order of 250":       "",
			"amount as a string": `key "body.amount": wanted numeric > 100, got "250"`,
			"plain-text body":    `key "body.type": missing from the event`,
			"type as an array":   "",
		}, "✗ 5 dropped by the mapping"},
		{"kinesis", want{
			"payments-api error":  "",
			"plain-text log line": "not JSON once base64-decoded",
			"orders-api error":    `wanted prefix "payments-", got "orders-api"`,
		}, "✗ 4 dropped by the mapping"},
		{"dynamodb", want{
			"MODIFY shipped, total 1": `key "dynamodb.NewImage.total.N": wanted numeric >= 100, got "1`,
			"REMOVE":                  "missing from the event",
		}, "✓ 0 reach the handler"},
	}
	for _, c := range cases {
		m := newLab(t, c.source, 220, 30)
		v := view(m)
		if !strings.Contains(v, c.status) {
			t.Errorf("%s: view lacks %q:\n%s", c.source, c.status, v)
		}
		for name, reason := range c.rows {
			found := false
			for _, l := range strings.Split(v, "\n") {
				if strings.Contains(l, name) && strings.Contains(l, reason) && strings.Contains(l, map[bool]string{true: "✓", false: "✗"}[reason == ""]) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no row %q with %q:\n%s", c.source, name, reason, v)
			}
		}
	}
	// The DynamoDB trap's fix: match the "N" string, not a number.
	m := newLab(t, "dynamodb", 220, 30)
	m, _ = m.Update(EditedMsg{Policy: []byte(`{"dynamodb": {"NewImage": {"status": {"S": ["shipped"]}, "total": {"N": [{"exists": true}]}}}}`)})
	if v := view(m); !strings.Contains(v, "✓ 3 reach the handler") {
		t.Errorf("filtering on the N string should let the shipped orders through:\n%s", v)
	}
	m, _ = m.Update(EditedMsg{Policy: []byte(`{"eventName": ["INSERT"]}`)})
	if v := view(m); !strings.Contains(v, `Note: AWS documents DynamoDB mappings as filtering only on "dynamodb"; "eventName" is outside it`) {
		t.Errorf("a key outside the documented one should be flagged:\n%s", v)
	}
}

func TestTabDoesNothingForMappings(t *testing.T) {
	m := newLab(t, "sqs", 100, 30)
	before := view(m)
	if after := view(press(m, tea.KeyPressMsg{Code: tea.KeyTab})); after != before {
		t.Errorf("tab changed an SQS lab:\n%s", after)
	}
}

func TestBackCloses(t *testing.T) {
	for _, k := range []tea.KeyPressMsg{{Code: 'q', Text: "q"}, {Code: tea.KeyEscape}} {
		m, _ := newLab(t, "sns", 100, 30).Update(k)
		if _, ok := m.TakeIntent().(common.CloseMsg); !ok {
			t.Errorf("%s should close the lab", k)
		}
	}
	if _, cmd := newLab(t, "sns", 100, 30).Update(tea.KeyPressMsg{Code: 'e', Text: "e"}); cmd == nil {
		t.Error("e should open the editor")
	}
}

func TestFitsAndNeverPanics(t *testing.T) {
	for _, src := range []string{"sns", "sqs", "kinesis", "dynamodb"} {
		m := newLab(t, src, 100, 30)
		if n := len(strings.Split(m.View(), "\n")); n > 30 {
			t.Errorf("%s: %d lines at 100x30", src, n)
		}
		step := 1 // every size for SNS, a sample of them for the others
		if src != "sns" {
			step = 4
		}
		for w := 0; w <= 60; w += step {
			for h := 0; h <= 20; h++ {
				c := common.New()
				c.Width, c.Height = w, h
				m.SetCommon(c)
				m = press(m, tea.KeyPressMsg{Code: tea.KeyDown})
				v := m.View()
				lines := strings.Split(v, "\n")
				if v != "" && len(lines) > h {
					t.Fatalf("%s %dx%d: %d lines", src, w, h, len(lines))
				}
				for _, l := range lines {
					if ansi.StringWidth(l) > max(w, 1) {
						t.Fatalf("%s %dx%d: line wider than the window: %q", src, w, h, ansi.Strip(l))
					}
				}
			}
		}
	}
}

// TestSampleNotesHideOnceThePolicyChanged: a sample's note describes the
// lab's own policy; after an edit it could contradict the verdict, so it
// is hidden (and shown again when the policy is back, spacing aside).
func TestSampleNotesHideOnceThePolicyChanged(t *testing.T) {
	m := newLab(t, "sqs", 80, 30)
	note := m.samples[0].Note
	if note == "" || !strings.Contains(strings.Join(strings.Fields(view(m)), " "), note) {
		t.Fatalf("the first sample's note %q is not shown:\n%s", note, view(m))
	}
	start := m.policy
	m, _ = m.Update(EditedMsg{Policy: []byte(`{"body": {"type": ["refund"]}}`)})
	if v := strings.Join(strings.Fields(view(m)), " "); strings.Contains(v, note) || !strings.Contains(v, "note is about the lab's own policy") {
		t.Errorf("after an edit the note is still shown:\n%s", view(m))
	}
	m, _ = m.Update(EditedMsg{Policy: []byte(" " + string(start) + "\n")})
	if !strings.Contains(strings.Join(strings.Fields(view(m)), " "), note) {
		t.Errorf("the policy is the lab's own again, but the note is hidden:\n%s", view(m))
	}
}

// An EventBridge lab matches the rule's pattern against the whole event and
// says so in its own words.
func TestRulePatternLab(t *testing.T) {
	v := view(newLab(t, "eventbridge", 220, 30))
	for _, w := range []string{"EventBridge rule event pattern", "✓ 3 sent to the targets", "✗ 4 matched by no rule", "whole event"} {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
	// Every sample is an event as EventBridge delivers it: it decodes strictly.
	for _, smp := range builtinCourse(t).FilterLab(source.EventBridge).Samples {
		if err := sandbox.DecodeStrict(source.EventBridge, smp.Record); err != nil {
			t.Errorf("sample %q: %v", smp.Name, err)
		}
	}
	checkRows(t, v, want{
		"order of 250 in eu-west-1":  "",
		"from com.example.orders.eu": "",
		"placed in us-east-1":        `key "region"`,
		"total as a string":          `key "detail.total": wanted numeric >= 100, got "250.00"`,
		"order of exactly 100":       "",
	})
}
