package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/handlers"
)

func init() {
	sandboxCommands = append(sandboxCommands, newSandboxListCmd, newSandboxInvokeCmd)
}

// sandboxListOpts are the flags of `tutor sandbox list`.
type sandboxListOpts struct {
	asJSON bool
}

// sandboxList is the --json output of `tutor sandbox list`.
type sandboxList struct {
	Handlers []sandboxListHandler `json:"handlers"`
	Events   []sandboxListEvent   `json:"events"`
}

type sandboxListHandler struct {
	Name        string        `json:"name"`
	Source      source.Source `json:"source"`
	Description string        `json:"description"`
	Events      []string      `json:"events"` // the events of its source
}

type sandboxListEvent struct {
	Name   string        `json:"name"`
	Source source.Source `json:"source"`
}

func newSandboxListCmd(g *globals) *cobra.Command {
	var o sandboxListOpts
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "List the sample handlers and events",
		Long: `list prints the sample handlers the labs run, each with its event source,
what it does and the sample events of that source, then every sample event.

--json prints {"handlers": [{"name", "source", "description", "events"}],
"events": [{"name", "source"}]}.`,
		Example: `  tutor sandbox list
  tutor sandbox list --json | jq -r '.handlers[].name'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSandboxList(o, g.stdout)
		},
	}
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "print the list as JSON")
	return cmd
}

// runSandboxList prints the handlers and events.
func runSandboxList(o sandboxListOpts, stdout io.Writer) error {
	evs, err := sandbox.BuiltinEvents()
	if err != nil {
		return err
	}
	list := sandboxList{Handlers: []sandboxListHandler{}, Events: []sandboxListEvent{}}
	for _, h := range handlers.All() {
		names := []string{}
		for _, e := range evs.ForSource(h.Source) {
			names = append(names, e.Name)
		}
		list.Handlers = append(list.Handlers, sandboxListHandler{Name: h.Name, Source: h.Source, Description: h.Description, Events: names})
	}
	for _, e := range evs.List() {
		list.Events = append(list.Events, sandboxListEvent(e))
	}
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	// One block per handler, every line within 80 columns.
	bw := bufio.NewWriter(stdout)
	for _, h := range list.Handlers {
		fmt.Fprintf(bw, "%s (%s)\n", h.Name, h.Source)
		fmt.Fprintln(bw, indented(h.Description, "  ", "  ", listWidth))
		fmt.Fprintln(bw, indented(strings.Join(h.Events, ", "), "  events: ", "          ", listWidth))
		fmt.Fprintln(bw)
	}
	fmt.Fprintln(bw, "Run one with: tutor sandbox invoke HANDLER [--event NAME]")
	return bw.Flush()
}

// sandboxInvokeOpts are the arguments and flags of `tutor sandbox invoke`.
type sandboxInvokeOpts struct {
	handler   string
	event     string // a sample event's name
	eventFile string // a file, or - for stdin
	timeout   time.Duration
	asJSON    bool
}

func newSandboxInvokeCmd(g *globals) *cobra.Command {
	var o sandboxInvokeOpts
	cmd := &cobra.Command{
		Use:   "invoke HANDLER [--event NAME | --event-file PATH|-] [--timeout D] [--json]",
		Short: "Run a sample handler on an event, in process, and show what Lambda would",
		Long: `invoke runs one of the sample handlers (see tutor sandbox list) on an event,
in process, through aws-lambda-go's own lambda.NewHandler: the event is decoded
into the handler's type exactly as in Lambda, and the context carries the
request ID, the function ARN and the deadline.

It prints the response, or the error in Lambda's shape (errorType is the Go
type name of the error, as aws-lambda-go reports it: "wrapError" for
fmt.Errorf with %w, "UnmarshalTypeError" for an event that does not fit the
handler's type, "string" for panic("...")), then the log lines and the REPORT
line with the duration and the billed duration (rounded up to 1 ms). A handler
still running at --timeout is reported as "Task timed out after N.NN seconds"
at that moment.

The event is the sample named by --event, the JSON file named by --event-file
(- reads standard input), or, with neither, the handler's "<source>-ok" sample.
An event over 6 MB, Lambda's synchronous payload limit, is refused with
Lambda's RequestTooLargeException (exit 1); log lines are cut at 1 MB.

A handler that returns an error is still a successful invocation: exit 0.
--json prints {"requestId", "handler", "event", "response", "error": null |
{"errorType", "errorMessage"}, "durationMs", "billedDurationMs", "logs": []}.`,
		Example: `  tutor sandbox invoke sqs-partial --event sqs-fail
  tutor sandbox invoke s3-object-logger --json | jq .logs
  tutor sandbox invoke apigateway-orders --event-file my-request.json --timeout 10s
  sam local generate-event sqs receive-message | tutor sandbox invoke sqs-batch --event-file -`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("want exactly one HANDLER, got %d arguments (handlers: %s)", len(args), strings.Join(handlers.Names(), ", "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.handler = args[0]
			if err := o.check(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			defer stop()
			return runSandboxInvoke(ctx, o, g.stdin, g.stdout, g.stderr)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.event, "event", "", "run on the sample event `NAME` (default: the handler's <source>-ok)")
	f.StringVar(&o.eventFile, "event-file", "", "run on the JSON event in `PATH` (- reads standard input)")
	f.DurationVar(&o.timeout, "timeout", sandbox.DefaultTimeout, "the function's timeout `D`, like Lambda's (at most 15m)")
	f.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

// check reports usage mistakes (exit 2).
func (o sandboxInvokeOpts) check() error {
	if o.event != "" && o.eventFile != "" {
		return usageErrorf("use --event or --event-file, not both")
	}
	if o.timeout <= 0 || o.timeout > 15*time.Minute {
		return usageErrorf("--timeout %v: want a duration above 0 and at most 15m (Lambda's maximum)", o.timeout)
	}
	return nil
}

// runSandboxInvoke invokes the handler once and prints the result.
func runSandboxInvoke(ctx context.Context, o sandboxInvokeOpts, stdin io.Reader, stdout, stderr io.Writer) error {
	h, ok := handlers.Get(o.handler)
	if !ok {
		sep := ""
		if s := suggest(o.handler, handlers.Names()); s != "" {
			sep = "; did you mean " + s + "?"
		}
		return fmt.Errorf("unknown handler %q%s (known: %s)", o.handler, sep, strings.Join(handlers.Names(), ", "))
	}
	var (
		event []byte
		err   error
	)
	if o.eventFile != "" {
		event, err = sandbox.ReadEvent(o.eventFile, stdin)
	} else {
		name := o.event
		if name == "" {
			name = string(h.Source) + "-ok"
		}
		var evs *sandbox.Events
		if evs, err = sandbox.BuiltinEvents(); err == nil {
			event, err = evs.Load(name)
		}
	}
	if err != nil {
		return err
	}
	if src, ok := eventSource(event); ok && src != h.Source {
		what := "the event"
		if o.event != "" {
			what = "event " + o.event
		}
		fmt.Fprintf(stderr, "tutor: warning: %s is a%s %s event, but %s handles %s events; expect a meaningless result (tutor sandbox list shows its events)\n",
			what, article(string(src)), src, h.Name, h.Source)
	}
	res := sandbox.Invoke(ctx, h, event, sandbox.Options{Timeout: o.timeout})
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return sandbox.WriteHuman(stdout, res)
}

// listWidth is the width `tutor sandbox list` fits in.
const listWidth = 80

// indented word-wraps text to width, the first line after first and the
// others after rest.
func indented(text, first, rest string, width int) string {
	lines := strings.Split(ansi.Wordwrap(text, width-len(first), " ,"), "\n")
	for i, l := range lines {
		lines[i] = rest + strings.TrimLeft(l, " ")
	}
	lines[0] = first + strings.TrimPrefix(lines[0], rest)
	return strings.Join(lines, "\n")
}
