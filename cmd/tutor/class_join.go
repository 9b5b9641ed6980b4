package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/cmd/internal/classsync"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

type classJoinOpts struct {
	url  string
	once bool
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

Exit codes: 0 stopped with ctrl+c, or (--once) everything sent; 1 the key was
refused, the host key changed, no usable key, or (--once) the server could
not be reached; 2 a malformed address or flag.`,
		Example: `  tutor class join ssh://10.0.0.5:2222
  tutor class join --once ssh://class.example:2222   # send what there is, then exit`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErrorf("class join takes one address, ssh://HOST:PORT (got %d arguments)", len(args))
			}
			o.url = args[0]
			return runClassJoin(g, o)
		},
	}
	cmd.Flags().BoolVar(&o.once, "once", false, "send what there is to send, then exit")
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
	err = classsync.Run(ctx, classsync.Options{
		Addr: addr, User: user, Identity: id, Once: o.once,
		KnownHosts: filepath.Join(dir, classsync.KnownHostsFile),
		Prompt:     joinPrompt(ctx, g.stdin, g.stderr),
		Local:      store, Out: g.stdout,
	})
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

// joinPrompt asks the class's join code on stderr and reads one line (a
// ctrl+c while it waits ends the wait).
func joinPrompt(ctx context.Context, in io.Reader, out io.Writer) func(instruction, question string) (string, error) {
	lines := make(chan string)
	var started bool
	f, isFile := in.(*os.File)
	typed := isFile && term.IsTerminal(int(f.Fd())) // else piped: end the prompt's line ourselves
	return func(instruction, question string) (string, error) {
		if instruction != "" {
			fmt.Fprintln(out, instruction)
		}
		fmt.Fprint(out, question)
		if !started {
			started = true
			go func() {
				defer close(lines)
				r := bufio.NewReader(in)
				for {
					line, err := r.ReadString('\n')
					if line != "" {
						lines <- strings.TrimSpace(line)
					}
					if err != nil {
						return
					}
				}
			}()
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case line, ok := <-lines:
			if !ok {
				return "", errors.New("the server asks for the class's join code and none was typed: run this in a terminal and type the code your instructor gave")
			}
			if !typed {
				fmt.Fprintln(out)
			}
			return line, nil
		}
	}
}
