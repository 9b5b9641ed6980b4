//go:build unix && !linux

package runtimeapi

import "syscall"

func setDeathSignal(*syscall.SysProcAttr) {}
