package lab

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/handlers"
)

func newLab(t *testing.T) Model {
	t.Helper()
	evs, err := sandbox.BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	h, ok := handlers.Get("sqs-partial")
	if !ok {
		t.Fatal("no sqs-partial handler")
	}
	var runs []Run
	for _, name := range []string{"sqs-ok", "sqs-fail"} {
		p, err := evs.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, Run{Handler: h, Event: name, Payload: p})
	}
	c := common.New()
	c.Width, c.Height = 100, 29
	return New(c, "Amazon SQS", runs)
}

// do applies msg and runs the commands it returns (not editors), feeding
// the results back.
func do(m Model, msg tea.Msg) Model {
	m, cmd := m.Update(msg)
	for cmd != nil {
		next := cmd()
		if _, ok := next.(resultMsg); !ok {
			if _, ok := next.(EditedMsg); !ok {
				return m
			}
		}
		m, cmd = m.Update(next)
	}
	return m
}

func view(m Model) string { return ansi.Strip(m.View()) }

func TestLabRunsHandlerAndShowsLambdaReport(t *testing.T) {
	m := newLab(t)
	if v := view(m); !strings.Contains(v, "sqs-partial on sqs-ok") || !strings.Contains(v, "func ProcessPartial") {
		t.Fatalf("lab should list runs and show the handler code:\n%s", v)
	}
	m = do(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	v := view(m)
	for _, want := range []string{"[result]", "Response:", "REPORT RequestId:", "Billed Duration:", "  ok"} {
		if !strings.Contains(v, want) {
			t.Errorf("after a run the view lacks %q:\n%s", want, v)
		}
	}
}

func TestLabShowsReportedFailures(t *testing.T) {
	m := newLab(t)
	m = do(m, tea.KeyPressMsg{Code: tea.KeyDown})
	m = do(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if v := view(m); !strings.Contains(v, "batchItemFailures") {
		t.Fatalf("the partial-batch handler's response should list failures:\n%s", v)
	}
}

func TestLabPanesAndBack(t *testing.T) {
	m := newLab(t)
	m = do(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if v := view(m); !strings.Contains(v, "[event]") || !strings.Contains(v, `"Records"`) {
		t.Fatalf("tab should show the event JSON:\n%s", v)
	}
	m = do(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if v := view(m); !strings.Contains(v, "Not run yet") {
		t.Fatalf("result pane before a run:\n%s", v)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if _, ok := m.TakeIntent().(common.CloseMsg); !ok {
		t.Fatal("q should close the lab")
	}
}

func TestLabEditedEvent(t *testing.T) {
	m := newLab(t)
	m = do(m, EditedMsg{Index: 0, Payload: []byte(`{"Records": 5}`)})
	if v := view(m); !strings.Contains(v, "UnmarshalTypeError") {
		t.Fatalf("an event that does not fit SQSEvent should fail with UnmarshalTypeError:\n%s", v)
	}
	m = do(m, EditedMsg{Index: 0, Err: errString("the edited event is not JSON")})
	if v := view(m); !strings.Contains(v, "not JSON") {
		t.Fatalf("an edit error should be shown:\n%s", v)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestLabTinySizesNeverPanic(t *testing.T) {
	m := newLab(t)
	for w := 0; w < 60; w += 7 {
		for h := 0; h < 20; h += 3 {
			c := common.New()
			c.Width, c.Height = w, h
			m.SetCommon(c)
			_ = m.View()
		}
	}
}

func TestEditedChecksJSON(t *testing.T) {
	if m := edited(1, []byte(`{"Records": []}`), nil); m.Err != nil || m.Index != 1 {
		t.Fatalf("%+v", m)
	}
	if m := edited(0, []byte(`{"Records": [`), nil); m.Err == nil || !strings.Contains(m.Err.Error(), "not JSON") {
		t.Fatalf("%+v", m)
	}
	if m := edited(0, nil, errString(`editor "nope" failed`)); m.Err == nil || !strings.Contains(m.Err.Error(), "unchanged") {
		t.Fatalf("%+v", m)
	}
}

// TestInvalidEditKeepsTheLearnersText: an edit that is not JSON is kept
// with the whole error (line and column), shown in the event pane, and is
// what e reopens; a valid edit replaces it.
func TestInvalidEditKeepsTheLearnersText(t *testing.T) {
	m := newLab(t)
	bad := []byte("{\n  \"Records\": [\n    {\"body\": \"hi\",}\n  ]\n}\n")
	m = do(m, edited(0, bad, nil))
	v := view(m)
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{"line 3, column 19", "your text is kept", `{"body": "hi",}`} {
		if !strings.Contains(flat, want) {
			t.Errorf("the event pane lacks %q:\n%s", want, v)
		}
	}
	if d, ok := m.drafts[0]; !ok || string(d.text) != string(bad) {
		t.Fatalf("the draft is not kept: %+v", m.drafts)
	}
	m = do(m, EditedMsg{Index: 0, Payload: []byte(`{"Records": []}`)})
	if _, ok := m.drafts[0]; ok {
		t.Error("a valid edit leaves the old draft")
	}
}
