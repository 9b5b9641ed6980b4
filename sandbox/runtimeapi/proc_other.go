//go:build !unix

package runtimeapi

import "os/exec"

func isolate(*exec.Cmd) {}

// AdoptOrphans does nothing here.
func AdoptOrphans() {}

func startWatchdog() {}

func killGroup(cmd *exec.Cmd, _ string, _ bool) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
