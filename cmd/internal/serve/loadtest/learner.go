package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// What the course's screens say (the load test reads the screen as a
// learner does).
const (
	outlineText = "lessons done"   // the outline's progress line
	noQuizText  = "has no quiz"    // a lesson without a quiz, after t
	summaryText = "Quiz complete"  // the quiz's summary
	rightText   = "You are right!" // quizzes.RightLine
	missedText  = "You missed!"    // quizzes.MissedLine
	skippedText = "Skipped. The right answer"
	multiText   = "Choose all that apply"
	reviewText  = "Review · "
	waitLimit   = 30 * time.Second // one screen change; a safety net, not a budget
)

// shown is a first answer's feedback the learner saw: what the store must
// hold.
type shown struct {
	item  string
	right bool
}

// learner is one simulated learner: its own key, pty and terminal.
type learner struct {
	n     int
	key   key
	from  string // local address to dial from
	run   *phaseRun
	rng   *rand.Rand
	next  int // the lesson to open next (1-based)
	total int // lessons in the course, once seen

	mu       sync.Mutex
	shown    []shown
	inflight map[string]int // answers submitted whose feedback never came (connection lost)
	commits  []time.Duration
	frames   []time.Duration // tutor serve: connect to first screen
	bare     []time.Duration // barewish: the same
	errs     []string
	connects int // sessions that got their first screen
	attempts int
	named    bool
}

func (l *learner) logErr(err error) {
	if l.run.cfg.verbose {
		fmt.Fprintf(os.Stderr, "loadtest: learner %d: %v\n", l.n, err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.errs) < 20 {
		l.errs = append(l.errs, err.Error())
	}
}

// think waits a learner's pause (mean: the run's think time); false when
// the phase ended meanwhile.
func (l *learner) think(ctx context.Context) bool {
	d := l.run.cfg.think/2 + time.Duration(l.rng.Int64N(int64(l.run.cfg.think)+1))
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

// loop works until the deadline, reconnecting when the connection drops.
func (l *learner) loop(ctx context.Context, deadline time.Time) {
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	backoff := 250 * time.Millisecond
	for ctx.Err() == nil && time.Now().Before(deadline) {
		t, err := l.connect(ctx)
		if ctx.Err() != nil {
			if t != nil {
				t.close()
			}
			return
		}
		if err != nil {
			l.logErr(fmt.Errorf("connect: %w", err))
			time.Sleep(backoff + time.Duration(l.rng.Int64N(int64(backoff))))
			backoff = min(2*backoff, 2*time.Second)
			continue
		}
		backoff = 250 * time.Millisecond
		l.run.held.Add(1)
		err = l.work(ctx, t, deadline)
		l.run.held.Add(-1)
		t.close()
		if err == nil || ctx.Err() != nil { // the end of the phase
			return
		}
		l.logErr(err)
	}
}

// connect measures one bare wish first frame and one tutor serve first
// frame, in an order that alternates, and returns the tutor session.
func (l *learner) connect(ctx context.Context) (*term, error) {
	l.mu.Lock()
	l.attempts++
	bareFirst := (l.n+l.attempts)%2 == 0
	l.mu.Unlock()
	if bareFirst {
		l.probeBare(ctx)
	}
	start := time.Now()
	t, err := dial(ctx, l.run.tutorAddr(), l.from, l.key)
	if err != nil {
		return nil, err
	}
	which := -1
	_, err = t.wait(ctx, waitLimit, func(s string) bool { which = firstScreen(s); return which >= 0 })
	if err != nil {
		t.close()
		return nil, fmt.Errorf("first screen: %w", err)
	}
	l.mu.Lock()
	l.frames = append(l.frames, time.Since(start))
	l.connects++
	l.mu.Unlock()
	if !bareFirst {
		l.probeBare(ctx)
	}
	if which == 1 {
		// A name prompt (first login): give one.
		if err := t.send(fmt.Sprintf("Learner %d\r", l.n)); err != nil {
			t.close()
			return nil, err
		}
		if _, err := t.wait(ctx, waitLimit, func(s string) bool { return firstScreen(s) == 0 }); err != nil {
			t.close()
			return nil, fmt.Errorf("after the name prompt: %w", err)
		}
		l.mu.Lock()
		l.named = true
		l.mu.Unlock()
	}
	return t, nil
}

func (l *learner) probeBare(ctx context.Context) {
	if l.run.bareAddr == "" {
		return
	}
	start := time.Now()
	t, err := dial(ctx, l.run.bareAddr, l.from, l.key)
	if err != nil {
		l.logErr(fmt.Errorf("barewish: %w", err))
		return
	}
	defer t.close()
	if _, err := t.wait(ctx, waitLimit, func(s string) bool { return strings.Contains(s, bareReady) && strings.Contains(s, "q: quit") }); err != nil {
		l.logErr(fmt.Errorf("barewish first screen: %w", err))
		return
	}
	l.mu.Lock()
	l.bare = append(l.bare, time.Since(start))
	l.mu.Unlock()
}

// work opens lessons and takes their quizzes until the deadline (nil) or
// the connection fails.
func (l *learner) work(ctx context.Context, t *term, deadline time.Time) error {
	for ctx.Err() == nil && time.Now().Before(deadline) {
		s := t.screen()
		cur, total, inLesson := lessonOf(s)
		if !inLesson {
			if !strings.Contains(s, outlineText) {
				return fmt.Errorf("neither the outline nor a lesson on screen:\n%s", s)
			}
			if l.next < 1 {
				l.next = 1
			}
			if err := t.send("g" + strings.Repeat("j", l.next-1) + "\r"); err != nil {
				return err
			}
			if _, err := t.wait(ctx, waitLimit, func(s string) bool { c, _, ok := lessonOf(s); return ok && c == l.next }); err != nil {
				return fmt.Errorf("opening lesson %d: %w", l.next, err)
			}
			continue
		}
		l.total = total
		if !l.think(ctx) {
			return nil
		}
		if err := t.send(" "); err != nil { // read a page
			return err
		}
		if !l.think(ctx) {
			return nil
		}
		if err := t.send("t"); err != nil {
			return err
		}
		_, which, err := t.waitText(ctx, waitLimit, "Question ", noQuizText)
		if err != nil {
			return fmt.Errorf("lesson %d: opening its quiz: %w", cur, err)
		}
		if which == 0 {
			if err := l.quiz(ctx, t, deadline); err != nil {
				return fmt.Errorf("lesson %d quiz: %w", cur, err)
			}
			if time.Now().After(deadline) {
				return nil
			}
			if _, err := t.wait(ctx, waitLimit, func(s string) bool { c, _, ok := lessonOf(s); return ok && c == cur }); err != nil {
				return fmt.Errorf("back to lesson %d: %w", cur, err)
			}
		}
		l.next = cur%total + 1
		keys := "n"
		if cur == total {
			keys = "q"
		}
		if err := t.send(keys); err != nil {
			return err
		}
		if _, err := t.wait(ctx, waitLimit, func(s string) bool {
			c, _, ok := lessonOf(s)
			return ok && c == l.next || !ok && strings.Contains(s, outlineText)
		}); err != nil {
			return fmt.Errorf("from lesson %d to %d: %w", cur, l.next, err)
		}
	}
	return nil
}

// phaseRun is what the learners of one phase share.
type phaseRun struct {
	cfg      config
	bareAddr string
	addr     atomic.Value // string: tutor serve's address
	held     atomic.Int64 // sessions connected now
	answers  atomic.Int64 // feedbacks shown so far
}

func (r *phaseRun) tutorAddr() string { return r.addr.Load().(string) }
