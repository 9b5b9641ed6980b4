package runtimeapi

import (
	"regexp"
	"testing"
	"time"
)

func TestIDs(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	trace := regexp.MustCompile(`^Root=1-6553f100-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$`)
	seen := map[string]bool{}
	for range 1000 {
		id := newRequestID()
		if !uuid.MatchString(id) || seen[id] {
			t.Fatalf("request ID %q (repeated: %v)", id, seen[id])
		}
		seen[id] = true
	}
	if tr := newTraceID(time.Unix(0x6553f100, 0)); !trace.MatchString(tr) {
		t.Errorf("trace ID %q", tr)
	}
}

func TestFunctionNameFrom(t *testing.T) {
	tests := map[string]string{
		"./bootstrap":        "bootstrap",
		"/x/my handler.bin":  "my-handler",
		"/x/orders_v2":       "orders_v2",
		"/":                  "function",
		"/x/ünïcode-handler": "-n-code-handler",
	}
	for in, want := range tests {
		if got := functionNameFrom(in); got != want {
			t.Errorf("functionNameFrom(%q) = %q, want %q", in, got, want)
		}
	}
}
