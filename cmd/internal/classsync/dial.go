package classsync

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// dial connects, authenticates, opens the sync channel and says hello.
func dial(ctx context.Context, o Options, origin string) (*link, error) {
	d := net.Dialer{Timeout: o.Timeout}
	nc, err := d.DialContext(ctx, "tcp", o.Addr)
	if err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) && oe.Err != nil {
			err = oe.Err
		}
		return nil, fmt.Errorf("cannot reach %s (%v)", o.Addr, err)
	}
	nc.SetDeadline(time.Now().Add(o.Timeout))
	stop := context.AfterFunc(ctx, func() { nc.Close() })
	defer stop()
	auth := []gossh.AuthMethod{gossh.PublicKeys(o.Identity.Signers...)}
	auth = append(auth, gossh.KeyboardInteractive(func(_, instruction string, questions []string, _ []bool) ([]string, error) {
		if len(questions) == 0 {
			return nil, nil
		}
		if o.Prompt == nil {
			return nil, &PermanentError{fmt.Errorf("%s asks for the class's join code and there is no terminal to type it: run this in a terminal", o.Addr)}
		}
		nc.SetDeadline(time.Time{}) // a person is typing
		defer nc.SetDeadline(time.Now().Add(o.Timeout))
		answers := make([]string, len(questions))
		for i, q := range questions {
			a, err := o.Prompt(instruction, q)
			if err != nil {
				return nil, &PermanentError{err}
			}
			answers[i], instruction = a, ""
		}
		return answers, nil
	}))
	cfg := &gossh.ClientConfig{User: o.User, Auth: auth, HostKeyCallback: hostKeyCallback(o.KnownHosts, o.Out), Timeout: o.Timeout}
	cc, chans, reqs, err := gossh.NewClientConn(nc, o.Addr, cfg)
	if err != nil {
		nc.Close()
		var hk *HostKeyChangedError
		var pe *PermanentError
		switch {
		case errors.As(err, &hk):
			return nil, &PermanentError{hk}
		case errors.As(err, &pe):
			return nil, pe
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case isAuthFailure(err):
			return nil, refusedError(o, err)
		}
		return nil, fmt.Errorf("connecting to %s: %w", o.Addr, err)
	}
	client := gossh.NewClient(cc, chans, reqs)
	l := &link{client: client, lost: make(chan struct{}), originID: origin, timeout: o.Timeout}
	go func() { client.Wait(); close(l.lost) }()
	ch, creqs, err := client.OpenChannel(ChannelType, nil)
	if err != nil {
		client.Close()
		var oce *gossh.OpenChannelError
		if errors.As(err, &oce) && oce.Reason != gossh.ConnectionFailed && oce.Reason != gossh.ResourceShortage {
			return nil, &PermanentError{fmt.Errorf("%s does not take class sync (%s): it must be tutor serve of this release", o.Addr, oce.Message)}
		}
		return nil, fmt.Errorf("opening the sync channel on %s: %w", o.Addr, err)
	}
	go gossh.DiscardRequests(creqs)
	l.ch = ch
	r, err := l.roundTrip(hello{Version: Version, Origin: origin})
	if err != nil {
		l.close()
		return nil, err
	}
	nc.SetDeadline(time.Time{}) // from here each round trip has its watchdog
	l.learner, l.state, l.names, l.className = r.Learner, r.State, r.Names, r.Name
	return l, nil
}
