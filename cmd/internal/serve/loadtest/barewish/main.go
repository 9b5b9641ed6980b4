// Command barewish is the load test's yardstick: the smallest wish v2
// program, one static Bubble Tea screen per SSH session, with the same
// libraries and options as tutor serve but no course. The load test
// measures its first frame over SSH beside tutor serve's, in the same run.
//
//	barewish --listen 127.0.0.1:0 --host-key DIR/key
//
// It prints "barewish: listening on ADDR" on standard error, admits any key,
// and stops on SIGINT/SIGTERM. Loopback only.
package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
)

// Ready is the text of its screen the load test waits for.
const Ready = "bare wish: ready"

type model struct{ w, h int }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if msg.String() == "q" || msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView(fmt.Sprintf("%s\n\nA bare wish v2 program (%dx%d).\nq: quit", Ready, m.w, m.h))
	v.AltScreen = true
	return v
}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "listen on `ADDR` (loopback only)")
	hostKey := flag.String("host-key", "barewish_host_ed25519", "host key `FILE` (created if missing)")
	flag.Parse()
	if err := run(*listen, *hostKey); err != nil {
		fmt.Fprintln(os.Stderr, "barewish:", err)
		os.Exit(1)
	}
}

func run(listen, hostKey string) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", listen, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--listen %s: loopback addresses only (127.0.0.1)", listen)
	}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(bm.Middleware(func(sess ssh.Session) (tea.Model, []tea.ProgramOption) {
			return model{}, []tea.ProgramOption{tea.WithoutSignalHandler()}
		})),
	)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w", listen, err)
	}
	fmt.Fprintf(os.Stderr, "barewish: listening on %s\n", l.Addr())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() { <-sig; srv.Close() }()
	if err := srv.Serve(l); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}
