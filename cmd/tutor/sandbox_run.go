package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/runtimeapi"
)

func init() {
	sandboxCommands = append(sandboxCommands, newSandboxRunCmd, newSandboxEmulateCmd)
}

// sandboxRunOpts are the flags of `tutor sandbox run`.
type sandboxRunOpts struct {
	bin       string
	event     string
	eventFile string
	timeout   time.Duration
	env       []string
	asJSON    bool
}

func newSandboxRunCmd(g *globals) *cobra.Command {
	var o sandboxRunOpts
	cmd := &cobra.Command{
		Use:   "run --bin PATH",
		Short: "Run your own compiled handler through the Lambda Runtime API",
		Long: `run starts your compiled handler (a Go main calling lambda.Start, or any
custom runtime) with AWS_LAMBDA_RUNTIME_API pointing at a Runtime API that tutor
serves on 127.0.0.1, sends it one event, and prints what Lambda would show: the
response or the error, the process's stdout and stderr, and the REPORT line.

The handler runs with Lambda's variables (AWS_LAMBDA_FUNCTION_NAME, _VERSION,
_MEMORY_SIZE, AWS_REGION, _HANDLER, LAMBDA_TASK_ROOT...) on top of your own
environment. A panic, an exit before answering (Runtime.ExitError) and a run past
--timeout ("Task timed out after N.00 seconds", the process killed) are reported
as Lambda reports them; a handler that fails is still a successful run (exit 0).
A runtime that never asks for an invocation is stopped at Lambda's 10-second
Init limit, and the error says so. Without an event flag the event is {}; an
event over 6 MB is refused with Lambda's RequestTooLargeException (exit 1).
Whatever the handler starts is killed when the run ends.`,
		Example: `  GOOS=linux go build -o bootstrap . && tutor sandbox run --bin ./bootstrap --event sqs-ok
  tutor sandbox run --bin ./bootstrap --event-file event.json --timeout 10s --json
  echo '{"id":1}' | tutor sandbox run --bin ./bootstrap --event-file - --env TABLE=orders`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer stop()
			runtimeapi.AdoptOrphans() // a handler's orphans become ours, to kill and reap
			return runSandboxRun(ctx, o, g.stdin, g.stdout)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.bin, "bin", "", "the compiled handler to run (`PATH`)")
	f.StringVar(&o.event, "event", "", "send the sample event `NAME` (see tutor sandbox list)")
	f.StringVar(&o.eventFile, "event-file", "", "send the JSON in `PATH` (- reads stdin)")
	f.DurationVar(&o.timeout, "timeout", runtimeapi.DefaultTimeout, "the function's timeout `D`")
	f.StringArrayVar(&o.env, "env", nil, "set `K=V` in the handler's environment (repeatable)")
	f.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

// check reports usage mistakes (exit 2).
func (o sandboxRunOpts) check() error {
	if o.bin == "" {
		return usageErrorf("--bin PATH is required: the compiled handler to run")
	}
	if o.event != "" && o.eventFile != "" {
		return usageErrorf("use --event or --event-file, not both")
	}
	if err := checkTimeout(o.timeout); err != nil {
		return err
	}
	for _, kv := range o.env {
		k, _, ok := strings.Cut(kv, "=")
		switch {
		case !ok || k == "":
			return usageErrorf("--env %q: want KEY=VALUE", kv)
		case k == "AWS_LAMBDA_RUNTIME_API":
			return usageErrorf("--env %s: reserved, tutor sets it to its own Runtime API", k)
		}
	}
	return nil
}

// checkTimeout accepts what Lambda accepts: more than nothing, at most 900 s.
func checkTimeout(d time.Duration) error {
	if d <= 0 || d > 15*time.Minute {
		return usageErrorf("--timeout %v: want a duration above 0 and at most 15m (Lambda's maximum)", d)
	}
	return nil
}

// runSandboxRun runs the handler once and prints the result.
func runSandboxRun(ctx context.Context, o sandboxRunOpts, stdin io.Reader, stdout io.Writer) error {
	if err := runtimeapi.CheckBin(o.bin); err != nil {
		return fmt.Errorf("--bin %w", err)
	}
	event, err := readEvent(o.event, o.eventFile, stdin)
	if err != nil {
		return err
	}
	res, err := runtimeapi.Run(ctx, runtimeapi.Config{Bin: o.bin, Timeout: o.timeout, Env: o.env}, event)
	if err != nil {
		return err
	}
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return sandbox.WriteHuman(stdout, res)
}

// readEvent returns the event the flags name; {} when they name none.
func readEvent(name, file string, stdin io.Reader) ([]byte, error) {
	switch {
	case file != "":
		return sandbox.ReadEvent(file, stdin)
	case name != "":
		evs, err := sandbox.BuiltinEvents()
		if err != nil {
			return nil, err
		}
		return evs.Load(name)
	}
	return []byte("{}"), nil
}

// sandboxEmulateOpts are the flags of `tutor sandbox emulate`.
type sandboxEmulateOpts struct {
	bin         string
	listen      string
	concurrency int
	timeout     time.Duration
}

func newSandboxEmulateCmd(g *globals) *cobra.Command {
	var o sandboxEmulateOpts
	cmd := &cobra.Command{
		Use:   "emulate --bin PATH",
		Short: "Serve your handler like AWS's Runtime Interface Emulator, concurrently",
		Long: `emulate keeps --concurrency copies of your compiled handler warm and serves
POST /2015-03-31/functions/function/invocations on --listen, as AWS's Runtime
Interface Emulator (aws-lambda-rie) does: the request body is the event, the
answer is the function's response, or its error JSON (with the header
X-Amz-Function-Error: Unhandled), a Runtime.ExitError (status 502) when the process
exits, or "Task timed out after N.00 seconds". Unlike the emulator, several
invocations run at once, one per copy; more wait for a free copy. A copy that
crashes or times out is replaced. The handlers' output and Lambda's START, END
and REPORT lines go to standard output, a whole line at a time, each cut at
1 MB. Only loopback addresses are accepted.

As Lambda's Invoke API does, it answers 413 RequestTooLargeException to a body
over 6 MB and 400 InvalidRequestContentException to one cut off or not JSON;
a body that stalls for 10 s gets 408, a response not taken within 10 s is
dropped. An invocation whose client goes away still runs to completion.
Runs until interrupted (ctrl+c or SIGTERM), then stops every copy and
everything they started.`,
		Example: `  tutor sandbox emulate --bin ./bootstrap --listen 127.0.0.1:9000 --concurrency 4
  curl -d @event.json http://127.0.0.1:9000/2015-03-31/functions/function/invocations`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.bin == "" {
				return usageErrorf("--bin PATH is required: the compiled handler to serve")
			}
			addr, err := runtimeapi.CheckLoopback(o.listen)
			if err != nil {
				return usageErrorf("--listen %v", err)
			}
			o.listen = addr
			if o.concurrency < 1 || o.concurrency > 64 {
				return usageErrorf("--concurrency %d: want 1 to 64 copies", o.concurrency)
			}
			if err := checkTimeout(o.timeout); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer stop()
			runtimeapi.AdoptOrphans()
			return runSandboxEmulate(ctx, o, g.stdout)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.bin, "bin", "", "the compiled handler to serve (`PATH`)")
	f.StringVar(&o.listen, "listen", "127.0.0.1:8080", "serve on `ADDR` (loopback only; port 0 picks a free one)")
	f.IntVar(&o.concurrency, "concurrency", 4, "keep `N` copies warm, serving N invocations at once")
	f.DurationVar(&o.timeout, "timeout", runtimeapi.DefaultTimeout, "the function's timeout `D`")
	return cmd
}

// runSandboxEmulate serves until ctx ends, then kills every copy.
func runSandboxEmulate(ctx context.Context, o sandboxEmulateOpts, stdout io.Writer) error {
	if err := runtimeapi.CheckBin(o.bin); err != nil {
		return fmt.Errorf("--bin %w", err)
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", o.listen, err)
	}
	out := lockedWriter(stdout)
	pool, err := runtimeapi.NewPool(runtimeapi.Config{Bin: o.bin, Timeout: o.timeout}, o.concurrency, out)
	if err != nil {
		ln.Close()
		return err
	}
	defer pool.Close()
	// Slow or silent clients are dropped: headers within 10 s, an idle
	// keep-alive connection after 60 s; the pool bounds reading each body
	// and writing each response itself.
	srv := &http.Server{Handler: pool, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second,
		MaxHeaderBytes: 64 << 10}
	fmt.Fprintf(out, "tutor: serving %s on http://%s%s (%d copies, timeout %v); ctrl+c stops\n",
		o.bin, ln.Addr(), runtimeapi.InvokePath, o.concurrency, o.timeout)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		pool.Close() // in-flight invocations end now, as the copies are killed
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
		return nil
	case err := <-served:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}

// lockedWriter makes w safe for the pool's concurrent writers. Files already
// are, and are handed to the children as they are (no copying).
func lockedWriter(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok {
		return f
	}
	return &syncWriter{w: w}
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
