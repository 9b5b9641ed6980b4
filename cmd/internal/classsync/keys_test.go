package classsync

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// writeKey writes an OpenSSH private key to home/.ssh/name (with a
// passphrase when not empty) and returns its fingerprint.
func writeKey(t *testing.T, home, name, passphrase string) string {
	t.Helper()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	var block *pem.Block
	var err error
	if passphrase == "" {
		block, err = gossh.MarshalPrivateKey(priv, "")
	} else {
		block, err = gossh.MarshalPrivateKeyWithPassphrase(priv, "", []byte(passphrase))
	}
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
	if err := os.WriteFile(filepath.Join(home, ".ssh", name), pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sshPub, _ := gossh.NewPublicKey(pub)
	return gossh.FingerprintSHA256(sshPub)
}

// startAgent serves an in-memory ssh-agent holding keys on a unix socket.
func startAgent(t *testing.T, keys ...any) string {
	t.Helper()
	ring := agent.NewKeyring()
	for _, k := range keys {
		if err := ring.Add(agent.AddedKey{PrivateKey: k}); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(t.TempDir(), "agent.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { agent.ServeAgent(ring, c); c.Close() }()
		}
	}()
	return sock
}

func TestLoadIdentity(t *testing.T) {
	t.Run("file order", func(t *testing.T) {
		home := t.TempDir()
		writeKey(t, home, "id_rsa", "") // an ed25519 key under the rsa name: only the order matters here
		want := writeKey(t, home, "id_ed25519", "")
		id, err := LoadIdentity(home, "")
		if err != nil || len(id.Signers) != 1 || gossh.FingerprintSHA256(id.Signers[0].PublicKey()) != want || !strings.HasSuffix(id.From, "id_ed25519") {
			t.Fatalf("%+v, %v", id, err)
		}
	})
	t.Run("agent first", func(t *testing.T) {
		home := t.TempDir()
		writeKey(t, home, "id_ed25519", "")
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		id, err := LoadIdentity(home, startAgent(t, priv))
		if err != nil || !strings.HasPrefix(id.From, "ssh-agent (1 key)") {
			t.Fatalf("%+v, %v", id, err)
		}
		id.Close()
	})
	t.Run("passphrase, no agent", func(t *testing.T) {
		home := t.TempDir()
		writeKey(t, home, "id_ed25519", "secret")
		_, err := LoadIdentity(home, filepath.Join(home, "no-agent.sock"))
		if err == nil || !strings.Contains(err.Error(), "ssh-agent") || !strings.Contains(err.Error(), "ssh-add") || strings.Contains(err.Error(), "\n") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("passphrase, empty agent", func(t *testing.T) {
		home := t.TempDir()
		writeKey(t, home, "id_ecdsa", "secret")
		_, err := LoadIdentity(home, startAgent(t))
		if err == nil || !strings.Contains(err.Error(), "ssh-add "+filepath.Join(home, ".ssh", "id_ecdsa")) {
			t.Fatalf("%v", err)
		}
	})
	t.Run("no key", func(t *testing.T) {
		_, err := LoadIdentity(t.TempDir(), "")
		if err == nil || !strings.Contains(err.Error(), "ssh-keygen -t ed25519") {
			t.Fatalf("%v", err)
		}
	})
}
