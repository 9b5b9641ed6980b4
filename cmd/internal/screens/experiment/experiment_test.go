package experiment

import (
	"context"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// sources are the sources the built-in course has experiments for.
var sources = []string{"apigateway", "s3", "sns", "sqs", "kinesis", "dynamodb"}

// builtin is the built-in course, loaded once.
var builtin = sync.OnceValues(func() (*course.Course, error) { return course.LoadFS(course.Builtin(), "") })

// experimentOf is the built-in course's experiment of source, or nil.
func experimentOf(t testing.TB, src string) *course.Experiment {
	t.Helper()
	c, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	return c.ExperimentFor(source.Source(src))
}

func newExp(t testing.TB, source string, w, h int) Model {
	t.Helper()
	c := common.New()
	c.Width, c.Height = w, h
	return New(c, experimentOf(t, source), source, "Lesson "+source)
}

// do applies msg and feeds back the run it starts, if any.
func do(m Model, msg tea.Msg) Model {
	m, cmd := m.Update(msg)
	for cmd != nil {
		next := cmd()
		if _, ok := next.(resultMsg); !ok {
			return m
		}
		m, cmd = m.Update(next)
	}
	return m
}

func view(m Model) string { return ansi.Strip(m.View()) }

var (
	enter = tea.KeyPressMsg{Code: tea.KeyEnter}
	down  = tea.KeyPressMsg{Code: tea.KeyDown}
	right = tea.KeyPressMsg{Code: tea.KeyRight}
)

func press(s string) tea.KeyPressMsg {
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// selectKnob moves the cursor to the named knob.
func selectKnob(t *testing.T, m Model, name string) Model {
	t.Helper()
	for m.cursor > 0 {
		m = do(m, tea.KeyPressMsg{Code: tea.KeyUp})
	}
	for i := 0; i < len(m.knobs); i++ {
		if m.knobs[m.cursor].name == name {
			return m
		}
		m = do(m, down)
	}
	if m.knobs[m.cursor].name != name {
		t.Fatalf("no knob %q among %v", name, knobNames(m))
	}
	return m
}

func knobNames(m Model) []string {
	var out []string
	for _, k := range m.knobs {
		out = append(out, k.name)
	}
	return out
}

func record(t *testing.T, m Model, id string) sim.RecordResult {
	t.Helper()
	if m.result == nil {
		t.Fatal("no result")
	}
	r, ok := m.result.Records.Get(id)
	if !ok {
		t.Fatalf("no record %s in the result", id)
	}
	return r
}

// Each preset shows its lesson's point: these are the outcomes the
// simulator derives from the AWS rules for it.
func TestPresetRunsAndShowsSummary(t *testing.T) {
	tests := []struct {
		source string
		knobs  []string
		want   []string // in the stripped view after the run
	}{
		{"sqs", []string{"handler on poison", "poison fails", "batch_size", "maximum_batching_window", "report_batch_item_failures", "visibility_timeout", "max_receive_count", "dead_letter_queue", "reserved_concurrency"},
			[]string{"invocations 3", "retries 20", "to DLQ 10", "succeeded 0"}},
		{"kinesis", []string{"handler on poison", "poison fails", "batch_size", "maximum_batching_window", "report_batch_item_failures", "bisect_batch_on_function_error", "maximum_retry_attempts", "maximum_record_age", "parallelization_factor", "on_failure"},
			[]string{"invocations 3", "retries 2", "to on-failure 10", "succeeded 0"}},
		{"dynamodb", []string{"handler on poison", "poison fails", "batch_size", "maximum_batching_window", "report_batch_item_failures", "bisect_batch_on_function_error", "maximum_retry_attempts", "maximum_record_age", "parallelization_factor", "on_failure"},
			[]string{"dropped 6", "to on-failure 0", "succeeded 0", "simulated 1d"}},
		{"s3", []string{"poison fails", "maximum_retry_attempts", "maximum_event_age", "on_failure", "dead_letter_queue", "reserved_concurrency"},
			[]string{"invocations 4", "retries 2", "succeeded 1", "to on-failure 1", "Lambda retries in 1m", "Lambda retries in 2m"}},
		{"sns", []string{"poison fails", "maximum_retry_attempts", "maximum_event_age", "on_failure", "dead_letter_queue", "reserved_concurrency", "filter policies"},
			[]string{"orders: 4 invoked, 2 filtered out", "refunds: 1 invoked, 3 filtered out", "to DLQ 1", "succeeded 2"}},
		{"apigateway", []string{"integration_timeout", "function timeout", "slow request takes", "reserved_concurrency"},
			[]string{"ok → HTTP 200", "boom → HTTP 502", "garbled → HTTP 502", "slow → HTTP 504"}},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			m := newExp(t, tt.source, 100, 29)
			if got := strings.Join(knobNames(m), ","); got != strings.Join(tt.knobs, ",") {
				t.Errorf("knobs\n got %s\nwant %s", got, strings.Join(tt.knobs, ","))
			}
			if v := view(m); !strings.Contains(v, "Not run yet") || !strings.Contains(v, "?") {
				t.Fatalf("before a run the panel asks its question and waits:\n%s", v)
			}
			m = do(m, enter)
			v := view(m)
			for _, w := range append([]string{"Result:", "invocations", "Timeline (" + tt.source + "):"}, tt.want...) {
				if !strings.Contains(v, w) {
					t.Errorf("after a run the view lacks %q:\n%s", w, v)
				}
			}
			for _, k := range tt.knobs {
				if !strings.Contains(v, k) {
					t.Errorf("at 100x29 every knob shows; %q is missing:\n%s", k, v)
				}
			}
			if n := len(strings.Split(v, "\n")); n > 29 {
				t.Errorf("view has %d lines, more than the 29 it was given", n)
			}
			m = do(m, press("G"))
			if v := view(m); !m.vp.AtBottom() || !strings.Contains(v, "  - ") {
				t.Errorf("the end of the timeline shows the model's notes:\n%s", v)
			}
		})
	}
}

