package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

func init() { sandboxCommands = append(sandboxCommands, newSandboxSimulateCmd) }

// simulateOptions are the flags of `tutor sandbox simulate`.
type simulateOptions struct {
	scenario string // file, or - for stdin
	example  string // --example: a shipped example instead of a file
	asJSON   bool
	full     bool
}

func newSandboxSimulateCmd(g *globals) *cobra.Command {
	var opts simulateOptions
	cmd := &cobra.Command{
		Use:   "simulate SCENARIO.yaml|--example NAME [--json] [--full]",
		Short: "Replay what an event source does around a handler, on a virtual clock",
		Long: `simulate runs a scenario: an event source (` + source.List() + `),
its settings, a handler (a sample handler run in-process, or a
scripted behaviour) and the records that arrive. It replays, in milliseconds,
what Lambda and the source would do over minutes or days: receives,
invocations, errors, visibility timeouts, retries with their real delays,
bisected batches, checkpoints, throttles, dead-letter queues and on-failure
destinations. Every field left out takes AWS's default.

Without --json it prints the timeline and a summary. --json prints
{"source", "notes", "metrics", "records", "subscriptions", "timeline"}; a run
with more than 10,000 records or timeline entries keeps the first 10,000 of
each and adds "truncated": true, unless --full is given. SCENARIO may be - to
read standard input; --example NAME runs one of the shipped examples
instead ('tutor sandbox examples' lists them).`,
		Example: `  tutor sandbox simulate --example sqs-poison-partial
  tutor sandbox simulate poison.yaml
  tutor sandbox simulate poison.yaml --json | jq .metrics

  # poison.yaml
  source: sqs
  behaviour:
    rules:
      - {match: {contains: poison}, result: report}
  mapping: {report_batch_item_failures: true}
  queue: {dead_letter_queue: true, max_receive_count: 3}
  records:
    - {id: m1, body: '{"orderId": 1}'}
    - {id: m2, body: '{"orderId": 2, "note": "poison"}'}`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.example != "" && len(args) > 0:
				return usageErrorf("give a scenario file or --example NAME, not both")
			case opts.example != "":
				opts.scenario = opts.example
			case len(args) != 1:
				return usageErrorf("simulate takes one scenario file (or - for stdin, or --example NAME), got %d arguments", len(args))
			default:
				opts.scenario = args[0]
			}
			return runSandboxSimulate(cmd.Context(), opts, g.stdin, g.stdout)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.asJSON, "json", false, "print the run as JSON")
	f.StringVar(&opts.example, "example", "", "run the shipped example `NAME` (tutor sandbox examples lists them)")
	f.BoolVar(&opts.full, "full", false, "keep every record and timeline entry, past the first 10,000")
	return cmd
}

// runSandboxSimulate loads the scenario, runs it and prints the result.
// --json streams: a run of millions of records is written as it is read
// from the simulator's state, never built whole in memory.
func runSandboxSimulate(ctx context.Context, opts simulateOptions, stdin io.Reader, stdout io.Writer) error {
	var (
		sc  *sim.Scenario
		err error
	)
	switch {
	case opts.example != "":
		sc, err = loadExample(opts.example)
	case opts.scenario == "-":
		data, rerr := io.ReadAll(stdin)
		if rerr != nil {
			return fmt.Errorf("reading the scenario from stdin: %w", rerr)
		}
		sc, err = sim.Load("stdin", data)
	default:
		sc, err = sim.LoadFile(opts.scenario)
	}
	if err != nil {
		return err
	}
	name := opts.scenario
	if name == "-" {
		name = "stdin"
	}
	if opts.asJSON {
		if err := sim.WriteJSON(ctx, stdout, sc, sim.Options{Full: opts.full}); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	res, err := sim.Run(ctx, sc, sim.Options{Full: opts.full})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	_, err = io.WriteString(stdout, strings.Join(sim.Lines(res), "\n")+"\n")
	return err
}
