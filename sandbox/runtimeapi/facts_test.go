package runtimeapi

import (
	"strings"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/sandbox"
)

// TestLimitsMatchFacts keeps the limits enforced here and the facts the
// lessons cite from drifting apart.
func TestLimitsMatchFacts(t *testing.T) {
	reg, err := facts.Builtin()
	if err != nil {
		t.Fatalf("facts registry: %v", err)
	}
	for id, want := range map[string]string{
		"invoke.payload.sync":            "6 MB",
		"invoke.payload.too-large":       "RequestTooLargeException",
		"invoke.request.invalid-content": "InvalidRequestContentException",
		"lambda.init.limit":              "10 seconds",
		"logs.event.max-size":            "1 MB",
	} {
		if f, ok := reg.Get(id); !ok || !strings.Contains(f.Value, want) {
			t.Errorf("fact %s = %+v, want a value with %q", id, f, want)
		}
	}
	if sandbox.MaxSyncPayload != 6<<20 || InitLimit != 10*time.Second || sandbox.MaxLogLine != 1<<20 ||
		!strings.Contains(errTooLargeBody, "6291456") {
		t.Error("a limit constant changed: update the facts and this test together")
	}
}
