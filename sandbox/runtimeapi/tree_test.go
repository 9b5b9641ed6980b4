//go:build linux

package runtimeapi

import (
	"context"
	"encoding/json"
	"testing"
	"time"
)

// Item 12: a handler's child in a session of its own (setsid) does not
// outlive the run, nor the pool.
func TestSetsidChildDoesNotSurvive(t *testing.T) {
	res, err := Run(context.Background(), Config{Bin: handlerBin}, []byte(`{"mode":"spawn"}`))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		ChildPID int `json:"childPid"`
	}
	if err := json.Unmarshal(res.Response, &r); err != nil || r.ChildPID == 0 {
		t.Fatalf("response %s: %v", res.Response, err)
	}
	checkGoneSoon(t, r.ChildPID)

	p, err := NewPool(Config{Bin: handlerBin}, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Invoke(context.Background(), "", []byte(`{"mode":"spawn"}`))
	p.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out.Body, &r); err != nil || r.ChildPID == 0 {
		t.Fatalf("response %s: %v", out.Body, err)
	}
	checkGoneSoon(t, r.ChildPID)
}

// checkGoneSoon allows init a moment to reap a killed orphan.
func checkGoneSoon(t *testing.T, pid int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); alive(pid) && !zombie(pid); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Errorf("process %d outlived its copy", pid)
			return
		}
	}
}

func zombie(pid int) bool {
	for _, p := range scanProcs() {
		if p.pid == pid {
			return p.zombie
		}
	}
	return false
}
