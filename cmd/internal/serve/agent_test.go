package serve

import (
	"sync/atomic"
	"testing"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/tutor-dev/tutor/cmd/internal/serve/sshtest"
)

// TestAgentNeverForwarded: the SSH library acknowledges a client's
// agent-forwarding request (auth-agent-req@openssh.com), but the server
// never opens the agent channel back to the client, so a learner's agent
// is never reachable from the class server.
func TestAgentNeverForwarded(t *testing.T) {
	key := sshtest.NewKey(t)
	addr := start(t, Config{Open: true})
	c, err := dial(t, addr, key, "")
	if err != nil {
		t.Fatal(err)
	}
	var opened atomic.Int32
	go func() {
		for ch := range c.HandleChannelOpen("auth-agent@openssh.com") {
			opened.Add(1)
			ch.Reject(gossh.Prohibited, "test")
		}
	}()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := agent.RequestAgentForwarding(s); err != nil {
		t.Logf("agent request refused: %v", err) // also fine
	}
	if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &sshtest.Buf{}
	s.Stdout, s.Stderr = out, out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, out, "hello") // the session ran; any agent channel would have been opened by now
	if n := opened.Load(); n != 0 {
		t.Fatalf("the server opened %d agent channel(s) to the client", n)
	}
}
