package classsync

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// fakeStore counts what it is asked to apply.
type fakeStore struct{ applied int }

func (f *fakeStore) SyncState(context.Context, string, string) (progress.SyncState, error) {
	return progress.SyncState{}, nil
}

func (f *fakeStore) ApplySync(_ context.Context, _ string, b progress.SyncBatch) (progress.SyncState, progress.SyncCounts, error) {
	f.applied += len(b.Answers)
	return progress.SyncState{}, progress.SyncCounts{Answers: len(b.Answers)}, nil
}

// A client that speaks wrongly gets one line and the channel ends; the
// store is never touched.
func TestServeRefusesBadInput(t *testing.T) {
	ok := hello{Version: Version, Origin: "abc"}
	huge := make([]byte, 4)
	binary.BigEndian.PutUint32(huge, maxFrame+1)
	at := time.Now()
	for _, tc := range []struct {
		name   string
		frames []any // hello, then requests; []byte is written raw
		want   string
	}{
		{"old version", []any{hello{Version: 0, Origin: "abc"}}, "version"},
		{"bad origin", []any{hello{Version: Version, Origin: "../x"}}, "origin"},
		{"not JSON", []any{[]byte("\x00\x00\x00\x03{x}")}, "not a class sync message"},
		{"too big", []any{huge}, "at most"},
		{"other origin", []any{ok, request{Batch: progress.SyncBatch{Origin: "def"}}}, "origin"},
		{"bad batch", []any{ok, request{Batch: progress.SyncBatch{Origin: "abc", Answers: []progress.SyncAnswer{{ID: 0, Item: "i", At: at}}}}}, "batch refused"},
		{"cut short", []any{[]byte("\x00\x00\x00\x10{")}, "unexpected EOF"},
		{"name to a store without names", []any{ok, request{Name: "Ana"}}, "does not take names"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, cli := net.Pipe()
			st := &fakeStore{}
			done := make(chan error, 1)
			go func() { done <- Serve(context.Background(), srv, st, "SHA256:x", nil); srv.Close() }()
			go func() {
				for _, f := range tc.frames {
					if raw, isRaw := f.([]byte); isRaw {
						cli.Write(raw)
					} else {
						writeFrame(cli, f)
					}
				}
				if _, isRaw := tc.frames[len(tc.frames)-1].([]byte); isRaw {
					cli.(interface{ Close() error }).Close()
				}
			}()
			var last reply
			for {
				var r reply
				if err := readFrame(cli, &r); err != nil {
					break
				}
				last = r
			}
			err := <-done
			if err == nil || !strings.Contains(last.Error+err.Error(), tc.want) || strings.Contains(last.Error, "\n") || st.applied != 0 {
				t.Fatalf("Serve: %v; last reply %+v; applied %d", err, last, st.applied)
			}
		})
	}
}

// nameStore is a fakeStore that keeps names.
type nameStore struct {
	fakeStore
	names map[string]string
}

func (n *nameStore) Name(_ context.Context, learner string) (string, error) {
	return n.names[learner], nil
}

func (n *nameStore) Apply(_ context.Context, learner string, c progress.Change) error {
	n.names[learner] = c.(progress.SetName).Name
	return nil
}

// A store that keeps names offers them in the answer to hello, stores a
// clean name once, and refuses a name CleanName refuses, in one line.
func TestServeNames(t *testing.T) {
	st := &nameStore{names: map[string]string{}}
	srv, cli := net.Pipe()
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), srv, st, "SHA256:x", nil); srv.Close() }()
	send := func(v any) reply {
		t.Helper()
		go writeFrame(cli, v)
		var r reply
		if err := readFrame(cli, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := send(hello{Version: Version, Origin: "abc"}); !r.Names || r.Name != "" || r.Learner != "SHA256:x" {
		t.Fatalf("answer to hello %+v", r)
	}
	if r := send(request{Name: "  Bo  "}); r.Name != "Bo" || r.Error != "" || st.names["SHA256:x"] != "Bo" {
		t.Fatalf("naming: %+v, stored %q", r, st.names["SHA256:x"])
	}
	if r := send(request{Name: "Other"}); r.Name != "Bo" || st.names["SHA256:x"] != "Bo" {
		t.Fatalf("renamed: %+v, stored %q", r, st.names["SHA256:x"])
	}
	r := send(request{Name: "Bad\x07name"})
	if !strings.Contains(r.Error, "name refused") || strings.Contains(r.Error, "\n") || r.Retry {
		t.Fatalf("a bad name: %+v", r)
	}
	if err := <-done; err == nil {
		t.Fatal("Serve went on after refusing")
	}
}

func TestFrameRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	b := progress.SyncBatch{Origin: "o", Answers: []progress.SyncAnswer{{ID: 1, Item: "i", At: time.Unix(5, 0).UTC(), Picked: nil}, {ID: 2, Item: "j", At: time.Unix(6, 0).UTC(), Picked: []string{}}}}
	if err := writeFrame(&buf, request{Batch: b}); err != nil {
		t.Fatal(err)
	}
	var got request
	if err := readFrame(&buf, &got); err != nil {
		t.Fatal(err)
	}
	if got.Batch.Answers[0].Picked != nil || got.Batch.Answers[1].Picked == nil {
		t.Fatalf("picks not kept apart (unknown vs skip): %+v", got.Batch.Answers)
	}
	if err := readFrame(&buf, &got); err != io.EOF {
		t.Fatalf("after the last frame: %v, want io.EOF", err)
	}
}

func TestDescribe(t *testing.T) {
	for n, want := range map[progress.SyncCounts]string{
		{}:                                  "nothing new",
		{Answers: 3, Lessons: 1}:            "3 answers, 1 lesson",
		{Answers: 1, Checks: 2, Lessons: 2}: "1 answer, 2 exercise checks, 2 lessons",
	} {
		if got := Describe(n); got != want {
			t.Errorf("Describe(%+v) = %q, want %q", n, got, want)
		}
	}
}
