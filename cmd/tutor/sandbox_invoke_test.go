package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/handlers"
)

// sandboxInvokeCLI runs the command line with buffers and returns the exit code and
// the two streams.
func sandboxInvokeCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	g := &globals{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := run(g, args)
	return code, out.String(), errb.String()
}

func TestSandboxListJSON(t *testing.T) {
	code, out, stderr := sandboxInvokeCLI(t, "", "sandbox", "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var list struct {
		Handlers []struct {
			Name, Source, Description string
			Events                    []string
		}
		Events []struct{ Name, Source string }
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&list); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(list.Handlers) != len(handlers.All()) {
		t.Errorf("%d handlers, want %d", len(list.Handlers), len(handlers.All()))
	}
	bySource := map[string][]string{}
	for _, e := range list.Events {
		bySource[e.Source] = append(bySource[e.Source], e.Name)
	}
	for _, h := range list.Handlers {
		if h.Description == "" || strings.Join(h.Events, ",") != strings.Join(bySource[h.Source], ",") {
			t.Errorf("%s: events %v, want its source's %v", h.Name, h.Events, bySource[h.Source])
		}
	}
	for _, want := range []string{"sqs-ok", "sqs-fail", "apigateway-ok", "kinesis-fail"} {
		if !strings.Contains(out, `"name": "`+want+`"`) {
			t.Errorf("list lacks event %s", want)
		}
	}
}

