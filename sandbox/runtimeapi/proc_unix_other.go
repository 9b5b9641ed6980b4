//go:build unix && !linux

package runtimeapi

import (
	"os/exec"
	"syscall"
)

func setDeathSignal(*syscall.SysProcAttr) {}

// AdoptOrphans does nothing here: only Linux has child subreapers.
func AdoptOrphans() {}

func startWatchdog() {}

// killGroup kills the child's whole process group (a descendant that left
// the group with setsid is out of reach here; on Linux it is not).
func killGroup(cmd *exec.Cmd, _ string, _ bool) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Process.Kill()
}