func TestReportBatchItemFailuresSparesGoodMessages(t *testing.T) {
	m := do(newExp(t, "sqs", 100, 29), enter)
	before := m.result.Metrics
	if r := record(t, m, "m1"); r.Deliveries != 3 || r.Outcome != "dlq" {
		t.Fatalf("without partial batch responses the good m1 fails with the batch: %+v", r)
	}
	m = selectKnob(t, m, "report_batch_item_failures")
	m = do(m, right)
	if h := m.knobs[0]; h.name != "handler on poison" || h.value() != reports {
		t.Fatalf("turning the setting on switches the handler to reporting, got %s = %s", h.name, h.value())
	}
	if v := view(m); !strings.Contains(v, "handler on poison: reports it") {
		t.Errorf("the switch is announced:\n%s", v)
	}
	m = do(m, enter)
	after := m.result.Metrics
	if after.Retries >= before.Retries || after.ToDLQ != 1 || after.Succeeded != 9 {
		t.Fatalf("with partial batch responses only m3 returns: before %+v, after %+v", before, after)
	}
	if r := record(t, m, "m1"); r.Deliveries != 1 || r.Outcome != "succeeded" {
		t.Errorf("m1 is delivered once and deleted: %+v", r)
	}
	if r := record(t, m, "m3"); r.Outcome != "dlq" {
		t.Errorf("m3 still ends in the DLQ: %+v", r)
	}
	if v := view(m); !strings.Contains(v, "to DLQ 1 (was 10)") {
		t.Errorf("the summary compares with the run before:\n%s", v)
	}

	// The trap: a handler that reports failures while the setting is off
	// has its whole batch deleted, the poison message included.
	m = do(m, right) // setting off, handler back to throwing
	m = selectKnob(t, m, "handler on poison")
	m = do(m, right)
	if m.knobs[0].value() != reports || m.knobs[4].value() != "off" {
		t.Fatalf("want a reporting handler with the setting off, got %s / %s", m.knobs[0].value(), m.knobs[4].value())
	}
	m = do(m, enter)
	if r := record(t, m, "m3"); r.Outcome != "succeeded" || m.result.Metrics.ToDLQ != 0 {
		t.Errorf("reported failures are ignored with the setting off, so m3 is deleted: %+v", r)
	}
}

