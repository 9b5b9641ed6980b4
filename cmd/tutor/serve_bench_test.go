package main

import (
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// BenchmarkServeStop: 30 learners in the course on the built tutor serve;
// SIGTERM; the time until the process has told them all, saved and exited
// (reported as stop-ms). Run:
//
//	go test -run '^$' -bench ServeStop -benchtime 3x ./cmd/tutor/
func BenchmarkServeStop(b *testing.B) {
	const learners = 30
	var total time.Duration
	for range b.N {
		b.StopTimer()
		state := b.TempDir()
		cmd, addr, _ := startServeBinary(b, state, "--open", "--conn-rate", "0")
		var wg sync.WaitGroup
		terms := make([]*sshTerm, learners)
		for i := range learners {
			wg.Add(1)
			go func() {
				defer wg.Done()
				terms[i] = connectTerm(b, addr, newSigner(b), 80, 24)
				terms[i].enterName(b, "L")
				terms[i].waitFor(b, "Event")
			}()
		}
		wg.Wait()
		b.StartTimer()
		start := time.Now()
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("exit: %v", err)
		}
		total += time.Since(start)
		b.StopTimer()
		for _, term := range terms {
			term.waitFor(b, "Your progress is saved")
		}
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "stop-ms")
}

// BenchmarkServeFirstFrame: a new learner connecting to an in-process
// tutor serve (SQLite), from dialling to the name prompt on their screen:
// TCP, SSH handshake and key auth, pty, the store's name lookup and the
// first frame. Run:
//
//	go test -run '^$' -bench ServeFirstFrame -benchtime 50x ./cmd/tutor/
func BenchmarkServeFirstFrame(b *testing.B) {
	_, addr, _ := startClass(b, b.TempDir(), serveOpts{open: true, maxSessions: 1000, connRate: 0})
	keys := make([]gossh.Signer, b.N)
	for i := range keys {
		keys[i] = newSigner(b)
	}
	b.ResetTimer()
	for i := range b.N {
		term := connectTerm(b, addr, keys[i], 80, 24)
		term.waitFor(b, "Your name")
		b.StopTimer()
		term.client.Close()
		b.StartTimer()
	}
}
