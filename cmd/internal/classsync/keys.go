package classsync

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// Identity is the learner's SSH key(s) and where they came from.
type Identity struct {
	Signers []gossh.Signer
	From    string // "ssh-agent (2 keys)", or the key file
	close   func() error
}

// Close lets go of the agent connection, if any.
func (id Identity) Close() error {
	if id.close != nil {
		return id.close()
	}
	return nil
}

// keyFiles are the private keys tried, in ~/.ssh, in this order (as
// OpenSSH's client does for these types).
var keyFiles = []string{"id_ed25519", "id_ecdsa", "id_rsa"}

// LoadIdentity finds the learner's key: the keys of the ssh-agent at
// agentSock (SSH_AUTH_SOCK) if it holds any, else the first of
// ~/.ssh/id_ed25519, id_ecdsa, id_rsa under home. The errors are one line
// saying what to do.
func LoadIdentity(home, agentSock string) (Identity, error) {
	agentUp := false
	if agentSock != "" {
		if conn, err := net.Dial("unix", agentSock); err == nil {
			agentUp = true
			signers, err := agent.NewClient(conn).Signers()
			if err == nil && len(signers) > 0 {
				from := "ssh-agent (1 key)"
				if len(signers) > 1 {
					from = fmt.Sprintf("ssh-agent (%d keys)", len(signers))
				}
				return Identity{Signers: signers, From: from, close: conn.Close}, nil
			}
			conn.Close()
		}
	}
	for _, name := range keyFiles {
		path := filepath.Join(home, ".ssh", name)
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Identity{}, fmt.Errorf("reading your SSH key %s: %w", path, err)
		}
		signer, err := gossh.ParsePrivateKey(data)
		var pp *gossh.PassphraseMissingError
		switch {
		case errors.As(err, &pp) && agentUp:
			return Identity{}, fmt.Errorf("%s is protected by a passphrase and your ssh-agent does not hold it: run 'ssh-add %s', then run this again", path, path)
		case errors.As(err, &pp):
			return Identity{}, fmt.Errorf("%s is protected by a passphrase: start an ssh-agent and add the key (eval \"$(ssh-agent)\"; ssh-add %s), then run this again in that shell", path, path)
		case err != nil:
			return Identity{}, fmt.Errorf("%s is not a private key tutor can read (%v): make a key with 'ssh-keygen -t ed25519'", path, err)
		}
		return Identity{Signers: []gossh.Signer{signer}, From: path}, nil
	}
	return Identity{}, fmt.Errorf("no SSH key: no ssh-agent key and none of %s in %s; make one with 'ssh-keygen -t ed25519' and give your instructor the .pub file if they ask for it",
		"id_ed25519, id_ecdsa, id_rsa", filepath.Join(home, ".ssh"))
}