func TestBatchSizeErrorIsShown(t *testing.T) {
	m := newExp(t, "sqs", 100, 29)
	m = selectKnob(t, m, "batch_size")
	for m.knobs[m.cursor].value() != "100" {
		m = do(m, right)
	}
	m = do(m, enter)
	if v := view(m); !strings.Contains(v, "Cannot run: mapping.maximum_batching_window") {
		t.Fatalf("an invalid combination says which setting to change:\n%s", v)
	}
	m = selectKnob(t, m, "maximum_batching_window")
	m = do(m, right)
	if m = do(m, enter); m.err != nil || m.result == nil {
		t.Fatalf("with a window the large batch runs: %v", m.err)
	}
}

func TestTimelineScrolls(t *testing.T) {
	m := do(newExp(t, "sqs", 100, 24), enter)
	first := "a poller receives 10 messages"
	if v := view(m); !strings.Contains(v, "Timeline (sqs):") {
		t.Fatalf("the timeline starts at the top:\n%s", v)
	}
	m = do(m, press("J"))
	if v := view(m); strings.Contains(v, "Timeline (sqs):") || !strings.Contains(v, first) {
		t.Fatalf("J scrolls one line:\n%s", v)
	}
	m = do(m, press("K"))
	m = do(m, tea.KeyPressMsg{Code: tea.KeyPgDown})
	if m.vp.YOffset() == 0 {
		t.Fatal("page down moves the timeline")
	}
	m = do(m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	m = do(m, press("g"))
	if m.vp.YOffset() != 0 {
		t.Fatal("g goes back to the top")
	}
	m = do(m, press("G"))
	if v := view(m); !m.vp.AtBottom() || !strings.Contains(v, "  - ") {
		t.Fatalf("G shows the end, the model's notes:\n%s", v)
	}
}

func TestSupersededRunIsDropped(t *testing.T) {
	m := newExp(t, "sqs", 100, 29)
	m, old := m.Update(enter)
	m = selectKnob(t, m, "report_batch_item_failures")
	m = do(m, right)
	m, latest := m.Update(enter)
	m, _ = m.Update(latest())
	m, _ = m.Update(old())
	if m.result.Metrics.ToDLQ != 1 {
		t.Fatalf("the older run's result replaced the newer one: %+v", m.result.Metrics)
	}
	if m.running {
		t.Error("still marked running")
	}
}

func TestKnobsChangeAndReset(t *testing.T) {
	m := do(newExp(t, "kinesis", 100, 29), enter)
	m = selectKnob(t, m, "bisect_batch_on_function_error")
	m = do(m, right)
	if v := view(m); !strings.Contains(v, "‹on›") || !strings.Contains(v, "settings changed") {
		t.Fatalf("the knob shows its new value and the result is marked stale:\n%s", v)
	}
	m = do(m, enter)
	if got := m.result.Metrics.ToOnFailure; got != 1 {
		t.Errorf("with bisect only the poison record goes to the on-failure destination, got %d", got)
	}
	m = do(m, tea.KeyPressMsg{Code: tea.KeyLeft})
	m = do(m, press("l"))
	m = do(m, press("p"))
	if m.knobs[5].value() != "off" || m.cursor != 0 {
		t.Errorf("p puts the knobs back at the preset: bisect %s, cursor %d", m.knobs[5].value(), m.cursor)
	}
}

func TestEveryKnobValueRuns(t *testing.T) {
	for _, source := range sources {
		m := newExp(t, source, 100, 29)
		for i := range m.knobs {
			for range m.knobs[i].opts {
				m.knobs[i].step(1)
				sc := m.Scenario()
				if _, err := sim.Run(context.Background(), &sc, sim.Options{}); err != nil && !(source == "sqs" && m.knobs[i].name == "batch_size") {
					t.Errorf("%s: %s = %s: %v", source, m.knobs[i].name, m.knobs[i].value(), err)
				}
			}
		}
	}
}

func TestBackCloses(t *testing.T) {
	for _, k := range []tea.KeyPressMsg{press("q"), {Code: tea.KeyEscape}} {
		m, _ := newExp(t, "sqs", 100, 29).Update(k)
		if _, ok := m.TakeIntent().(common.CloseMsg); !ok {
			t.Fatalf("%s should close the experiment", k)
		}
	}
}

func TestUnknownSourceSaysSo(t *testing.T) {
	m := do(newExp(t, "kafka", 80, 20), enter)
	if v := view(m); !strings.Contains(v, "no experiment for kafka") {
		t.Fatalf("an unknown source is named:\n%s", v)
	}
}

// TestLinkedKnobsSaySoInFull: turning report_batch_item_failures says in a
// whole sentence, not a clipped status, that it changed handler on poison
// and how to set any other mix.
func TestLinkedKnobsSaySoInFull(t *testing.T) {
	for _, sz := range [][2]int{{80, 23}, {200, 59}} {
		m := newExp(t, "sqs", sz[0], sz[1])
		m = selectKnob(t, m, "report_batch_item_failures")
		m = do(m, right)
		flat := strings.Join(strings.Fields(view(m)), " ")
		for _, want := range []string{`also set handler on poison to "reports it"`, "select handler on poison and change it."} {
			if !strings.Contains(flat, want) {
				t.Errorf("%dx%d: lacks %q:\n%s", sz[0], sz[1], want, view(m))
			}
		}
		if got := overflowOf(m.View(), sz[0], sz[1]); got != "" {
			t.Errorf("%dx%d: %s", sz[0], sz[1], got)
		}
	}
}

func overflowOf(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		return "too many lines"
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			return "a line too wide: " + ansi.Strip(l)
		}
	}
	return ""
}

