package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

type bins struct{ tutor, bare string }

// children are the servers running now, killed on the way out.
var children struct {
	sync.Mutex
	procs map[*proc]bool
}

func track(p *proc, on bool) {
	children.Lock()
	defer children.Unlock()
	if children.procs == nil {
		children.procs = map[*proc]bool{}
	}
	if on {
		children.procs[p] = true
	} else {
		delete(children.procs, p)
	}
}

func killAll() {
	children.Lock()
	defer children.Unlock()
	for p := range children.procs {
		p.kill()
		delete(children.procs, p)
	}
}

func startTutor(b bins, c config, state, listen string) (*proc, error) {
	p, err := startProc("tutor serve", b.tutor, []string{"serve", "--open", "--listen", listen,
		"--state-dir", state, "--max-sessions", strconv.Itoa(c.maxProcs)}, nil)
	if err == nil {
		track(p, true)
	}
	return p, err
}

// runPhase runs one phase in dir (a new directory) and reads the store.
func runPhase(ctx context.Context, c config, b bins, dir string, kill bool) (result, error) {
	r := result{Name: "steady", Learners: c.n, Duration: c.duration, Killed: kill}
	if kill {
		r.Name = "SIGKILL+restart"
	}
	state := filepath.Join(dir, "state")
	if err := os.MkdirAll(state, 0o700); err != nil {
		return r, err
	}
	srv, err := startTutor(b, c, state, c.listen)
	if err != nil {
		return r, err
	}
	bare, err := startProc("barewish", b.bare, []string{"--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "barewish_host_ed25519")}, nil)
	if err != nil {
		return r, err
	}
	track(bare, true)
	time.Sleep(time.Second)
	r.IdleRSS, _, _ = srv.memory()

	run := &phaseRun{cfg: c, bareAddr: bare.addr}
	run.addr.Store(srv.addr)
	ls := make([]*learner, c.n)
	for i := range ls {
		k, err := newKey()
		if err != nil {
			return r, err
		}
		ls[i] = &learner{n: i + 1, key: k, run: run, rng: rand.New(rand.NewPCG(uint64(i), uint64(time.Now().UnixNano()))),
			next: i%17 + 1, from: fmt.Sprintf("127.0.%d.%d", 1+i/250, 2+i%250)}
	}
	start := time.Now()
	deadline := start.Add(c.duration)
	var wg sync.WaitGroup
	for i, l := range ls {
		wg.Go(func() {
			select {
			case <-time.After(time.Duration(i) * c.ramp / time.Duration(c.n)):
			case <-ctx.Done():
				return
			}
			l.loop(ctx, deadline)
		})
	}
	// Watch: sessions held, the server's memory, and the kill.
	var rssSamples, heldSamples []int64
	killAt := start.Add(c.duration / 2)
	pending := kill // the SIGKILL is still to come
	tick := time.NewTicker(500 * time.Millisecond)
	lag, err := openLag(filepath.Join(state, progress.DBFile))
	if err != nil {
		return r, err
	}
	var ticks int64
	for time.Now().Before(deadline) && ctx.Err() == nil {
		<-tick.C
		if ticks++; ticks%4 == 0 { // every 2s: the store's lag behind the screens
			shownNow := run.answers.Load()
			if n, err := lag.stored(ctx); err == nil {
				r.MaxLag = max(r.MaxLag, shownNow-n)
			}
		}
		h := int(run.held.Load())
		r.HeldMax = max(r.HeldMax, h)
		if time.Until(deadline) > time.Second {
			r.HeldEnd = h
		}
		if h*10 >= c.n*9 && (!kill || pending) { // memory: before any kill

			if rss, _, err := srv.memory(); err == nil {
				rssSamples, heldSamples = append(rssSamples, rss), append(heldSamples, int64(h))
			}
		}
		if pending && time.Now().After(killAt) {
			_, r.HWM, _ = srv.memory()
			fmt.Fprintf(os.Stderr, "loadtest: SIGKILL tutor serve (pid %d) with %d sessions, %d answers shown so far\n",
				srv.cmd.Process.Pid, h, run.answers.Load())
			shownNow := run.answers.Load()
			srv.kill()
			track(srv, false)
			if n, err := lag.stored(ctx); err == nil {
				r.LagAtKill = max(shownNow-n, 0) // below 0: commits whose feedback was not drawn yet
			}
			time.Sleep(time.Second)
			if srv, err = startTutor(b, c, state, srv.addr); err != nil {
				return r, fmt.Errorf("restarting after SIGKILL: %w", err)
			}
			run.addr.Store(srv.addr)
			fmt.Fprintln(os.Stderr, "loadtest: tutor serve restarted on the same state directory")
			pending = false
		}
	}
	tick.Stop()
	lag.close()
	wg.Wait()
	if len(rssSamples) > 0 {
		r.FullRSS, r.HeldAtRSS = median(rssSamples), int(median(heldSamples))
	}
	if _, hwm, err := srv.memory(); err == nil && !kill {
		r.HWM = hwm
	}
	stopErr := srv.stop(15 * time.Second)
	track(srv, false)
	_ = bare.stop(5 * time.Second)
	track(bare, false)
	if c.keep {
		_ = os.WriteFile(filepath.Join(dir, "tutor-serve.log"), []byte(srv.fullLog()), 0o600)
	}
	if stopErr != nil {
		r.SampleErrors = append(r.SampleErrors, stopErr.Error())
	}

	shown, inflight := map[string]map[string]int{}, map[string]map[string]int{}
	for _, l := range ls {
		l.mu.Lock()
		for _, s := range l.shown {
			bump(shown, l.key.id, s.item, 1)
		}
		for item, n := range l.inflight {
			bump(inflight, l.key.id, item, n)
		}
		r.FirstFrame = append(r.FirstFrame, l.frames...)
		r.BareFrame = append(r.BareFrame, l.bare...)
		r.Commit = append(r.Commit, l.commits...)
		r.Connects += l.connects
		for _, e := range l.errs {
			switch {
			case strings.HasPrefix(e, "connect: "):
				r.ConnectFails++
			case strings.Contains(e, errGone.Error()):
				r.Drops++
			default:
				r.Errors++
			}
		}
		if l.named {
			r.Named++
		}
		if len(l.errs) > 0 && len(r.SampleErrors) < 5 {
			r.SampleErrors = append(r.SampleErrors, fmt.Sprintf("learner %d: %s", l.n, l.errs[0]))
		}
		l.mu.Unlock()
	}
	stored, err := readStore(ctx, filepath.Join(state, progress.DBFile))
	if err != nil {
		return r, err
	}
	r.Tally = compare(shown, inflight, stored)
	return r, nil
}

func bump(m map[string]map[string]int, who, item string, n int) {
	if m[who] == nil {
		m[who] = map[string]int{}
	}
	m[who][item] += n
}

func median(xs []int64) int64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// readStore counts the store's logged answers by learner and item.
func readStore(ctx context.Context, path string) (map[string]map[string]int, error) {
	st, err := progress.OpenClass(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("reading the store: %w", err)
	}
	defer st.Close()
	log, err := st.AnswerLog(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the store: %w", err)
	}
	out := map[string]map[string]int{}
	for _, a := range log {
		bump(out, a.Learner, a.Item, 1)
	}
	return out, nil
}

// lagWatch counts the store's answers while the server runs (read-only,
// as tutor class report reads a live store), to see how far the store is
// behind what learners were shown.
type lagWatch struct {
	db *sql.DB
}

func openLag(path string) (*lagWatch, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return &lagWatch{db: db}, nil
}

// stored is the number of answers in the store now.
func (w *lagWatch) stored(ctx context.Context) (int64, error) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	var n int64
	err := w.db.QueryRowContext(ctx, `SELECT count(*) FROM answers`).Scan(&n)
	return n, err
}

func (w *lagWatch) close() { w.db.Close() }
