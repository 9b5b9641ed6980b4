package serve

import (
	"context"
)

// MsgStopping is what every connected client reads when the server stops
// (SIGINT/SIGTERM): their app has quit and saved before it is shown.
const MsgStopping = "The class server is stopping (the instructor ended it)."

// enter counts a session in, unless the server is stopping.
func (s *Server) enter() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return false
	}
	s.sessions.Add(1)
	return true
}

// isStopping says whether Close has begun.
func (s *Server) isStopping() bool {
	select {
	case <-s.stopping:
		return true
	default:
		return false
	}
}

// Close stops the server: it stops accepting at once, makes every
// session's program quit (each saves its progress and tells its client the
// server is stopping), waits for them until ctx is done, then drops every
// connection still open.
func (s *Server) Close(ctx context.Context) error {
	s.mu.Lock()
	if !s.stopped {
		s.stopped = true
		close(s.stopping)
	}
	for l := range s.listeners { // a Serve that began after Shutdown below would not see it
		l.Close()
	}
	s.mu.Unlock()
	// Shutdown with a context already done closes the listeners and
	// returns without waiting for the connections (which clients hold
	// open after their session ends).
	now, cancel := context.WithCancel(ctx)
	cancel()
	_ = s.srv.Shutdown(now)
	done := make(chan struct{})
	go func() { s.sessions.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	return s.srv.Close()
}
