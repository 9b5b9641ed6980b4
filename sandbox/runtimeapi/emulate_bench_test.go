//go:build unix

package runtimeapi

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The benchmarks compare `tutor sandbox emulate` with AWS's Runtime Interface
// Emulator (aws-lambda-rie): each runs as its own process, serving the same
// test handler binary, and the benchmark is their client over loopback HTTP
// with keep-alive connections. The tutor binary is built from this module
// (or taken from TUTOR_BIN); the emulator's sub-benchmarks need
// TUTOR_RIE_BIN, the path of an aws-lambda-rie binary, which
// bench/compare.sh builds from the Go module proxy into a temporary folder.
// Compare with: benchstat -col /impl

const benchEvent = `{"mode":"ok"}`

// BenchmarkEmulate: warm invocations one at a time, as the emulator serves them.
func BenchmarkEmulate(b *testing.B) {
	for _, impl := range []string{"tutor", "rie"} {
		b.Run("impl="+impl, func(b *testing.B) {
			url := startEmulator(b, impl, 1)
			client := newBenchClient(4)
			warm(b, client, url)
			b.ResetTimer()
			for range b.N {
				status, _, err := invokeOnce(client, url, benchEvent)
				if err != nil || status != http.StatusOK {
					b.Fatalf("invoke: %d %v", status, err)
				}
			}
		})
	}
}

// BenchmarkEmulateConcurrent: each op is 4 invocations whose handler sleeps
// 20 ms. tutor gets them at once and serves them from 4 warm copies in
// about one handler duration. AWS's emulator serves one invocation at a
// time, and the version compare.sh builds crashes when invocations overlap
// (TestRIEOverlap shows it), so it gets the same 4 one after another: the
// fair comparison is the time to serve all 4, each way. served/op counts
// the ones answered 200 with the function's response (4 unless something
// failed).
func BenchmarkEmulateConcurrent(b *testing.B) {
	const parallel = 4
	for _, impl := range []string{"tutor", "rie"} {
		b.Run("impl="+impl, func(b *testing.B) {
			url := startEmulator(b, impl, parallel)
			client := newBenchClient(parallel)
			warm(b, client, url)
			served := 0
			var mu sync.Mutex
			invoke := func() {
				status, body, err := invokeOnce(client, url, `{"mode":"sleep","ms":20}`)
				if err == nil && status == http.StatusOK && bytes.Contains(body, []byte(`"mode":"sleep"`)) {
					mu.Lock()
					served++
					mu.Unlock()
				}
			}
			b.ResetTimer()
			for range b.N {
				if impl == "rie" { // one at a time: it crashes on overlap
					for range parallel {
						invoke()
					}
					continue
				}
				var wg sync.WaitGroup
				for range parallel {
					wg.Go(invoke)
				}
				wg.Wait()
			}
			b.ReportMetric(float64(served)/float64(b.N), "served/op")
		})
	}
}

// TestRIEOverlap sends AWS's emulator 4 overlapping invocations and says
// what happened (compare.sh prints it). It is a report, not a check: it
// passes either way, and skips without TUTOR_RIE_BIN.
func TestRIEOverlap(t *testing.T) {
	if os.Getenv("TUTOR_RIE_BIN") == "" {
		t.Skip("TUTOR_RIE_BIN is not set")
	}
	url := startEmulator(t, "rie", 1)
	client := newBenchClient(4)
	served := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			status, body, err := invokeOnce(client, url, `{"mode":"sleep","ms":20}`)
			if err == nil && status == http.StatusOK && bytes.Contains(body, []byte(`"mode":"sleep"`)) {
				mu.Lock()
				served++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	_, _, err := invokeOnce(client, url, benchEvent)
	alive := err == nil
	t.Logf("RIE-OVERLAP: aws-lambda-rie served %d of 4 overlapping invocations; still serving afterwards: %v", served, alive)
}

// startEmulator serves the test handler with impl and returns the invoke URL.
func startEmulator(b testing.TB, impl string, copies int) string {
	b.Helper()
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { devNull.Close() })
	switch impl {
	case "tutor":
		cmd := exec.Command(tutorBinary(b), "sandbox", "emulate", "--bin", handlerBin,
			"--listen", "127.0.0.1:0", "--concurrency", strconv.Itoa(copies))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			_ = cmd.Wait()
		})
		r := bufio.NewReader(stdout)
		banner, err := r.ReadString('\n')
		if err != nil {
			b.Fatalf("tutor sandbox emulate: %v", err)
		}
		go func() { _, _ = io.Copy(io.Discard, r) }() // its log lines, as the emulator's go to /dev/null
		url := regexp.MustCompile(`http://\S+`).FindString(banner)
		if url == "" {
			b.Fatalf("no URL in %q", banner)
		}
		return url
	case "rie":
		rie := os.Getenv("TUTOR_RIE_BIN")
		if rie == "" {
			b.Skip("TUTOR_RIE_BIN is not set: run sandbox/runtimeapi/bench/compare.sh to build AWS's emulator and compare")
		}
		addr, apiAddr := freeAddr(b), freeAddr(b)
		cmd := exec.Command(rie, "--log-level", "error",
			"--runtime-interface-emulator-address", addr, "--runtime-api-address", apiAddr, handlerBin)
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "AWS_LAMBDA_") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Stdout, cmd.Stderr = devNull, devNull
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			_ = cmd.Wait()
		})
		waitListening(b, addr)
		return "http://" + addr + InvokePath
	}
	b.Fatalf("unknown impl %q", impl)
	return ""
}

// tutorBinary builds the tutor command once (or uses TUTOR_BIN).
var tutorBinary = func() func(b testing.TB) string {
	var once sync.Once
	var bin string
	var err error
	return func(b testing.TB) string {
		once.Do(func() {
			if bin = os.Getenv("TUTOR_BIN"); bin != "" {
				return
			}
			bin = filepath.Join(tmpDir, "tutor")
			cmd := exec.Command("go", "build", "-o", bin, "github.com/tutor-dev/tutor/cmd/tutor")
			if out, e := cmd.CombinedOutput(); e != nil {
				err = fmt.Errorf("building tutor: %v\n%s", e, out)
			}
		})
		if err != nil {
			b.Fatal(err)
		}
		return bin
	}
}()

func newBenchClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: conns, DisableCompression: true, Proxy: nil,
	}, Timeout: 30 * time.Second}
}

func invokeOnce(c *http.Client, url, event string) (int, []byte, error) {
	resp, err := c.Post(url, "application/json", strings.NewReader(event))
	if err != nil {
		return 0, nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, body, err
}

// warm sends a few invocations so the first (the Init) is not measured.
func warm(b testing.TB, c *http.Client, url string) {
	b.Helper()
	for range 3 {
		if status, body, err := invokeOnce(c, url, benchEvent); err != nil || status != http.StatusOK {
			b.Fatalf("warm-up: %d %s %v", status, body, err)
		}
	}
}

func freeAddr(b testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitListening(b testing.TB, addr string) {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.Fatal(fmt.Sprintf("nothing listening on %s", addr))
}

// BenchmarkPoolInvoke measures the pool alone, in process, with no HTTP in
// front: the Runtime API round trip to a warm copy (for profiling).
func BenchmarkPoolInvoke(b *testing.B) {
	pool, err := NewPool(Config{Bin: handlerBin}, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	ctx := context.Background()
	event := []byte(benchEvent)
	for range 3 {
		if _, err := pool.Invoke(ctx, newRequestID(), event); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		out, err := pool.Invoke(ctx, newRequestID(), event)
		if err != nil || out.Kind != Success {
			b.Fatal(err, out.Kind)
		}
	}
}
