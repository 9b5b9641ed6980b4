// Command tutor is an interactive terminal course on AWS Lambda triggers and
// event sources. main only wires subcommands; each parses its flags into an
// options struct and calls a package to do the work.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes, documented in the README.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// globals are the flags every command accepts.
type globals struct {
	content  string // --content: a course folder instead of the built-in course
	stateDir string // --state-dir: where progress lives
	theme    string // --theme: auto, dark or light (default $TUTOR_THEME, else auto)
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
}

// Commands register themselves here from their own files, so adding one
// touches no shared list.
var (
	topCommands     []func(*globals) *cobra.Command
	sandboxCommands []func(*globals) *cobra.Command
)

func main() {
	g := &globals{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	os.Exit(run(g, os.Args[1:]))
}

// run executes the command line and returns the exit code.
func run(g *globals, args []string) int {
	started := false
	root := newRootCmd(g, &started)
	root.SetArgs(args)
	root.SetIn(g.stdin)
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	msg := strings.TrimSpace(err.Error())
	var ce *codeError
	code := exitError
	switch {
	case errors.As(err, &ce):
		code = ce.code
	case !started:
		// cobra failed before any command ran: a bad flag, argument or command.
		code = exitUsage
		if name, ok := unknownCommand(msg); ok {
			msg = fmt.Sprintf("unknown command %q.%s Run 'tutor --help' for the commands.", name, didYouMean(name, commandNames(root)))
		} else {
			msg += "\nRun 'tutor --help' for usage."
		}
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(g.stderr, "tutor: "+msg)
	}
	return code
}

// codeError carries an exit code other than 1.
type codeError struct {
	code int
	err  error
}

func (e *codeError) Error() string { return e.err.Error() }
func (e *codeError) Unwrap() error { return e.err }

// usageErrorf reports a usage mistake found after flag parsing (exit 2).
func usageErrorf(format string, a ...any) error {
	return &codeError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

// errSilent marks an error whose message was already printed.
var errSilent = errors.New("")
