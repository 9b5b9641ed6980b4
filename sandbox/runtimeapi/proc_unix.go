//go:build unix

package runtimeapi

import (
	"os/exec"
	"syscall"
)

// isolate puts the child in its own process group, so killing the group also
// kills anything the handler started, and a ctrl+c in the terminal reaches
// tutor (which then kills the group) rather than the handler directly.
func isolate(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	setDeathSignal(cmd.SysProcAttr)
}
