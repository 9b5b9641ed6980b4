package classsync

import (
	"context"
	"fmt"
)

// naming is what Run knows of the learner's display name across the
// links of one run: the name is asked (or the hint printed) at most once,
// and a name chosen but not yet acknowledged is sent on the next link.
type naming struct {
	asked   bool   // AskName was called, or the hint printed
	pending string // chosen, not yet acknowledged by the server
	done    bool   // nothing more to do
}

// name gives the class a display name for the learner when it has none:
// o.Name, else the learner's answer to o.AskName, else (no terminal, or
// no answer) the one line o.NameHint. A class that has a name keeps it (a
// name is given once, as over SSH). A server that takes no names (an
// older release) is left alone.
func (l *link) name(ctx context.Context, o Options, st *naming) error {
	switch {
	case st.done:
		return nil
	case !l.names:
		if o.Name != "" {
			fmt.Fprintf(o.Out, "%s takes no names (an older tutor serve): your name was not sent\n", o.Addr)
		}
		st.done = true
		return nil
	case l.className != "":
		if o.Name != "" && o.Name != l.className {
			fmt.Fprintf(o.Out, "the class already knows you as %q (a name is given once); it stays\n", l.className)
		}
		st.done = true
		return nil
	}
	want := st.pending
	if want == "" {
		want = o.Name
	}
	if want == "" && !st.asked {
		st.asked = true
		if o.AskName != nil {
			name, err := o.AskName(ctx)
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return &PermanentError{err}
			}
			want = name
		}
		if want == "" && o.NameHint != "" {
			fmt.Fprintln(o.Out, o.NameHint)
		}
	}
	if want == "" {
		return nil
	}
	st.pending = want
	r, err := l.roundTrip(request{Name: want})
	if err != nil {
		return err
	}
	st.pending, st.done = "", true
	if r.Name == want {
		fmt.Fprintf(o.Out, "the class knows you as %q\n", r.Name)
	} else {
		fmt.Fprintf(o.Out, "the class already knows you as %q (a name is given once); it stays\n", r.Name)
	}
	return nil
}
