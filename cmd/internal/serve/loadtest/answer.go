package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// quiz answers each item of the main round once, then leaves.
func (l *learner) quiz(ctx context.Context, t *term, deadline time.Time) error {
	for {
		s, which, err := t.waitText(ctx, waitLimit, "Question ", summaryText)
		if err != nil {
			return err
		}
		q, ok := parseQuestion(s)
		if which == 0 && ok && q.id == "" {
			return fmt.Errorf("the quiz's header was cut off (no item id):\n%s", s)
		}
		if which == 1 || !ok || q.review || time.Now().After(deadline) {
			key := "q"
			if which == 1 {
				key = "\r"
			}
			return t.send(key)
		}
		if !l.think(ctx) {
			return nil
		}
		moves := strings.Repeat("j", l.rng.IntN(max(q.choices, 1)))
		if q.multi {
			moves += " "
		}
		if err := t.send(moves); err != nil {
			return err
		}
		time.Sleep(20 * time.Millisecond)
		start := time.Now()
		if err := t.send("\r"); err != nil {
			return l.lost(q.id, err)
		}
		s, which, err = t.waitText(ctx, waitLimit, rightText, missedText, "tried that already", "Choose with space first")
		if err != nil {
			return l.lost(q.id, err)
		}
		if which >= 2 {
			return fmt.Errorf("%s: the answer was not taken:\n%s", q.id, s)
		}
		if p, ok := parseQuestion(s); !ok || p.id != q.id {
			return fmt.Errorf("%s: feedback under another question:\n%s", q.id, s)
		}
		l.mu.Lock()
		l.commits = append(l.commits, time.Since(start))
		l.shown = append(l.shown, shown{item: q.id, right: which == 0})
		l.mu.Unlock()
		l.run.answers.Add(1)
		if which == 1 { // missed: see the right answer, then go on
			if !l.think(ctx) {
				return nil
			}
			if err := t.send("s"); err != nil {
				return err
			}
			if _, _, err := t.waitText(ctx, waitLimit, skippedText); err != nil {
				return err
			}
		}
		if !l.think(ctx) {
			return nil
		}
		if err := t.send("\r"); err != nil {
			return err
		}
		if _, err := t.wait(ctx, waitLimit, func(s string) bool {
			p, ok := parseQuestion(s)
			return strings.Contains(s, summaryText) || ok && (p.index != q.index || p.review != q.review)
		}); err != nil {
			return err
		}
	}
}

// lost notes an answer submitted whose feedback never came.
func (l *learner) lost(item string, err error) error {
	l.mu.Lock()
	if l.inflight == nil {
		l.inflight = map[string]int{}
	}
	l.inflight[item]++
	l.mu.Unlock()
	return err
}