// TestLessonPresetsRunAsWritten: the panels of the lessons on several
// sources or none run their preset as written: the knobs start at the
// preset's rule (a transient failure stays transient, a reporting handler
// reports), so the first run shows what the question asks about.
func TestLessonPresetsRunAsWritten(t *testing.T) {
	c, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	open := func(lesson string) Model {
		e := c.Experiment(lesson)
		if e == nil {
			t.Fatalf("%s has no experiment", lesson)
		}
		cm := common.New()
		cm.Width, cm.Height = 100, 29
		return do(New(cm, e, string(e.Source), lesson), enter)
	}
	m := open("best-practices")
	if r := record(t, m, "m1"); r.Deliveries != 2 || r.Outcome != "succeeded" {
		t.Errorf("best-practices: m1, which never failed, is delivered twice and succeeds: %+v", r)
	}
	m = open("concurrency")
	if r := record(t, m, "m1"); r.Deliveries != 0 || r.Outcome != "dlq" {
		t.Errorf("concurrency: with reserved concurrency 0, m1 never runs and reaches the DLQ: %+v", r)
	}
	m = open("event-sources")
	if r := record(t, m, "invoice"); r.Outcome != "on_failure" || r.Deliveries != 3 {
		t.Errorf("event-sources: the failing S3 event is tried 3 times, then goes to the on-failure destination: %+v", r)
	}
}

// The EventBridge panel runs its preset and shows the delivery counters.
func TestEventBridgeShowsDelivery(t *testing.T) {
	m := do(newExp(t, "eventbridge", 200, 60), enter)
	v := view(m)
	for _, w := range []string{"delivery failures 20", "to target DLQ 0", "target outage", "filtered 2"} {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}
