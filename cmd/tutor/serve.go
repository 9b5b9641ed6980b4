package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

func init() { topCommands = append(topCommands, newServeCmd) }

type serveOpts struct {
	listen         string
	authorizedKeys string
	joinCode       string
	open           bool
	instructorKeys string
	db             string
	maxSessions    int
	idleTimeout    time.Duration
	connRate       int
}

// msgNoAccessRule: serve never starts open by default.
const msgNoAccessRule = "serve needs an access rule: use --authorized-keys FILE, --join-code CODE or --open"

func newServeCmd(g *globals) *cobra.Command {
	var o serveOpts
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "For instructors: serve the course to a class over SSH",
		Long: `serve runs an SSH server: each learner who connects gets the whole course in
their terminal, with their own progress, kept under their SSH key's SHA256
fingerprint in the class store (--db: the state directory's tutor.db, or a
PostgreSQL server several serve processes share). On their first login a
learner gives the name their instructor sees. Only the interactive course is
served: no commands, no file transfer, no forwarding, and exercises (which run
code) are done on the learner's own machine. Say who gets in with exactly one
of --authorized-keys, --join-code or --open; keys in --instructor-keys get the
live class board instead of the course.`,
		Example: `  tutor serve --authorized-keys class_keys
  tutor serve --listen 0.0.0.0:2222 --join-code lambda-42 --instructor-keys ~/.ssh/id_ed25519.pub
  tutor serve --open --db postgres://tutor@db.example/class
  # each learner: ssh -p 2222 HOST`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			n := 0
			for _, set := range []bool{o.authorizedKeys != "", o.joinCode != "", o.open} {
				if set {
					n++
				}
			}
			switch {
			case n == 0:
				return usageErrorf("%s", msgNoAccessRule)
			case n > 1:
				return usageErrorf("use only one of --authorized-keys, --join-code and --open")
			case o.maxSessions < 1:
				return usageErrorf("--max-sessions %d: use 1 or more", o.maxSessions)
			case o.idleTimeout <= 0:
				return usageErrorf("--idle-timeout %v: use a duration above 0, e.g. 30m", o.idleTimeout)
			case o.connRate < 0:
				return usageErrorf("--conn-rate %d: use 0 (no limit) or more", o.connRate)
			}
			return runServe(g, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", "127.0.0.1:2222", "listen on `ADDR` (host:port; 0.0.0.0:2222 for the whole network)")
	f.StringVar(&o.authorizedKeys, "authorized-keys", "", "admit only the keys in `FILE` (authorized_keys format)")
	f.StringVar(&o.joinCode, "join-code", "", "admit any key whose owner types `CODE` once; the key is then enrolled for the class")
	f.BoolVar(&o.open, "open", false, "admit anyone who can reach the server (any SSH key)")
	f.StringVar(&o.instructorKeys, "instructor-keys", "", "the keys in `FILE` (authorized_keys format) get the class board instead of the course")
	f.StringVar(&o.db, "db", "", "the class store `DSN`: a SQLite file path (created if missing) or postgres://USER[:PASSWORD]@HOST[:PORT]/DB (default: the state directory's tutor.db)")
	f.IntVar(&o.maxSessions, "max-sessions", 50, "at most `N` sessions at once (learners and instructors)")
	f.DurationVar(&o.idleTimeout, "idle-timeout", 30*time.Minute, "disconnect a learner after `D` without a key press (progress is saved)")
	f.IntVar(&o.connRate, "conn-rate", serve.DefaultConnRate, "at most `N` new connections a minute from one IP address, N of them at once; 0: no limit")
	return cmd
}
