// Command loadtest drives N concurrent SSH learners against one tutor serve
// on SQLite, on loopback, for a bounded time, and reports what the class
// server holds up to (issue 15, "Real parts, real tests"):
//
//	go run ./cmd/internal/serve/loadtest [-n 200] [-duration 2m] [-phases steady,kill]
//
// Each learner has its own ed25519 key, an xterm pty and a terminal
// emulator (github.com/charmbracelet/x/vt) that reads the screen as the
// learner sees it. It opens lessons, opens each lesson's quiz (t), answers
// every item of the main round once (a random choice) and notes each first
// answer's feedback it was shown. Phase "steady" runs the whole time;
// phase "kill" SIGKILLs the server halfway and restarts it on the same
// state directory and port, and the learners reconnect and go on. After
// each phase the server is stopped and its tutor.db read: every answer a
// learner was shown must be there.
//
// First frame (connect to the first whole screen) is measured against
// barewish, a bare wish v2 program, by the same client code, each learner
// probing both in alternating order so that load hits both alike.
//
// Exit status: 0 when every budget is met (answers lost 0; first-frame p50
// at most 1.5x the bare program's, in the steady phase), 1 when one is
// missed, 2 when the run could not be made.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

type config struct {
	n        int
	duration time.Duration
	ramp     time.Duration
	think    time.Duration
	timeout  time.Duration
	tutor    string
	listen   string
	phases   []string
	keep     bool
	maxProcs int
	verbose  bool
}

func main() {
	var c config
	var phases string
	flag.IntVar(&c.n, "n", 200, "concurrent learners")
	flag.DurationVar(&c.duration, "duration", 2*time.Minute, "length of each phase")
	flag.DurationVar(&c.ramp, "ramp", 0, "spread the learners' first connections over `D` (default n×50ms)")
	flag.DurationVar(&c.think, "think", 700*time.Millisecond, "a learner's mean pause between keys that do something")
	flag.DurationVar(&c.timeout, "timeout", 0, "hard limit for the whole run (default: the phases plus 5m)")
	flag.StringVar(&c.tutor, "tutor", "", "tutor binary `PATH` (default: build ./cmd/tutor)")
	flag.StringVar(&c.listen, "listen", "127.0.0.1:0", "tutor serve's `ADDR` (loopback only)")
	flag.StringVar(&phases, "phases", "steady,kill", "phases to run: steady, kill (SIGKILL halfway and restart)")
	flag.BoolVar(&c.keep, "keep", false, "keep the state directories (their tutor.db) and the servers' logs")
	flag.IntVar(&c.maxProcs, "max-sessions", 0, "tutor serve --max-sessions (default n+50)")
	flag.BoolVar(&c.verbose, "v", false, "print each learner's errors as they happen")
	flag.Parse()
	if err := check(&c, phases); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(2)
	}
	code, err := run(c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
	}
	os.Exit(code)
}

// check validates the flags and fills in the defaults.
func check(c *config, phases string) error {
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q: flags only (see -h)", flag.Arg(0))
	}
	if c.n < 1 || c.n > 1000 {
		return fmt.Errorf("-n %d: use 1 to 1000", c.n)
	}
	if c.duration < 5*time.Second || c.duration > 30*time.Minute {
		return fmt.Errorf("-duration %v: use 5s to 30m", c.duration)
	}
	if c.think <= 0 {
		return fmt.Errorf("-think %v: use a duration above 0", c.think)
	}
	if err := loopbackOnly(c.listen); err != nil {
		return err
	}
	for _, p := range strings.Split(phases, ",") {
		if p != "steady" && p != "kill" {
			return fmt.Errorf("-phases %s: each phase is steady or kill", phases)
		}
		c.phases = append(c.phases, p)
	}
	if c.ramp == 0 {
		c.ramp = time.Duration(c.n) * 50 * time.Millisecond
	}
	if c.ramp >= c.duration {
		return fmt.Errorf("-ramp %v: use less than -duration %v", c.ramp, c.duration)
	}
	if c.timeout == 0 {
		c.timeout = time.Duration(len(c.phases))*c.duration + 5*time.Minute
	}
	if c.maxProcs == 0 {
		c.maxProcs = c.n + 50
	}
	return nil
}

func run(c config) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	// The hard limit holds even if something below hangs.
	watchdog := time.AfterFunc(c.timeout+30*time.Second, func() {
		fmt.Fprintf(os.Stderr, "loadtest: still running %v after the -timeout: giving up\n", 30*time.Second)
		killAll()
		os.Exit(2)
	})
	defer watchdog.Stop()
	defer killAll()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		fmt.Fprintln(os.Stderr, "loadtest: interrupted: stopping the servers")
		killAll()
		os.Exit(2)
	}()

	dir, err := os.MkdirTemp("", "tutor-loadtest-")
	if err != nil {
		return 2, err
	}
	if c.keep {
		fmt.Fprintf(os.Stderr, "loadtest: state directories and logs in %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	b := bins{tutor: c.tutor}
	if b.tutor == "" {
		fmt.Fprintln(os.Stderr, "loadtest: building tutor and barewish")
		if b.tutor, err = build(ctx, dir, "github.com/tutor-dev/tutor/cmd/tutor", "tutor"); err != nil {
			return 2, err
		}
	}
	if b.bare, err = build(ctx, dir, "github.com/tutor-dev/tutor/cmd/internal/serve/loadtest/barewish", "barewish"); err != nil {
		return 2, err
	}
	var results []result
	for _, p := range c.phases {
		fmt.Fprintf(os.Stderr, "loadtest: phase %s: %d learners for %v\n", p, c.n, c.duration)
		r, err := runPhase(ctx, c, b, filepath.Join(dir, p), p == "kill")
		if err != nil {
			return 2, fmt.Errorf("phase %s: %w", p, err)
		}
		results = append(results, r)
	}
	fmt.Println()
	printTable(os.Stdout, results)
	code := 0
	for _, r := range results {
		for _, e := range r.SampleErrors {
			fmt.Printf("  %s, a learner's error: %s\n", r.Name, strings.ReplaceAll(e, "\n", "\n    | "))
		}
	}
	for _, r := range results {
		for _, miss := range r.budgets() {
			fmt.Println("BUDGET MISSED:", miss)
			code = 1
		}
	}
	if code == 0 {
		fmt.Println("every budget met")
	}
	return code, nil
}
