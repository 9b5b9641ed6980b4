package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// build compiles pkg (a package path of this module) into dir.
func build(ctx context.Context, dir, pkg, name string) (string, error) {
	out := filepath.Join(dir, name)
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build %s: %v: %s", pkg, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// proc is a server child process: tutor serve or barewish.
type proc struct {
	name string
	cmd  *exec.Cmd
	addr string // host:port it listens on

	mu     sync.Mutex
	stderr bytes.Buffer // its log, kept for a failure report
	exited chan struct{}
}

var listenLine = regexp.MustCompile(`(?:serving the course on|listening on) (\S+?)[;\s]`)

// startProc runs bin args and waits for the line saying where it listens.
func startProc(name, bin string, args, env []string) (*proc, error) {
	p := &proc{name: name, cmd: exec.Command(bin, args...), exited: make(chan struct{})}
	p.cmd.Env = append(os.Environ(), env...)
	// A server never outlives the load test, however it ends.
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	r, err := p.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			if p.stderr.Len() < 1<<20 {
				p.stderr.WriteString(line + "\n")
			}
			p.mu.Unlock()
			if m := listenLine.FindStringSubmatch(line + " "); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, r)
	}()
	go func() { _ = p.cmd.Wait(); close(p.exited) }()
	select {
	case p.addr = <-found:
		return p, nil
	case <-p.exited:
		return nil, fmt.Errorf("%s exited at start: %s", name, p.log())
	case <-time.After(60 * time.Second):
		p.kill()
		return nil, fmt.Errorf("%s did not say where it listens within 60s: %s", name, p.log())
	}
}

// log is the end of what the process wrote to standard error.
func (p *proc) log() string {
	s := strings.TrimSpace(p.fullLog())
	if len(s) > 2000 {
		s = "..." + s[len(s)-2000:]
	}
	return s
}

// fullLog is its standard error (the first MB).
func (p *proc) fullLog() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

// kill sends SIGKILL and waits for the exit.
func (p *proc) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.exited
}

// stop sends SIGTERM and waits up to limit, then kills.
func (p *proc) stop(limit time.Duration) error {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
		return nil
	case <-time.After(limit):
		p.kill()
		return fmt.Errorf("%s did not stop within %v of SIGTERM; killed", p.name, limit)
	}
}

// memory reads VmRSS and VmHWM (bytes) of the process.
func (p *proc) memory() (rss, hwm int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	return parseStatus(string(b))
}

// parseStatus finds VmRSS and VmHWM in a /proc/PID/status text.
func parseStatus(s string) (rss, hwm int64, err error) {
	for _, line := range strings.Split(s, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || (k != "VmRSS" && k != "VmHWM") {
			continue
		}
		f := strings.Fields(v)
		if len(f) != 2 || f[1] != "kB" {
			return 0, 0, fmt.Errorf("unexpected %s line %q", k, line)
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("unexpected %s line %q", k, line)
		}
		if k == "VmRSS" {
			rss = n * 1024
		} else {
			hwm = n * 1024
		}
	}
	if rss == 0 {
		return 0, 0, fmt.Errorf("no VmRSS line")
	}
	return rss, hwm, nil
}

// loopbackOnly refuses an address that is not a loopback one.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--listen %s: %v", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--listen %s: the load test runs on loopback only: use 127.0.0.1:PORT", addr)
	}
	return nil
}
