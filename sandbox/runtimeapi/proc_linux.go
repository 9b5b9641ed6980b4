//go:build linux

package runtimeapi

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// On Linux a handler cannot leave anything behind, whatever it does:
//
//   - every copy and everything it starts carries copyEnv=<its token> in its
//     environment, so a descendant is found even after it left the process
//     group and session (setsid) and its parent died; killTree kills the
//     copy's descendants (by parent, through /proc) and every process with
//     the token, round after round until none is left;
//   - AdoptOrphans makes tutor a child subreaper, so such orphans become
//     tutor's children rather than init's, and are reaped by it;
//   - Pdeathsig kills a copy when tutor dies without a chance to clean up
//     (kill -9), and a watchdog (tutor itself, re-executed) that waits for
//     tutor's end on a pipe then kills every process with tutor's tokens.

// setDeathSignal makes the kernel kill the child if tutor itself dies
// without a chance to clean up (SIGKILL, crash).
func setDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }

const prSetChildSubreaper = 36 // PR_SET_CHILD_SUBREAPER, linux/prctl.h

var subreaper bool

// AdoptOrphans makes this process the child subreaper of everything it
// starts: a handler's orphaned descendants become its children, not init's,
// and are reaped when their copy is stopped. Call it once, early, from a
// program whose only children are the copies (tutor's sandbox commands).
func AdoptOrphans() {
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); e == 0 {
		subreaper = true
	}
}

func init() {
	if prefix := os.Getenv(watchdogEnv); prefix != "" {
		runWatchdog(prefix)
		os.Exit(0)
	}
}

const watchdogEnv = "TUTOR_SANDBOX_WATCHDOG"

var watchdogOnce sync.Once

// startWatchdog starts, once per process, a copy of this executable that
// reads its standard input until tutor's end (the pipe's only writer is
// tutor) and then kills every process carrying one of tutor's tokens.
func startWatchdog() {
	watchdogOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		r, w, err := os.Pipe()
		if err != nil {
			return
		}
		cmd := exec.Command(exe)
		cmd.Env = []string{watchdogEnv + "=" + runToken() + "."}
		cmd.Stdin = r
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			r.Close()
			w.Close()
			return
		}
		r.Close()
		watchdogPipe = w // kept open until this process ends
		go func() { _ = cmd.Wait() }()
	})
}

var watchdogPipe *os.File

func runWatchdog(prefix string) {
	_, _ = io.Copy(io.Discard, os.Stdin)
	killTree(0, prefix)
}

// killTree kills pid's descendants and every process whose environment
// holds copyEnv=<a token starting with token>, until none is left, then
// reaps those that had become this process's children. pid itself is
// killed too when it is > 0 (its own exec.Cmd reaps it).
func killTree(pid int, token string) {
	self := os.Getpid()
	mark := []byte(copyEnv + "=" + token)
	killed := map[int]bool{}
	for round := 0; round < 100; round++ {
		procs := scanProcs()
		kill := map[int]bool{}
		if pid > 0 {
			kill[pid] = true
			for changed := true; changed; { // descendants, by parent
				changed = false
				for _, p := range procs {
					if kill[p.ppid] && !kill[p.pid] {
						kill[p.pid], changed = true, true
					}
				}
			}
		}
		alive := 0
		for _, p := range procs {
			if p.pid == self || p.zombie {
				continue
			}
			if kill[p.pid] || hasToken(p.pid, mark) {
				alive++
				killed[p.pid] = true
				_ = syscall.Kill(p.pid, syscall.SIGKILL)
			}
		}
		if alive == 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	delete(killed, pid) // its exec.Cmd reaps it
	if subreaper {
		reapKilled(killed, self)
	}
}

// reapKilled waits for the killed processes that become (as orphans of a
// child subreaper) this process's children, until every one left has a
// parent outside the killed tree.
func reapKilled(killed map[int]bool, self int) {
	for i := 0; i < 500 && len(killed) > 0; i++ {
		waiting := false
		present := map[int]bool{}
		for _, p := range scanProcs() {
			if !killed[p.pid] {
				continue
			}
			present[p.pid] = true
			switch {
			case p.ppid == self && p.zombie:
				var ws syscall.WaitStatus
				_, _ = syscall.Wait4(p.pid, &ws, syscall.WNOHANG, nil)
			case p.ppid == self || killed[p.ppid]:
				waiting = true // dying, or its parent is: it will come to us
			}
		}
		for k := range killed {
			if !present[k] {
				delete(killed, k)
			}
		}
		if !waiting && len(killed) == 0 {
			return
		}
		if !waiting {
			// what is left belongs to someone else (init): not ours to reap
			allOutside := true
			for _, p := range scanProcs() {
				if killed[p.pid] && p.ppid == self {
					allOutside = false
				}
			}
			if allOutside {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
}

type procInfo struct {
	pid, ppid int
	zombie    bool
}

func scanProcs() []procInfo {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	procs := make([]procInfo, 0, len(entries))
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces, so split after ')'.
		rest := b[bytes.LastIndexByte(b, ')')+1:]
		f := bytes.Fields(rest)
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(string(f[1]))
		procs = append(procs, procInfo{pid: pid, ppid: ppid, zombie: f[0][0] == 'Z' || f[0][0] == 'X'})
	}
	return procs
}

func hasToken(pid int, mark []byte) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ")
	if err != nil {
		return false
	}
	for _, kv := range bytes.Split(b, []byte{0}) {
		if bytes.HasPrefix(kv, mark) {
			return true
		}
	}
	return false
}

// killGroup kills the copy's whole tree, however far it spread; reaped
// says the copy itself is gone (its PID may be someone else's by now), so
// only its group and its token are followed.
func killGroup(cmd *exec.Cmd, token string, reaped bool) {
	pid := 0
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		if !reaped { // still ours: walk its descendants too
			pid = cmd.Process.Pid
		}
	}
	killTree(pid, token)
}
