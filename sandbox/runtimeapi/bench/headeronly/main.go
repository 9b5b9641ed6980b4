// Command headeronly measures what `tutor sandbox emulate` holds while many
// clients send request headers declaring a large body and then nothing (issue
// 10, item 8). It starts tutor on loopback, opens -n such connections at
// once, samples tutor's resident memory while they stay open for -hold, then
// closes them, waits -settle and samples again. Loopback only, bounded.
//
//	go build -o /tmp/tutor ./cmd/tutor
//	go build -o /tmp/bootstrap ./sandbox/runtimeapi/testdata/handler   # (cd there; GOFLAGS=-mod=mod)
//	go run ./sandbox/runtimeapi/bench/headeronly -tutor /tmp/tutor -handler /tmp/bootstrap
package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func main() {
	tutor := flag.String("tutor", "", "the tutor binary to measure")
	handler := flag.String("handler", "", "a compiled handler for emulate to serve")
	n := flag.Int("n", 500, "connections (at most 2000)")
	size := flag.Int("size", 6<<20, "the Content-Length each declares")
	hold := flag.Duration("hold", 5*time.Second, "how long the connections stay open, sending nothing")
	settle := flag.Duration("settle", 3*time.Second, "how long to wait after closing them")
	noread := flag.Int("noread", 0, "instead: send whole requests for responses of this many bytes and never read them")
	flag.Parse()
	if *tutor == "" || *handler == "" || *n < 1 || *n > 2000 || *hold > time.Minute {
		fmt.Fprintln(os.Stderr, "usage: headeronly -tutor BIN -handler BIN [-n 1..2000] [-size BYTES] [-hold D<=1m]")
		os.Exit(2)
	}
	cmd := exec.Command(*tutor, "sandbox", "emulate", "--bin", *handler, "--listen", "127.0.0.1:0", "--concurrency", "1")
	out, err := cmd.StdoutPipe()
	check(err)
	check(cmd.Start())
	defer func() { _ = cmd.Process.Signal(os.Interrupt); _ = cmd.Wait() }()
	br := bufio.NewReader(out)
	banner, err := br.ReadString('\n')
	check(err)
	go func() { _, _ = br.WriteTo(discard{}) }()
	addr := regexp.MustCompile(`http://([^/\s]+)`).FindStringSubmatch(banner)[1]
	if !strings.HasPrefix(addr, "127.") && !strings.HasPrefix(addr, "[::1]") {
		check(fmt.Errorf("%s is not loopback", addr))
	}
	pid := cmd.Process.Pid
	fmt.Printf("tutor pid %d on %s: rss before %d MB\n", pid, addr, rssMB(pid, "VmRSS"))
	head := fmt.Sprintf("POST /2015-03-31/functions/function/invocations HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", addr, *size)
	what := fmt.Sprintf("header-only requests declaring %d bytes", *size)
	if *noread > 0 {
		body := fmt.Sprintf(`{"mode":"bigresp","bytes":%d}`, *noread)
		head = fmt.Sprintf("POST /2015-03-31/functions/function/invocations HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", addr, len(body), body)
		what = fmt.Sprintf("clients not reading %d-byte responses", *noread)
	}
	conns := make([]net.Conn, 0, *n)
	for range *n {
		c, err := net.Dial("tcp", addr)
		check(err)
		_, err = c.Write([]byte(head))
		check(err)
		conns = append(conns, c)
	}
	peak := 0
	for end := time.Now().Add(*hold); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		peak = max(peak, rssMB(pid, "VmRSS"))
	}
	fmt.Printf("%d %s: rss peak while open %d MB (VmHWM %d MB)\n", *n, what, peak, rssMB(pid, "VmHWM"))
	for _, c := range conns {
		c.Close()
	}
	time.Sleep(*settle)
	fmt.Printf("after closing them and %v: rss %d MB\n", *settle, rssMB(pid, "VmRSS"))
}

// rssMB reads a field of /proc/PID/status in MB.
func rssMB(pid int, field string) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == field+":" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return -1
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "headeronly:", err)
		os.Exit(1)
	}
}
