package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/filter"
)

func init() { sandboxCommands = append(sandboxCommands, newSandboxFilterCmd) }

// filterOptions are the flags of `tutor sandbox filter`.
type filterOptions struct {
	kind   string // sns | pattern
	scope  string // attributes | body (sns only)
	policy string // file, or - for stdin
	input  string // file, or - for stdin
	asJSON bool
}

func newSandboxFilterCmd(g *globals) *cobra.Command {
	var opts filterOptions
	cmd := &cobra.Command{
		Use:   "filter --kind sns|pattern [--scope attributes|body] --policy FILE --input FILE [--json]",
		Short: "Check whether a message passes an SNS filter policy or an event pattern, and why not",
		Long: `filter evaluates a filter the way AWS does and says whether the input matches;
if it does not, it names the first key that failed, what the filter wanted
there and what the input had.

  --kind sns       an SNS subscription filter policy. --scope attributes (the
                   default, like SNS's) matches the message attributes, given as
                   {"name": {"Type": "String", "Value": "..."}}; --scope body
                   matches the message itself (a message that is not a JSON
                   object matches no body policy).
  --kind pattern   an EventBridge or Lambda event-source-mapping event pattern,
                   matched against the event or record as the filter sees it
                   (an SQS body or Kinesis data already decoded to JSON).

The policy is checked first with AWS's rules (SNS: at most 256 KB, 5 keys,
150 combinations, numbers within ±1,000,000,000 with at most 5 decimals;
patterns: at most 4,096 characters, Lambda's limit for a FilterCriteria
pattern, with a warning past EventBridge's default 2,048; both: well-formed
operators). An invalid policy exits 1 with AWS's reason. An input over 6 MB
is refused. Neither file is read past its limit.
Either --policy or --input (not both) may be - to read standard input.

--json prints {"match": true|false, "reason": "..."}; reason is "" on a match.
When there is a mismatch it also carries key, want, got, and missing or in_or
when they apply.`,
		Example: `  echo '{"store": ["example_corp"], "price_usd": [{"numeric": [">=", 100]}]}' > policy.json
  echo '{"store": {"Type": "String", "Value": "other"}}' > attrs.json
  tutor sandbox filter --kind sns --policy policy.json --input attrs.json
  # no match: key "store": wanted "example_corp", got "other"

  tutor sandbox filter --kind pattern --policy pattern.json --input event.json --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("scope") {
				opts.scope = ""
			}
			return runSandboxFilter(opts, g.stdin, g.stdout, g.stderr)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.kind, "kind", "", "what the policy is: `sns` (filter policy) or pattern (event pattern)")
	f.StringVar(&opts.scope, "scope", "attributes", "for --kind sns: match the message `attributes` or its body")
	f.StringVar(&opts.policy, "policy", "", "the policy or pattern, a JSON `FILE` (- for stdin)")
	f.StringVar(&opts.input, "input", "", "the attributes, message or event, a `FILE` (- for stdin)")
	f.BoolVar(&opts.asJSON, "json", false, `print {"match": ..., "reason": ...} as JSON`)
	return cmd
}

// runSandboxFilter checks the flags, compiles the policy and matches it.
func runSandboxFilter(opts filterOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if opts.kind == "" {
		return usageErrorf("--kind is required: sns or pattern")
	}
	if opts.kind != "sns" && opts.kind != "pattern" {
		return usageErrorf("--kind must be sns or pattern, not %q", opts.kind)
	}
	scope := filter.ScopeAttributes
	if opts.scope != "" {
		if opts.kind != "sns" {
			return usageErrorf("--scope applies only to --kind sns")
		}
		s, err := filter.ParseScope(opts.scope)
		if err != nil {
			return usageErrorf("--scope must be attributes or body, not %q", opts.scope)
		}
		scope = s
	}
	if opts.policy == "" {
		return usageErrorf("--policy FILE is required")
	}
	if opts.input == "" {
		return usageErrorf("--input FILE is required")
	}
	if opts.policy == "-" && opts.input == "-" {
		return usageErrorf("only one of --policy and --input can read standard input")
	}

	policyText, err := readArg(opts.policy, stdin, maxPolicyRead)
	if err != nil {
		return fmt.Errorf("reading the policy: %w", err)
	}
	if len(policyText) > maxPolicyRead {
		if opts.kind == "sns" {
			return fmt.Errorf("%s: %w", argName(opts.policy), &filter.PolicyError{Kind: filter.KindSNS,
				Reason: fmt.Sprintf("Filter policy is too large (over %d bytes; the limit is %d)", maxPolicyRead, filter.MaxPolicyBytes)})
		}
		return fmt.Errorf("%s: %w", argName(opts.policy), &filter.PolicyError{Kind: filter.KindPattern,
			Reason: fmt.Sprintf("Member must have length less than or equal to %d (this pattern is over %d bytes)", filter.MaxPatternChars, maxPolicyRead)})
	}
	inputText, err := readArg(opts.input, stdin, sandbox.MaxSyncPayload)
	if err != nil {
		return fmt.Errorf("reading the input: %w", err)
	}
	if len(inputText) > sandbox.MaxSyncPayload {
		return fmt.Errorf("%s: the input is over %d bytes, more than any event Lambda passes to a function (6 MB); filter a smaller message",
			argName(opts.input), sandbox.MaxSyncPayload)
	}
	var p *filter.Policy
	if opts.kind == "sns" {
		p, err = filter.CompileSNS(policyText, scope)
	} else {
		p, err = filter.CompilePattern(policyText)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", argName(opts.policy), err)
	}
	for _, w := range p.Warnings() {
		fmt.Fprintf(stderr, "tutor: warning: %s: %s\n", argName(opts.policy), w)
	}
	r, err := p.Match(inputText)
	if err != nil {
		return fmt.Errorf("%s: %w", argName(opts.input), err)
	}
	if opts.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	}
	if r.Match {
		_, err = fmt.Fprintln(stdout, "match")
	} else {
		_, err = fmt.Fprintln(stdout, "no match: "+r.Reason)
	}
	return err
}

// maxPolicyRead is as much of a policy as is read: SNS's limit on a filter
// policy, well above the longest event pattern (4,096 characters of at most
// 4 bytes each). Anything longer is refused without reading the rest.
const maxPolicyRead = filter.MaxPolicyBytes

// readArg reads a file, or stdin for "-", up to limit+1 bytes: a longer
// (or endless) one comes back limit+1 bytes long, for the caller to refuse.
func readArg(name string, stdin io.Reader, limit int) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("%s is a directory", name)
		}
		r = f
	}
	return io.ReadAll(io.LimitReader(r, int64(limit)+1))
}

func argName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}
