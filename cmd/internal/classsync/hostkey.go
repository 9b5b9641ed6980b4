package classsync

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// KnownHostsFile keeps the class servers' host keys in the state
// directory, in OpenSSH's known_hosts format.
const KnownHostsFile = "class_known_hosts"

// HostKeyChangedError: the server's host key is not the one remembered.
type HostKeyChangedError struct {
	Addr, File string
	Line       int
	Got, Want  string // fingerprints
}

func (e *HostKeyChangedError) Error() string {
	return fmt.Sprintf("REFUSED: the host key of %s has CHANGED (now %s, remembered %s at %s:%d): someone may be in between; "+
		"if your instructor says the server was set up again, delete line %d of %s and run this again",
		e.Addr, e.Got, e.Want, e.File, e.Line, e.Line, e.File)
}

var knownHostsMu sync.Mutex

// hostKeyCallback trusts a server's key on first use (remembering it in
// path and saying so on out) and refuses a changed one.
func hostKeyCallback(path string, out io.Writer) gossh.HostKeyCallback {
	return func(hostname string, remote net.Addr, key gossh.PublicKey) error {
		knownHostsMu.Lock()
		defer knownHostsMu.Unlock()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(path, os.O_CREATE|os.O_RDONLY, 0o600)
		if err != nil {
			return fmt.Errorf("opening %s: %w", path, err)
		}
		f.Close()
		check, err := knownhosts.New(path)
		if err != nil {
			return fmt.Errorf("%s: %w; delete the bad line (or the file) and run this again", path, err)
		}
		err = check(hostname, remote, key)
		var ke *knownhosts.KeyError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &ke) && len(ke.Want) > 0:
			w := ke.Want[0]
			return &HostKeyChangedError{Addr: hostname, File: w.Filename, Line: w.Line,
				Got: gossh.FingerprintSHA256(key), Want: gossh.FingerprintSHA256(w.Key)}
		case errors.As(err, &ke):
			line := knownhosts.Line([]string{knownhosts.Normalize(hostname)}, key) + "\n"
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o600)
			if err != nil {
				return fmt.Errorf("remembering the host key in %s: %w", path, err)
			}
			_, werr := f.WriteString(line)
			if err := errors.Join(werr, f.Sync(), f.Close()); err != nil {
				return fmt.Errorf("remembering the host key in %s: %w", path, err)
			}
			fmt.Fprintf(out, "first link to %s: trusting its host key %s (kept in %s)\n", hostname, gossh.FingerprintSHA256(key), path)
			return nil
		}
		return err
	}
}
