package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/sandbox/sim"
)

func init() { sandboxCommands = append(sandboxCommands, newSandboxExamplesCmd) }

func newSandboxExamplesCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "examples [--json]",
		Short: "List the example scenarios shipped in the binary (run one with simulate --example NAME)",
		Example: `  tutor sandbox examples
  tutor sandbox simulate --example sqs-poison-partial
  tutor sandbox examples --json | jq -r '.[] | select(.source == "kinesis") | .name'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSandboxExamples(asJSON, g.stdout)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {name, source, description}")
	return cmd
}

func runSandboxExamples(asJSON bool, w io.Writer) error {
	ex := sim.Examples()
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(ex)
	}
	nameW, srcW := 0, len("SOURCE")
	for _, e := range ex {
		nameW, srcW = max(nameW, len(e.Name)), max(srcW, len(e.Source))
	}
	width := nameW + 2 + srcW + 2
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSOURCE\tWHAT IT SHOWS")
	for _, e := range ex {
		// each row fits 80 columns; --json has the whole sentence
		fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Name, e.Source, ansi.Truncate(e.Description, max(80-width, 20), "…"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nRun one: tutor sandbox simulate --example NAME (add --json for every event).")
	return err
}

// exampleNames are the names of the shipped examples.
func exampleNames() []string {
	var out []string
	for _, e := range sim.Examples() {
		out = append(out, e.Name)
	}
	return out
}

// loadExample loads a shipped example, or says which one was meant.
func loadExample(name string) (*sim.Scenario, error) {
	data, ok := sim.ExampleScenario(name)
	if !ok {
		return nil, usageErrorf("no example %q.%s Run 'tutor sandbox examples' for the list.", name, didYouMean(name, exampleNames()))
	}
	return sim.Load(name+".yaml", data)
}
