package classsync

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// Local is the learner's own store (progress.SQLite is one).
type Local interface {
	Origin(ctx context.Context) (string, error)
	Pending(ctx context.Context, origin string, st progress.SyncState, limit int) (progress.SyncBatch, error)
	SaveAcked(ctx context.Context, server string, st progress.SyncState) error
	Acked(ctx context.Context, server string) (progress.SyncState, error)
}

// Options are what Run needs.
type Options struct {
	Addr       string // host:port of tutor serve
	User       string // SSH user name (tutor serve ignores it)
	Identity   Identity
	KnownHosts string // the file of remembered host keys
	// Prompt asks the learner one keyboard-interactive question (the join
	// code); nil: such a server is refused with a line saying why.
	Prompt func(instruction, question string) (string, error)
	// Name is the display name to give the class when it has none for
	// this key (checked with progress.CleanName by the caller).
	Name string
	// AskName asks the learner for a display name (checked), when the
	// class has none and Name is empty; "" is no answer. nil: there is no
	// terminal to ask on; NameHint (one line) is printed instead.
	AskName  func(ctx context.Context) (string, error)
	NameHint string
	Local    Local
	Out      io.Writer // one line per batch sent, and the link's ups and downs
	Once     bool      // send everything there is, then return

	Poll       time.Duration // how often the local store is read; default 1s
	MinBackoff time.Duration // first wait before reconnecting; default 1s
	MaxBackoff time.Duration // longest wait; default 30s
	Timeout    time.Duration // connecting, and each batch's answer; default 30s
}

func (o *Options) defaults() {
	for _, d := range []struct {
		v   *time.Duration
		def time.Duration
	}{{&o.Poll, time.Second}, {&o.MinBackoff, time.Second}, {&o.MaxBackoff, 30 * time.Second}, {&o.Timeout, 30 * time.Second}} {
		if *d.v <= 0 {
			*d.v = d.def
		}
	}
}

// PermanentError is a failure that retrying cannot mend (a refused key, a
// changed host key, a server that does not take class sync); Run returns
// it at once.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

func permanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// Run links the learner's store to the class store at o.Addr: it sends
// what the class store lacks and, unless o.Once, goes on sending as the
// learner works, reconnecting (with backoff) when the link is down, until
// ctx is done (then it returns nil). With o.Once it returns after one full
// send, or the first error.
func Run(ctx context.Context, o Options) error {
	o.defaults()
	origin, err := o.Local.Origin(ctx)
	if err != nil {
		return &PermanentError{err}
	}
	backoff, offline, linked := o.MinBackoff, false, false
	var named naming
	for {
		l, err := dial(ctx, o, origin)
		if err == nil {
			switch {
			case !linked:
				fmt.Fprintf(o.Out, "linked to %s as %s (key: %s)\n", o.Addr, l.learner, o.Identity.From)
			case offline:
				fmt.Fprintf(o.Out, "back online: linked to %s again\n", o.Addr)
			}
			offline, linked, backoff = false, true, o.MinBackoff
			err = l.run(ctx, o, &named)
			l.close()
			if err == nil {
				return nil
			}
		}
		if ctx.Err() != nil {
			return nil
		}
		if permanent(err) || o.Once {
			return err
		}
		if !offline {
			fmt.Fprintf(o.Out, "offline: %v; %s kept here and sent when %s answers again (retrying)\n", err, waiting(ctx, o, origin), o.Addr)
			offline = true
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, o.MaxBackoff)
	}
}

// waiting says what waits to be sent, from the marks the server last
// acknowledged: "2 answers, 1 lesson are", or "your work is".
func waiting(ctx context.Context, o Options, origin string) string {
	st, err := o.Local.Acked(ctx, o.Addr)
	if err != nil {
		return "your work is"
	}
	b, err := o.Local.Pending(ctx, origin, st, progress.MaxSyncRecords)
	n := progress.SyncCounts{Answers: len(b.Answers), Checks: len(b.Checks), Lessons: len(b.Lessons)}
	switch {
	case err != nil, n == (progress.SyncCounts{}):
		return "your work is"
	case n.Answers+n.Checks+n.Lessons == 1:
		return Describe(n) + " is"
	case n.Answers+n.Checks+n.Lessons >= progress.MaxSyncRecords:
		return "more than " + Describe(n) + " are"
	}
	return Describe(n) + " are"
}

