package serve

import (
	"context"

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
	ch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	go gossh.DiscardRequests(reqs)
	s.sessions.Add(1)
	defer s.sessions.Done()
	defer ch.Close()
	s.logf("%s linked a machine (class sync) from %s", learner, conn.RemoteAddr())
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	err = classsync.Serve(cctx, ch, s.cfg.Sync, learner, s.logf)
	if err != nil {
		s.logf("%s: class sync: %v", learner, err)
	}
}
