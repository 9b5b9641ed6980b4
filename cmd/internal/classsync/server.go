package classsync

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// Store is the class store a server applies batches to (the SQLite and
// PostgreSQL stores are).
type Store = progress.SyncStore

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
	if err := writeFrame(rw, reply{Learner: learner, State: state}); err != nil {
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
