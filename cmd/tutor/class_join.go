package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

type classJoinOpts struct {
	url  string
	once bool
	name string
}

func newClassJoinCmd(g *globals) *cobra.Command {
	var o classJoinOpts
	cmd := &cobra.Command{
		Use:   "join ssh://HOST:PORT",
		Short: "Link this machine's progress to a class served with tutor serve",
		Long: `join sends the progress on this machine (lesson statuses, every quiz answer
with the choices picked, every exercise check) to the class store of a
tutor serve, as the learner your SSH key is, and goes on sending as you work:
one line per batch sent. While the server cannot be reached your work stays
here and is sent when it can; nothing is sent twice. It uses your ssh-agent's
keys, else ~/.ssh/id_ed25519, id_ecdsa or id_rsa; if the class uses a join
code it asks for it. The server's host key is remembered on first use (in
class_known_hosts in the state directory) and a changed one is refused.
If the class has no name for your key it asks for the name your instructor
sees (or takes --name); a name is given once, as on a first SSH login.

Exit codes: 0 stopped with ctrl+c, or (--once) everything sent; 1 the key was
refused, the host key changed, no usable key, or (--once) the server could
not be reached; 2 a malformed address or flag.`,
		Example: `  tutor class join ssh://10.0.0.5:2222
  tutor class join --once ssh://class.example:2222   # send what there is, then exit
  tutor class join --name "Ana Lima" ssh://10.0.0.5:2222`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("class join takes one address, ssh://HOST:PORT (got %d arguments)", len(args))
			}
			o.url = args[0]
			if cmd.Flags().Changed("name") {
				name, err := progress.CleanName(o.name)
				if err != nil {
					return usageErrorf("--name %q: %v", o.name, err)
				}
				o.name = name
			}
			return runClassJoin(g, o)
		},
	}
	cmd.Flags().BoolVar(&o.once, "once", false, "send what there is to send, then exit")
	cmd.Flags().StringVar(&o.name, "name", "", "your name as your instructor sees it (`NAME`, 1 to 40 characters), if the class has none for your key yet")
	return cmd
}

// parseClassURL parses ssh://[USER@]HOST:PORT strictly into an address to
// dial and the user name (empty when not given).
func parseClassURL(raw string) (addr, user string, err error) {
	bad := func(why string) (string, string, error) {
		return "", "", usageErrorf("%q is not a class address (%s): use ssh://HOST:PORT as your instructor gave it, such as ssh://10.0.0.5:2222", raw, why)
	}
	u, perr := url.Parse(raw)
	switch {
	case perr != nil:
		return bad("it does not parse")
	case u.Scheme != "ssh":
		return bad("it must start with ssh://")
	case u.Opaque != "" || u.Host == "":
		return bad("no host")
	case u.Path != "" && u.Path != "/", u.RawQuery != "", u.Fragment != "":
		return bad("nothing may follow the port")
	case u.User != nil && func() bool { _, ok := u.User.Password(); return ok }():
		return bad("no password in the address: your SSH key is used")
	case u.Hostname() == "":
		return bad("no host")
	case u.Port() == "":
		return bad("no port: tutor serve listens on 2222 unless told otherwise")
	}
	if p, err := strconv.Atoi(u.Port()); err != nil || p < 1 || p > 65535 {
		return bad("the port must be 1 to 65535")
	}
	if u.User != nil {
		user = u.User.Username()
	}
	return net.JoinHostPort(u.Hostname(), u.Port()), user, nil
}

func runClassJoin(g *globals, o classJoinOpts) error {
	addr, user, err := parseClassURL(o.url)
	if err != nil {
		return err
	}
	if user == "" {
		user = cmp.Or(os.Getenv("USER"), "learner")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return fmt.Errorf("finding your SSH key: %w (set HOME)", err)
	}
	id, err := classsync.LoadIdentity(home, os.Getenv("SSH_AUTH_SOCK"))
	if err != nil {
		return err
	}
	defer id.Close()
	store, err := openStore(g)
	if err != nil {
		return err
	}
	defer store.Close()
	dir, _ := progress.Dir(g.stateDir) // openStore resolved it
	fmt.Fprintf(g.stdout, "sending the progress in %s to %s with your key from %s\n", store.Where(), addr, id.From)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p := newPrompter(ctx, g.stdin, g.stderr)
	opts := classsync.Options{
		Addr: addr, User: user, Identity: id, Once: o.once,
		KnownHosts: filepath.Join(dir, classsync.KnownHostsFile),
		Prompt:     p.joinCode,
		Name:       o.name,
		NameHint:   fmt.Sprintf("the class has no name for you, so your instructor sees your key's fingerprint: run tutor class join --name \"Your Name\" %s to give one", o.url),
		Local:      store, Out: g.stdout,
	}
	if p.typed {
		opts.AskName = p.name
	}
	err = classsync.Run(ctx, opts)
	if err != nil {
		var pe *classsync.PermanentError
		if o.once && !errors.As(err, &pe) {
			return fmt.Errorf("%v; nothing is lost: run this again when the server is up", err)
		}
		return err
	}
	if ctx.Err() != nil {
		fmt.Fprintln(g.stdout, "stopped; what was sent is in the class store, the rest is sent when you run this again")
	}
	return nil
}
