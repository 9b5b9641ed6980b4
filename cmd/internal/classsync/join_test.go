package classsync_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
	"github.com/tutor-dev/tutor/cmd/internal/serve/sshtest"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// The first run sends everything; a second run sends nothing, and the
// class store's counts stay as they were.
func TestJoinSendsEverythingOnce(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Keys: keysOf(l.key)})
	l.do(progress.Open{Lesson: "sqs", At: t0}, progress.Read{Lesson: "sqs", At: t0},
		answer("sqs-1", false, "A"), answer("sqs-1", true, "B"), answer("sqs-2", true, "C", "D"),
		progress.ExerciseChecked{Exercise: "sqs-batch", Passed: false}, progress.ExerciseChecked{Exercise: "sqs-batch", Passed: true},
		progress.Open{Lesson: "sns", At: t0.Add(time.Hour)})
	if err := classsync.Run(ctx, l.options(c, "")); err != nil {
		t.Fatal(err)
	}
	out := l.out.String()
	if !strings.Contains(out, "linked to "+c.addr+" as "+l.id()) || !strings.Contains(out, "sent 3 answers, 2 exercise checks, 2 lessons") {
		t.Fatalf("output:\n%s", out)
	}
	counts := func() [3]int {
		return [3]int{c.count("answers", l.id()), c.count("exercise_checks", l.id()), c.count("lessons", l.id())}
	}
	if got := counts(); got != [3]int{3, 2, 2} {
		t.Fatalf("class store has %v answers, checks, lessons; want 3, 2, 2", got)
	}
	snap, err := c.store.Load(ctx, l.id())
	if err != nil {
		t.Fatal(err)
	}
	if snap.Progress.Last != "sns" || !snap.Progress.Lessons["sqs"].Read || !snap.Progress.ExercisesPassed["sqs-batch"] {
		t.Fatalf("class store progress %+v", snap.Progress)
	}
	mine, _ := l.store.Load(ctx, progress.LocalLearner)
	if got, want := snap.Review.Items["sqs-1"], mine.Review.Items["sqs-1"]; got == nil || *got != *want {
		t.Fatalf("review state in the class store %+v, on the machine %+v", got, want)
	}
	// The class report reads the learner's answers, with their picks.
	log, err := c.store.AnswerLog(ctx)
	if err != nil || len(log) != 3 || log[2].Learner != l.id() || strings.Join(log[2].Picked, "+") != "C+D" {
		t.Fatalf("answer log %+v (%v)", log, err)
	}

	l.out = sshtest.Buf{}
	if err := classsync.Run(ctx, l.options(c, "")); err != nil {
		t.Fatal(err)
	}
	if out := l.out.String(); strings.Contains(out, "sent") || !strings.Contains(out, "nothing new to send") {
		t.Fatalf("second run sent something, or did not say it had nothing to send:\n%s", out)
	}
	if got := counts(); got != [3]int{3, 2, 2} {
		t.Fatalf("after a second run the class store has %v", got)
	}
}

// Answers given while the server is down wait on the machine and arrive,
// once each, when it is back; the running join says it went offline and
// came back, and stops cleanly.
func TestJoinQueuesWhileOffline(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Open: true})
	o := l.options(c, "")
	o.Once, o.Poll, o.MinBackoff, o.MaxBackoff = false, 10*time.Millisecond, 10*time.Millisecond, 50*time.Millisecond
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- classsync.Run(rctx, o) }()
	defer func() { cancel(); <-done }()

	l.do(answer("sqs-1", true, "A"))
	sshtest.WaitFor(t, "the first answer in the class store", func() bool { return c.count("answers", l.id()) == 1 })
	addr := c.addr
	c.down()
	l.do(answer("sqs-2", false, "B"), answer("sqs-2", true, "C"), progress.ExerciseChecked{Exercise: "e", Passed: true})
	sshtest.WaitFor(t, "the join to say it is offline", func() bool { return strings.Contains(l.out.String(), "offline:") })
	if n := c.count("answers", l.id()); n != 1 {
		t.Fatalf("%d answers in the class store while it was down", n)
	}
	c.start(addr)
	sshtest.WaitFor(t, "the queued answers in the class store", func() bool {
		return c.count("answers", l.id()) == 3 && c.count("exercise_checks", l.id()) == 1
	})
	l.do(answer("sqs-3", true, "D"))
	sshtest.WaitFor(t, "an answer after the reconnection", func() bool { return c.count("answers", l.id()) == 4 })
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run after cancel: %v", err)
	}
	done <- nil
	if n := c.count("answers", l.id()); n != 4 {
		t.Fatalf("%d answers in the class store, want 4 (each once)", n)
	}
	if n := c.count("sync_applied", l.id()); n != 5 {
		t.Fatalf("%d records noted as applied, want 5", n)
	}
	out := l.out.String()
	if strings.Count(out, "offline:") != 1 || !strings.Contains(out, "back online") {
		t.Fatalf("output:\n%s", out)
	}
}

