package sandbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tutor-dev/tutor/assets/source"
)

func TestBuiltinEventsCoverEverySource(t *testing.T) {
	evs, err := BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range source.All() {
		names := map[string]bool{}
		for _, e := range evs.ForSource(src) {
			names[e.Name] = true
			payload, err := evs.Load(e.Name)
			if err != nil {
				t.Fatal(err)
			}
			// Strict: a field the aws-lambda-go type lacks is an error.
			if err := DecodeStrict(src, payload); err != nil {
				t.Errorf("%s does not decode strictly into %s: %v", e.Name, src.EventType(), err)
			}
		}
		for _, want := range []string{string(src) + "-ok", string(src) + "-fail"} {
			if !names[want] {
				t.Errorf("source %s has no event %s", src, want)
			}
		}
	}
}

func TestLoadEventsRejectsBadTrees(t *testing.T) {
	okSQS := &fstest.MapFile{Data: []byte(`{"Records": [{"messageId": "m1", "body": "{}"}]}`)}
	tests := []struct {
		name string
		fsys fstest.MapFS
		want string // substring of the error; "" for success
	}{
		{"valid", fstest.MapFS{"sqs/sqs-x.json": okSQS}, ""},
		{"unknown field", fstest.MapFS{"sqs/sqs-x.json": {Data: []byte(`{"Records": [{"messageId": "m1", "priority": 1}]}`)}},
			`events/sqs/sqs-x.json: not a valid events.SQSEvent event: json: unknown field "priority"`},
		{"wrong type", fstest.MapFS{"sqs/sqs-x.json": {Data: []byte(`{"Records": [{"body": 3}]}`)}},
			"events/sqs/sqs-x.json:1: not a valid events.SQSEvent event: json: cannot unmarshal number"},
		{"not JSON", fstest.MapFS{"s3/s3-x.json": {Data: []byte(`{"Records": [}`)}}, "events/s3/s3-x.json:1: not a valid events.S3Event event: invalid character"},
		{"two values", fstest.MapFS{"s3/s3-x.json": {Data: []byte(`{} {}`)}}, "events/s3/s3-x.json: not a valid events.S3Event event: more than one JSON value"},
		{"unknown source", fstest.MapFS{"kafka/kafka-x.json": okSQS}, `events/kafka/kafka-x.json: unknown event source folder "kafka"`},
		{"name without source prefix", fstest.MapFS{"sqs/orders.json": okSQS}, `events/sqs/orders.json: event name "orders" must start with "sqs-"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := LoadEvents(tt.fsys, "events")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := evs.List(); len(got) != 1 || got[0] != (Event{Name: "sqs-x", Source: "sqs"}) {
					t.Errorf("List() = %+v", got)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestEventsLoadUnknownNamesTheKnownOnes(t *testing.T) {
	evs, err := BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	_, err = evs.Load("sqs-nope")
	if err == nil || !strings.Contains(err.Error(), `unknown event "sqs-nope"`) || !strings.Contains(err.Error(), "sqs-ok") {
		t.Errorf("error = %v", err)
	}
}

func TestReadEventFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.json", `{"Records": []}`)
	bad := write("bad.json", "{\n  \"Records\": [\n    oops\n  ]\n}")
	empty := write("empty.json", "  \n")
	tests := []struct {
		name, path, stdin, want, wantErr string
	}{
		{"file", good, "", `{"Records": []}`, ""},
		{"stdin", "-", `{"a": 1}`, `{"a": 1}`, ""},
		{"missing", filepath.Join(dir, "nope.json"), "", "", "event file " + filepath.Join(dir, "nope.json") + ": no such file"},
		{"not JSON", bad, "", "", "event file " + bad + ": not JSON: line 3: invalid character 'o'"},
		{"empty", empty, "", "", "event file " + empty + ": not JSON: the file is empty"},
		{"stdin not JSON", "-", "hello", "", "event file stdin: not JSON: line 1: invalid character 'h'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadEventFile(tt.path, strings.NewReader(tt.stdin))
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Errorf("error = %v, want prefix %q", err, tt.wantErr)
				}
				if err != nil && strings.Contains(err.Error(), "\n") {
					t.Errorf("error spans lines: %q", err)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Errorf("got %q, %v", got, err)
			}
		})
	}
}

func TestEventsOrder(t *testing.T) {
	evs, err := BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range evs.ForSource("apigateway") {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, " "); got != "apigateway-ok apigateway-fail apigateway-create apigateway-missing" {
		t.Errorf("apigateway events in order %s", got)
	}
	if first := evs.List()[0]; first.Source != "apigateway" {
		t.Errorf("first event %+v, want the first source's", first)
	}
}
