package classsync

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// Store is the class store a server applies batches to (the SQLite and
// PostgreSQL stores are).
type Store = progress.SyncStore

// NameStore is a class store that also keeps learners' display names (the
// SQLite and PostgreSQL stores do); with one, a learner linking their own
// machine can name themselves as a learner logging in over SSH does.
type NameStore interface {
	Name(ctx context.Context, learner string) (string, error)
	Apply(ctx context.Context, learner string, c progress.Change) error
}

var (
	_ NameStore = (*progress.SQLite)(nil)
	_ NameStore = (*progress.Postgres)(nil)
)

// Serve runs the server side of one channel for learner (the key's
// fingerprint the SSH layer admitted) until the client closes it, ctx is
// done or something fails. logf, if not nil, gets one line per batch
// applied. A refusal is sent to the client as one line before returning.
func Serve(ctx context.Context, rw io.ReadWriter, st Store, learner string, logf func(string, ...any)) error {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	refuse := func(err error) error {
		writeFrame(rw, reply{Error: err.Error()})
		return err
	}
	busy := func(msg string, err error) error { // the store failed: the client tries again later
		logf("%s: %v", learner, err)
		writeFrame(rw, reply{Error: msg, Retry: true})
		return err
	}
	var h hello
	if err := readFrame(rw, &h); err != nil {
		return refuse(fmt.Errorf("reading the hello: %w", err))
	}
	if h.Version != Version {
		return refuse(fmt.Errorf("this server speaks class sync version %d, the client %d: install the same tutor release as the server", Version, h.Version))
	}
	if err := progress.CheckOrigin(h.Origin); err != nil {
		return refuse(err)
	}
	state, err := st.SyncState(ctx, learner, h.Origin)
	if err != nil {
		return busy("the class store cannot be read now", err)
	}
	first := reply{Learner: learner, State: state}
	ns, _ := st.(NameStore)
	if ns != nil {
		// A name that cannot be read now is not offered: syncing goes on.
		if first.Name, err = ns.Name(ctx, learner); err != nil {
			logf("%s: reading their name: %v", learner, err)
			ns, first.Name = nil, ""
		}
		first.Names = ns != nil
	}
	if err := writeFrame(rw, first); err != nil {
		return err
	}
	for {
		var req request
		if err := readFrame(rw, &req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return refuse(err)
		}
		if req.Name != "" {
			r, set, err := setName(ctx, ns, learner, req.Name)
			switch {
			case errors.Is(err, errNameStore):
				return busy("the class store could not save your name", err)
			case err != nil:
				return refuse(err)
			}
			if set {
				logf("%s named themselves %q (class sync)", learner, r.Name)
			}
			if err := writeFrame(rw, r); err != nil {
				return err
			}
			continue
		}
		if req.Batch.Origin != h.Origin {
			return refuse(fmt.Errorf("batch from origin %q on a link opened for %q", req.Batch.Origin, h.Origin))
		}
		if err := progress.CheckBatch(req.Batch); err != nil {
			return refuse(fmt.Errorf("batch refused: %w", err))
		}
		state, n, err := st.ApplySync(ctx, learner, req.Batch)
		if err != nil {
			return busy("the class store could not save this batch", err)
		}
		if n != (progress.SyncCounts{}) {
			logf("%s synced %s", learner, Describe(n))
		}
		if err := writeFrame(rw, reply{State: state, Applied: n}); err != nil {
			return err
		}
	}
}

// errNameStore: the store failed to save a name (the client tries again).
var errNameStore = errors.New("saving the name")

// setName stores a name a learner sent, unless the class has one (a name
// is given once, as over SSH): the answer carries the class's name.
func setName(ctx context.Context, ns NameStore, learner, typed string) (r reply, set bool, err error) {
	if ns == nil {
		return r, false, errors.New("this server does not take names")
	}
	name, err := progress.CleanName(typed)
	if err != nil {
		return r, false, fmt.Errorf("name refused: %w", err)
	}
	have, err := ns.Name(ctx, learner)
	if err != nil {
		return r, false, fmt.Errorf("%w: %v", errNameStore, err)
	}
	if have != "" {
		return reply{Name: have}, false, nil
	}
	if err := ns.Apply(ctx, learner, progress.SetName{Name: name, At: time.Now()}); err != nil {
		return r, false, fmt.Errorf("%w: %v", errNameStore, err)
	}
	return reply{Name: name}, true, nil
}

// Describe is counts as the learner reads them: "3 answers, 1 lesson".
func Describe(n progress.SyncCounts) string {
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{n.Answers, "answer"}, {n.Checks, "exercise check"}, {n.Lessons, "lesson"}} {
		switch {
		case c.n == 1:
			parts = append(parts, "1 "+c.what)
		case c.n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", c.n, c.what))
		}
	}
	if len(parts) == 0 {
		return "nothing new"
	}
	s := parts[0]
	for _, p := range parts[1:] {
		s += ", " + p
	}
	return s
}
