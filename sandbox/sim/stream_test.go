package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"unsafe"
)

// WriteJSON writes exactly what encoding the whole Result wrote (the
// README's shape), for every example, cut or full, and when its timeline
// spills to a temporary file.
func TestWriteJSONEqualsResult(t *testing.T) {
	old := spoolMemory
	defer func() { spoolMemory = old }()
	check := func(name string, sc *Scenario, opt Options) {
		t.Helper()
		res, err := Run(context.Background(), sc, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(res); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(context.Background(), &got, sc, opt); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s %+v: streamed JSON differs\n got %.600s\nwant %.600s", name, opt, got.String(), want.String())
		}
	}
	for _, c := range scenarioCases {
		sc, err := LoadFile("testdata/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		check(c.file, sc, Options{})
		check(c.file, sc, Options{Limit: 2})
	}
	sc := Default("sqs")
	sc.Behaviour = &Behaviour{Rules: []Rule{{Match: Match{Contains: "7"}, Result: ResultReport}}}
	sc.Mapping.ReportBatchItemFailures = true
	sc.Queue.DeadLetterQueue = true
	sc.Records = []Record{{ID: `q"<&>é`, Body: "7"}}
	sc.Generate = &Generate{Count: 3000, Body: `{"n": {{.N}}}`}
	spoolMemory = 4096 // spill to a file after a few entries
	check("generated", &sc, Options{Full: true})
	check("generated, cut", &sc, Options{Limit: 100})
}

// A record's run state stays small: ten million of them are held at once.
func TestRecSize(t *testing.T) {
	if n := unsafe.Sizeof(rec{}); n > 32 {
		t.Errorf("rec is %d bytes, want at most 32", n)
	}
}
