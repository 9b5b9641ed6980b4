package serve

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/colorprofile"
)

// Messages a refused session gets (then exit status 1).
const (
	MsgOnlyInteractive = "tutor serve runs the course only: connect with 'ssh -p PORT HOST', without a command."
	MsgNoTerminal      = "tutor serve needs a terminal: connect with 'ssh -t -p PORT HOST'."
	MsgBusy            = "The class server is full (--max-sessions); try again in a minute."
)

// course is the only session handler: one course app per interactive
// session with a terminal.
func (s *Server) course(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if len(sess.RawCommand()) > 0 || sess.Subsystem() != "" {
			wish.Fatalln(sess, MsgOnlyInteractive)
			return
		}
		_, windows, ok := sess.Pty()
		if !ok {
			wish.Fatalln(sess, MsgNoTerminal)
			return
		}
		ext := sess.Permissions().Extensions
		learner := ext[learnerExt]
		if learner == "" { // every auth path sets it; never serve a nameless learner
			wish.Fatalln(sess, "permission denied")
			return
		}
		app, who := s.cfg.App, "learner"
		if ext[roleExt] == roleInstructor {
			app, who = s.cfg.Board, "instructor"
		}
		if n := s.active.Add(1); s.cfg.MaxSessions > 0 && n > int64(s.cfg.MaxSessions) {
			s.active.Add(-1)
			s.logf("refused %s: %d sessions already", learner, s.cfg.MaxSessions)
			wish.Fatalln(sess, MsgBusy)
			return
		}
		defer s.active.Add(-1)
		if !s.enter() {
			wish.Fatalln(sess, MsgStopping)
			return
		}
		defer s.sessions.Done()
		s.logf("%s %s connected from %s", who, learner, sess.RemoteAddr())

		m, done := app(Learner{ID: learner, Addr: sess.LocalAddr().String(), Env: sess.Environ()})
		// MakeOptions: the session as input and output, the client's
		// environment and TERM, its window size and colour profile. The
		// server's signals are the server's: it ends every session itself.
		opts := append(bm.MakeOptions(sess), tea.WithoutSignalHandler())
		if noColor(sess.Environ()) {
			opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
		}
		p := tea.NewProgram(m, opts...)
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		go func() {
			for {
				select {
				case <-ctx.Done(): // the client went away
					p.Quit()
					return
				case <-s.stopping: // the server stops: quit (and save) first
					p.Quit()
					return
				case w := <-windows:
					p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
				}
			}
		}()
		final, err := p.Run()
		if err != nil {
			s.logf("%s: %v", learner, err)
		}
		line := done(final)
		s.logf("%s %s disconnected", who, learner)
		if s.isStopping() {
			wish.Println(sess, MsgStopping)
		}
		if line != "" {
			wish.Println(sess, line)
		}
		_ = sess.Exit(0)
	}
}

// noColor: the client sent NO_COLOR with any value (no-color.org; the colour
// profile alone honours only "true"-like values, G7).
func noColor(env []string) bool {
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "NO_COLOR="); ok && v != "" {
			return true
		}
	}
	return false
}
