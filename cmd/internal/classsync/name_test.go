package classsync_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

// name is the class's display name for the learner.
func (c *class) name(learner string) string {
	c.t.Helper()
	n, err := c.store.Name(ctx, learner)
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

const hint = "no name: run with --name"

// --name names a key the class has no name for, and syncing goes on; a
// later --name does not rename it (a name is given once, as over SSH).
func TestJoinGivesTheName(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Open: true})
	l.do(answer("sqs-1", true, "A"))
	o := l.options(c, "")
	o.Name, o.NameHint = "Ana Lima", hint
	if err := classsync.Run(ctx, o); err != nil {
		t.Fatal(err)
	}
	if got := c.name(l.id()); got != "Ana Lima" {
		t.Fatalf("class name %q", got)
	}
	out := l.out.String()
	if !strings.Contains(out, `the class knows you as "Ana Lima"`) || !strings.Contains(out, "sent 1 answer") || strings.Contains(out, hint) {
		t.Fatalf("output:\n%s", out)
	}
	l.out = syncBuf{}
	o.Name = "Someone Else"
	if err := classsync.Run(ctx, o); err != nil {
		t.Fatal(err)
	}
	if got := c.name(l.id()); got != "Ana Lima" {
		t.Fatalf("renamed to %q", got)
	}
	if out := l.out.String(); !strings.Contains(out, `already knows you as "Ana Lima"`) {
		t.Fatalf("output:\n%s", out)
	}
}

// On a terminal the learner is asked, once, when the class has no name for
// them; never when it has one.
func TestJoinAsksTheName(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Open: true})
	asked := 0
	o := l.options(c, "")
	o.NameHint = hint
	o.AskName = func(context.Context) (string, error) { asked++; return "Pat", nil }
	if err := classsync.Run(ctx, o); err != nil {
		t.Fatal(err)
	}
	if got := c.name(l.id()); got != "Pat" || asked != 1 {
		t.Fatalf("class name %q, asked %d times", got, asked)
	}
	if err := classsync.Run(ctx, o); err != nil {
		t.Fatal(err)
	}
	if asked != 1 {
		t.Fatalf("asked again (%d) though the class has the name", asked)
	}
	if strings.Contains(l.out.String(), hint) {
		t.Fatalf("hint printed:\n%s", l.out.String())
	}
}

// With no terminal and no --name (or no answer typed), one line says how
// to give a name, once, and everything is still sent.
func TestJoinWithoutANameGoesOn(t *testing.T) {
	for _, tc := range []struct {
		what string
		ask  func(context.Context) (string, error)
	}{
		{"no terminal", nil},
		{"nothing typed", func(context.Context) (string, error) { return "", nil }},
	} {
		t.Run(tc.what, func(t *testing.T) {
			l := newLearner(t)
			c := newClass(t, serve.Config{Open: true})
			l.do(answer("sqs-1", true, "A"), answer("sqs-2", false, "B"))
			o := l.options(c, "")
			o.NameHint, o.AskName = hint, tc.ask
			if err := classsync.Run(ctx, o); err != nil {
				t.Fatal(err)
			}
			out := l.out.String()
			if strings.Count(out, hint) != 1 || !strings.Contains(out, "sent 2 answers") {
				t.Fatalf("output:\n%s", out)
			}
			if n := c.count("answers", l.id()); n != 2 || c.name(l.id()) != "" {
				t.Fatalf("%d answers, name %q", n, c.name(l.id()))
			}
		})
	}
}

// A server from before names: nothing is asked, --name is said not to
// be sent, and syncing works as before.
func TestJoinNameOlderServer(t *testing.T) {
	l := newLearner(t)
	c := openClass(t, serve.Config{Open: true})
	c.noNames = true
	c.start("127.0.0.1:0")
	l.do(answer("sqs-1", true, "A"))
	o := l.options(c, "")
	o.Name, o.NameHint = "Ana", hint
	o.AskName = func(context.Context) (string, error) {
		t.Error("asked a name an older server cannot take")
		return "", nil
	}
	if err := classsync.Run(ctx, o); err != nil {
		t.Fatal(err)
	}
	out := l.out.String()
	if !strings.Contains(out, "takes no names") || !strings.Contains(out, "sent 1 answer") || strings.Contains(out, hint) {
		t.Fatalf("output:\n%s", out)
	}
	if c.name(l.id()) != "" {
		t.Fatal("a name was stored")
	}
}
