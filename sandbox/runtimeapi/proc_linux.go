//go:build linux

package runtimeapi

import "syscall"

// setDeathSignal makes the kernel kill the child if tutor itself dies
// without a chance to clean up (SIGKILL, crash).
func setDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