// link is one connection with its sync channel.
type link struct {
	client    *gossh.Client
	ch        gossh.Channel
	lost      chan struct{} // closed when the connection ends
	learner   string
	names     bool   // the server takes a display name
	className string // the class's name for the learner, "" none yet
	originID  string
	state     progress.SyncState
	timeout   time.Duration
}

func (l *link) close() { l.ch.Close(); l.client.Close() }

// roundTrip sends v and reads the reply, closing the connection if the
// reply takes longer than the timeout.
func (l *link) roundTrip(v any) (reply, error) {
	watchdog := time.AfterFunc(l.timeout, func() { l.client.Close() })
	defer watchdog.Stop()
	var r reply
	if err := writeFrame(l.ch, v); err != nil {
		if errors.Is(err, errTooBig) {
			return r, err // nothing was written
		}
		return r, fmt.Errorf("sending: %w", err)
	}
	if err := readFrame(l.ch, &r); err != nil {
		return r, fmt.Errorf("no answer from the server (%w)", err)
	}
	switch {
	case r.Error != "" && r.Retry:
		return r, fmt.Errorf("the class server: %s", r.Error)
	case r.Error != "":
		return r, &PermanentError{fmt.Errorf("the class server refused: %s", r.Error)}
	}
	return r, nil
}

// run sends batches until ctx is done (nil), the link fails, or (Once)
// nothing is left.
func (l *link) run(ctx context.Context, o Options, named *naming) error {
	view := l.state
	if err := o.Local.SaveAcked(ctx, o.Addr, view); err != nil {
		return &PermanentError{err}
	}
	stop := context.AfterFunc(ctx, func() { l.client.Close() })
	defer stop()
	if err := l.name(ctx, o, named); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	limit := progress.MaxSyncRecords
	sentAny := false
	for {
		b, err := o.Local.Pending(ctx, l.origin(), view, limit)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return &PermanentError{err}
		}
		if b.Empty() {
			if o.Once {
				if !sentAny {
					fmt.Fprintln(o.Out, "nothing new to send: the class has all of it")
				}
				return nil
			}
			select {
			case <-ctx.Done():
				return nil
			case <-l.lost:
				return errors.New("the link to the server was lost")
			case <-time.After(o.Poll):
			}
			continue
		}
		r, err := l.roundTrip(request{Batch: b})
		if errors.Is(err, errTooBig) && limit > 1 { // long choice texts: fewer records a batch
			limit = max(1, limit/2)
			continue
		}
		limit = progress.MaxSyncRecords
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		cur := view.Current
		view = r.State
		if b.Current != "" {
			cur = b.Current
		}
		view.Current = cur // a lesson opened over SSH since is not fought over
		if err := o.Local.SaveAcked(ctx, o.Addr, r.State); err != nil {
			return &PermanentError{err}
		}
		fmt.Fprintln(o.Out, sentLine(b, r.Applied))
		sentAny = true
	}
}

func (l *link) origin() string { return l.originID }

// sentLine is the line printed for a batch: "sent 3 answers, 1 lesson".
func sentLine(b progress.SyncBatch, applied progress.SyncCounts) string {
	sent := progress.SyncCounts{Answers: len(b.Answers), Checks: len(b.Checks), Lessons: len(b.Lessons)}
	if sent == (progress.SyncCounts{}) {
		return "sent the current lesson (" + b.Current + ")"
	}
	line := "sent " + Describe(sent)
	if dup := sent.Answers + sent.Checks - applied.Answers - applied.Checks; dup > 0 {
		line += fmt.Sprintf(" (%d were already in the class store)", dup)
	}
	return line
}

// refusedError says the server would not let this key in.
func refusedError(o Options, err error) error {
	var fps []string
	for _, s := range o.Identity.Signers {
		fps = append(fps, gossh.FingerprintSHA256(s.PublicKey()))
	}
	return &PermanentError{fmt.Errorf("%s refused your key %s (from %s): it is not one of the class's keys, or the join code was wrong; ask your instructor (%v)",
		o.Addr, strings.Join(fps, ", "), o.Identity.From, err)}
}

// isAuthFailure: the server turned every offered method down.
func isAuthFailure(err error) bool {
	return strings.Contains(err.Error(), "unable to authenticate")
}