// A join code: the wrong one is refused (nothing lands), the right one
// enrolls the key, which then needs no code.
func TestJoinCode(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{JoinCode: "lambda-42"})
	l.do(answer("sqs-1", true, "A"))
	err := classsync.Run(ctx, l.options(c, "lambda-41"))
	oneLine(t, err, "refused your key "+l.id())
	var pe *classsync.PermanentError
	if !errors.As(err, &pe) {
		t.Fatalf("a refusal must not be retried: %T", err)
	}
	if n := c.count("answers", l.id()); n != 0 {
		t.Fatalf("%d answers landed with a wrong join code", n)
	}
	if err := classsync.Run(ctx, l.options(c, "lambda-42")); err != nil {
		t.Fatal(err)
	}
	l.do(answer("sqs-2", true, "A"))
	if err := classsync.Run(ctx, l.options(c, "")); err != nil { // enrolled: no prompt
		t.Fatalf("enrolled key: %v", err)
	}
	if n := c.count("answers", l.id()); n != 2 {
		t.Fatalf("%d answers, want 2", n)
	}
	// No terminal to type a code on: one line saying so.
	other := newLearner(t)
	oneLine(t, classsync.Run(ctx, other.options(c, "")), "join code")
}

func TestJoinUnknownKeyRefused(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Keys: keysOf(sshtest.NewKey(t))})
	l.do(answer("sqs-1", true, "A"))
	oneLine(t, classsync.Run(ctx, l.options(c, "")), "refused your key")
	if n := c.count("answers", l.id()); n != 0 {
		t.Fatalf("%d answers from an unknown key", n)
	}
}

// The host key is remembered on first use; another key at that address is
// refused loudly, naming the file and line.
func TestJoinHostKeyChanged(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Open: true})
	if err := classsync.Run(ctx, l.options(c, "")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(l.out.String(), "trusting its host key") {
		t.Fatalf("first link does not say it trusts the key:\n%s", l.out.String())
	}
	addr := c.addr
	c.down()
	impostor := openClass(t, serve.Config{Open: true})
	impostor.start(addr)
	l.do(answer("sqs-1", true, "A"))
	err := classsync.Run(ctx, l.options(impostor, ""))
	oneLine(t, err, "CHANGED")
	oneLine(t, err, classsync.KnownHostsFile+":1")
	if n := impostor.count("answers", l.id()); n != 0 {
		t.Fatalf("%d answers sent to a server with a changed host key", n)
	}
}

// A server that does not take class sync is said so, once, not retried.
func TestJoinServerWithoutSync(t *testing.T) {
	l := newLearner(t)
	c := openClass(t, serve.Config{Open: true})
	c.noSync = true
	c.start("127.0.0.1:0")
	oneLine(t, classsync.Run(ctx, l.options(c, "")), "does not take class sync")
}

// A class store that fails is not the learner's fault: the error says so
// and is retried, not final.
func TestJoinStoreFailureIsRetried(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Open: true})
	l.do(answer("sqs-1", true, "A"))
	if err := classsync.Run(ctx, l.options(c, "")); err != nil {
		t.Fatal(err)
	}
	c.store.Close() // the server's database goes away
	err := classsync.Run(ctx, l.options(c, ""))
	oneLine(t, err, "class store cannot be read now")
	var pe *classsync.PermanentError
	if errors.As(err, &pe) {
		t.Fatalf("a failing class store must be retried: %v", err)
	}
}

// Answers with many long choice texts do not fit one message: they go in
// smaller batches, all of them.
func TestJoinLongChoicesGoInSmallerBatches(t *testing.T) {
	l := newLearner(t)
	c := newClass(t, serve.Config{Open: true})
	picked := make([]string, 50)
	for i := range picked {
		picked[i] = strings.Repeat(string(rune('a'+i%26)), 4000)
	}
	for range 30 {
		l.do(answer("long", true, picked...))
	}
	if err := classsync.Run(ctx, l.options(c, "")); err != nil {
		t.Fatal(err)
	}
	if n := c.count("answers", l.id()); n != 30 {
		t.Fatalf("%d answers arrived, want 30\n%s", n, l.out.String())
	}
	if strings.Count(l.out.String(), "sent ") < 2 {
		t.Fatalf("one batch of 6 MB?\n%s", l.out.String())
	}
}

// Started while the server is down: it waits, then links and says as whom.
func TestJoinStartsOffline(t *testing.T) {
	l := newLearner(t)
	c := openClass(t, serve.Config{Open: true})
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c.addr = free.Addr().String()
	free.Close()
	l.do(answer("sqs-1", true, "A"))
	o := l.options(c, "")
	o.Once, o.Poll, o.MinBackoff, o.MaxBackoff = false, 10*time.Millisecond, 10*time.Millisecond, 50*time.Millisecond
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- classsync.Run(rctx, o) }()
	sshtest.WaitFor(t, "the join to say it is offline", func() bool { return strings.Contains(l.out.String(), "offline: cannot reach") })
	if !strings.Contains(l.out.String(), "1 answer is kept here") {
		t.Errorf("the offline line does not say what waits:\n%s", l.out.String())
	}
	c.start(c.addr)
	sshtest.WaitFor(t, "the answer in the class store", func() bool { return c.count("answers", l.id()) == 1 })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if out := l.out.String(); !strings.Contains(out, "linked to "+c.addr+" as "+l.id()) {
		t.Fatalf("output:\n%s", out)
	}
}
