package serve

import (
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
)

// syncChannel serves one class sync channel (tutor class join): a learner's
// own machine sending its progress, on a connection the same access rules
// admitted, as the learner their key is.
func (s *Server) syncChannel(_ *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	if s.cfg.Sync == nil {
		nc.Reject(gossh.UnknownChannelType, "this server does not take class sync")
		return
	}
	var learner string
	if conn.Permissions != nil {
		learner = conn.Permissions.Extensions[learnerExt]
	}
	if learner == "" { // every auth path sets it; never take a nameless learner's records
		nc.Reject(gossh.Prohibited, "permission denied")
		return
	}
	if !s.enter() {
		nc.Reject(gossh.ResourceShortage, MsgStopping)
		return
	}
	defer s.sessions.Done()
	ch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	go gossh.DiscardRequests(reqs)
	defer ch.Close()
	// The server stops: end the link between batches (closing the channel
	// ends a read; a batch being applied is committed first). The client
	// keeps what is unsent and sends it to the next server.
	served := make(chan struct{})
	defer close(served)
	go func() {
		select {
		case <-s.stopping:
			ch.Close()
		case <-served:
		}
	}()
	s.logf("%s linked a machine (class sync) from %s", learner, conn.RemoteAddr())
	if err := classsync.Serve(ctx, ch, s.cfg.Sync, learner, s.logf); err != nil && !s.isStopping() {
		s.logf("%s: class sync: %v", learner, err)
	}
}