func TestSandboxListHuman(t *testing.T) {
	code, out, _ := sandboxInvokeCLI(t, "", "sandbox", "list")
	if code != 0 || !strings.Contains(out, "sqs-partial") || !strings.Contains(out, "sqs-ok, sqs-fail") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestSandboxInvokeEveryHandlerOnEveryEvent is the issue's "every handler
// runs on every one of its events from tutor sandbox invoke --json with all
// the fields".
func TestSandboxInvokeEveryHandlerOnEveryEvent(t *testing.T) {
	evs, err := sandbox.BuiltinEvents()
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range handlers.All() {
		for _, ev := range evs.ForSource(h.Source) {
			t.Run(h.Name+"/"+ev.Name, func(t *testing.T) {
				code, out, stderr := sandboxInvokeCLI(t, "", "sandbox", "invoke", h.Name, "--event", ev.Name, "--json")
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				var m map[string]json.RawMessage
				if err := json.Unmarshal([]byte(out), &m); err != nil {
					t.Fatalf("%v in %s", err, out)
				}
				for _, k := range []string{"requestId", "handler", "event", "response", "error", "durationMs", "billedDurationMs", "logs"} {
					if _, ok := m[k]; !ok {
						t.Errorf("no %q in %s", k, out)
					}
				}
				failed := string(m["error"]) != "null"
				// sqs-partial reports the failed message in its response,
				// sns-attributes sets a malformed notification aside and
				// functionurl-feedback answers a bad request 400: none
				// returns an error for its -fail event.
				if wantFail := strings.HasSuffix(ev.Name, "-fail") && h.Name != "sqs-partial" && h.Name != "sns-attributes" && h.Name != "functionurl-feedback"; failed != wantFail {
					t.Errorf("error = %s, want an error: %v", m["error"], wantFail)
				}
				if string(m["handler"]) != `"`+h.Name+`"` {
					t.Errorf("handler = %s", m["handler"])
				}
			})
		}
	}
}

func TestSandboxInvoke(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	mismatch := write("mismatch.json", `{"Records": {"messageId": "m"}}`)
	notJSON := write("bad.json", "Records: []\n")
	missing := filepath.Join(dir, "missing.json")
	sqsOne := `{"Records": [{"messageId": "m-1", "body": "{\"orderId\": \"o-1\", \"quantity\": 1}"}]}`

	tests := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		stdout  []string // substrings
		stderr  string   // substring; "" means stderr must be empty
		oneLine bool     // stderr must be one line
	}{
		{"default event is <source>-ok", "", []string{"sqs-batch"}, 0,
			[]string{"Response:\nnull", "START RequestId: ", "message 059f36b4-87a3-44ab-83d2-661975830a7d: order ord-1001", "END RequestId: ", "REPORT RequestId: ", "Billed Duration: ", "Memory Size: 128 MB"}, "", false},
		{"handler error is exit 0", "", []string{"sqs-batch", "--event", "sqs-fail"}, 0,
			[]string{"Error:\n{\n  \"errorType\": \"wrapError\",", "message 4c1d0a2f-6b8e-4f3c-9d7a-2e0b1f5c8d34: invalid order message"}, "", false},
		{"json error", "", []string{"dynamodb-stream", "--event", "dynamodb-fail", "--json"}, 0,
			[]string{`"errorType": "wrapError"`, `"response": null`, `"record 5d0e7f3a6b2c8d9e0f1a2b3c4d5e6f7a (INSERT)`}, "", false},
		{"event from stdin", sqsOne, []string{"sqs-partial", "--event-file", "-", "--json"}, 0,
			[]string{`"response": {`, `"batchItemFailures": []`, `"error": null`, `"messageId": "m-1"`}, "", false},
		{"event that does not fit the handler", "", []string{"sqs-batch", "--event-file", mismatch, "--json"}, 0,
			[]string{`"errorType": "UnmarshalTypeError"`, "cannot unmarshal object into Go struct field SQSEvent.Records of type []events.SQSMessage"}, "", false},
		{"timeout flag", "", []string{"sqs-batch", "--timeout", "250ms"}, 0, []string{"REPORT RequestId: "}, "", false},
		{"unknown handler", "", []string{"sqs-nope"}, 1, nil,
			`tutor: unknown handler "sqs-nope" (known: apigateway-orders, dynamodb-stream, eventbridge-orders, functionurl-feedback, kinesis-decode, s3-object-logger, sns-attributes, sqs-batch, sqs-partial)`, true},
		{"unknown event", "", []string{"sqs-batch", "--event", "sqs-nope"}, 1, nil, `tutor: unknown event "sqs-nope" (known: `, true},
		{"missing event file", "", []string{"sqs-batch", "--event-file", missing}, 1, nil, "tutor: event file " + missing + ": no such file", true},
		{"event file not JSON", "", []string{"sqs-batch", "--event-file", notJSON}, 1, nil, "tutor: event file " + notJSON + ": not JSON: line 1:", true},
		{"stdin not JSON", "nope", []string{"sqs-batch", "--event-file", "-"}, 1, nil, "tutor: event file stdin: not JSON", true},
		{"both event flags", "", []string{"sqs-batch", "--event", "sqs-ok", "--event-file", notJSON}, 2, nil, "tutor: use --event or --event-file, not both", true},
		{"no handler", "", nil, 2, nil, "want exactly one HANDLER, got 0 arguments", false},
		{"bad timeout", "", []string{"sqs-batch", "--timeout", "0s"}, 2, nil, "--timeout 0s: want a duration above 0", true},
		{"timeout too long", "", []string{"sqs-batch", "--timeout", "16m"}, 2, nil, "at most 15m", true},
		{"unparsable timeout", "", []string{"sqs-batch", "--timeout", "soon"}, 2, nil, "invalid argument \"soon\"", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := sandboxInvokeCLI(t, tt.stdin, append([]string{"sandbox", "invoke"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			switch {
			case tt.stderr == "" && stderr != "":
				t.Errorf("stderr = %q, want none", stderr)
			case !strings.Contains(stderr, tt.stderr):
				t.Errorf("stderr = %q, want %q", stderr, tt.stderr)
			case tt.oneLine && strings.Count(stderr, "\n") != 1:
				t.Errorf("stderr is not one line: %q", stderr)
			}
		})
	}
}

func TestSandboxInvokeHelp(t *testing.T) {
	code, out, _ := sandboxInvokeCLI(t, "", "sandbox", "invoke", "--help")
	for _, want := range []string{"--event NAME", "--event-file PATH", "--timeout D", "--json", "Examples:", "tutor sandbox invoke sqs-partial --event sqs-fail", "exit 0"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help (exit %d) lacks %q:\n%s", code, want, out)
		}
	}
}
