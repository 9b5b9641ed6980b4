package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

func newRootCmd(g *globals, started *bool) *cobra.Command {
	root := &cobra.Command{
		Use:   "tutor",
		Short: "An interactive terminal course on AWS Lambda triggers and event sources",
		Long: `tutor teaches AWS Lambda's triggers and event sources: API Gateway,
function URLs, S3, DynamoDB Streams, Kinesis, SNS, SQS and EventBridge. Run it
with no command to open the course where you left off; the commands below
script the same course.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          cobra.NoArgs,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			*started = true
			if g.content == "" {
				g.content = os.Getenv("TUTOR_CONTENT")
			}
			where := "--theme"
			if !cmd.Flags().Changed("theme") {
				g.theme, where = os.Getenv("TUTOR_THEME"), "TUTOR_THEME"
			}
			if _, err := theme.ParseMode(g.theme); err != nil {
				return usageErrorf("%s: %v", where, err)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCourse(g)
		},
	}
	root.PersistentFlags().StringVar(&g.content, "content", "", "load the course from folder `DIR` instead of the built-in one")
	root.PersistentFlags().StringVar(&g.stateDir, "state-dir", "", "keep progress in `DIR` (default $TUTOR_STATE_DIR, else $XDG_STATE_HOME/tutor)")
	root.PersistentFlags().StringVar(&g.theme, "theme", "", "colours for the terminal's background: `auto|dark|light` (default $TUTOR_THEME, else auto: the terminal's answer, else $COLORFGBG, else dark)")
	root.SetFlagErrorFunc(flagError)
	root.CompletionOptions.HiddenDefaultCmd = true

	sandbox := &cobra.Command{
		Use:   "sandbox",
		Short: "Run Lambda handlers against events, locally",
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return usageErrorf("unknown command %q for tutor sandbox.%s Run 'tutor sandbox --help' for its commands.", args[0], didYouMean(args[0], commandNames(cmd)))
		},
	}
	for _, f := range sandboxCommands {
		sandbox.AddCommand(f(g))
	}
	root.AddCommand(sandbox)
	for _, f := range topCommands {
		root.AddCommand(f(g))
	}
	return root
}

// loadCourse loads the course the flags name and fails on any problem in
// it, naming the first and pointing at 'tutor validate' for the rest.
func loadCourse(g *globals) (*course.Course, error) {
	c, err := loadContent(g.content, false)
	if err == nil {
		return c, nil
	}
	problems := splitErrors(err)
	if c == nil || len(problems) == 1 {
		return nil, err
	}
	return nil, fmt.Errorf("%s (and %d more problems: run 'tutor validate %s' to see them all)", problems[0], len(problems)-1, g.content)
}
