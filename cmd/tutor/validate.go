package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/lessons"
)

func init() { topCommands = append(topCommands, newValidateCmd, newVersionCmd) }

func newValidateCmd(g *globals) *cobra.Command {
	var strict bool
	cmd := &cobra.Command{
		Use:   "validate [DIR] [--strict]",
		Short: "Check a course folder (every kind of content) and report every problem",
		Long: `validate loads a course folder the way --content would and reports every
problem it finds, one per line, each naming the file and line. With no DIR it
checks the folder given by --content, or the built-in course.

A course folder holds lessons/*.md, and optionally quizzes/*.yaml,
facts/*.yaml, events/<source>/<name>.json, experiments/*.yaml and
filterlabs/*.yaml and course.yaml; the README describes each format, and
'tutor course export DIR' writes the built-in course as an example.

It also lints the quiz bank for item writers, as "file:line: warning: ..."
lines and a summary: single-answer items whose key is the strictly longest
choice, the share of true/false items keyed True, near-duplicate prompts,
objectives without items, items without a level or an objective. Warnings
do not change the exit code; with --strict it exits 1 when the key is the
longest choice in more than 35% of single-answer items, when the true/false
items keyed True are not 35-65%, or when an objective has no item.

Lines of a lesson's code blocks (diagrams included) wider than 76 columns
are warnings too: the reader never wraps code, so on an 80-column terminal
it clips them and the learner has to scroll sideways.`,
		Example: `  tutor validate ./my-course
  tutor validate --strict ./my-course
  tutor --content ./my-course   # then run it`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := g.content
			if len(args) == 1 {
				dir = args[0]
			}
			c, err := loadContent(dir, true)
			if c == nil {
				return err // not a course folder at all
			}
			warnings := codeWarnings(dir, c.Facts)
			if err != nil {
				problems := splitErrors(err)
				for _, p := range append(problems, warnings...) {
					fmt.Fprintln(g.stdout, p)
				}
				return fmt.Errorf("%d problem(s) found in %s", len(problems), describe(dir))
			}
			for _, w := range warnings {
				fmt.Fprintln(g.stdout, w)
			}
			lint, linted := c.LintQuizzes()
			if linted {
				for _, w := range lint.Warnings() {
					fmt.Fprintln(g.stdout, w)
				}
			}
			fmt.Fprintf(g.stdout, "%s is valid: %s\n", describe(dir), c.Summary())
			if !linted {
				return nil
			}
			for _, s := range lint.Summary() {
				fmt.Fprintln(g.stdout, s)
			}
			if fails := lint.StrictFailures(); strict && len(fails) > 0 {
				return fmt.Errorf("--strict: the quiz bank of %s fails the item writers' checks: %s", describe(dir), strings.Join(fails, "; "))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "fail (exit 1) when the quiz bank's cueing is over the limits or an objective has no item")
	return cmd
}

// codeWarnings are the lines of the course's fenced blocks too wide for an
// 80-column terminal, one "file:line: warning: ..." each. The reader clips
// them (it never wraps code), so they are worth fixing but not errors.
func codeWarnings(dir string, reg *facts.Registry) []string {
	fsys := course.Builtin()
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	names, _ := fs.Glob(fsys, "lessons/*.md")
	var out []string
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue // the loader has reported it
		}
		for _, w := range lessons.WideCodeLines(string(data), lessons.MaxCodeWidth, reg) {
			out = append(out, fmt.Sprintf("%s:%d: warning: a code line %d columns wide; the reader clips code wider than %d columns: break the line or redraw the diagram",
				filepath.Join(dir, filepath.FromSlash(name)), w.Line, w.Width, lessons.MaxCodeWidth))
		}
	}
	return out
}

func describe(dir string) string {
	if dir == "" {
		return "the built-in course"
	}
	return dir
}

// splitErrors flattens joined errors into one line each.
func splitErrors(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		for _, line := range strings.Split(e.Error(), "\n") {
			if strings.TrimSpace(line) != "" {
				out = append(out, line)
			}
		}
	}
	walk(err)
	return out
}

var version = "" // set with -ldflags "-X main.version=v1.2.3"

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print tutor's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v, goVersion := version, ""
			if bi, ok := debug.ReadBuildInfo(); ok {
				goVersion = bi.GoVersion
				if v == "" {
					v = bi.Main.Version
				}
				for _, s := range bi.Settings {
					if s.Key == "vcs.revision" && len(s.Value) >= 12 && (v == "" || v == "(devel)") {
						v = "devel-" + s.Value[:12]
					}
				}
			}
			if v == "" {
				v = "(devel)"
			}
			_, err := fmt.Fprintf(g.stdout, "tutor %s (%s)\n", v, goVersion)
			return err
		},
	}
}
