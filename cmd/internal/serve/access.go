package serve

import (
	"bufio"
	"bytes"
	"crypto/subtle"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	gossh "golang.org/x/crypto/ssh"
)

// Fingerprint is a learner's identity: their public key's SHA256
// fingerprint ("SHA256:..."), the learner key of the progress store.
func Fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }

// ReadAuthorizedKeys reads an authorized_keys file: one key a line, blank
// lines and # comments skipped. A line that is not a key is an error naming
// the file and line.
func ReadAuthorizedKeys(path string) (map[string]bool, error) {
	return ReadKeysFile("--authorized-keys", path)
}

// ReadKeysFile reads an authorized_keys file given by flag (named in the
// error when the file cannot be read).
func ReadKeysFile(flag, path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	return parseKeys(path, data)
}

func parseKeys(path string, data []byte) (map[string]bool, error) {
	keys := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key (%s); each line must be one key as in ~/.ssh/id_ed25519.pub", path, n, keyLineProblem(line))
		}
		keys[Fingerprint(k)] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return keys, nil
}

// Enrolled is the class's enrolled keys (--join-code): a file of
// authorized_keys lines in the state directory, added to as learners join.
type Enrolled struct {
	mu   sync.Mutex
	path string
	keys map[string]bool
}

// EnrolledFile is the file of enrolled keys in the state directory.
const EnrolledFile = "enrolled_keys"

// OpenEnrolled reads the enrolled keys of dir (none yet is fine).
func OpenEnrolled(dir string) (*Enrolled, error) {
	e := &Enrolled{path: filepath.Join(dir, EnrolledFile), keys: map[string]bool{}}
	data, err := os.ReadFile(e.path)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	if err == nil {
		if e.keys, err = parseKeys(e.path, data); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// Has says whether the key is enrolled.
func (e *Enrolled) Has(k gossh.PublicKey) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.keys[Fingerprint(k)]
}

// Add enrolls the key, appending it to the file.
func (e *Enrolled) Add(k gossh.PublicKey) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	fp := Fingerprint(k)
	if e.keys[fp] {
		return nil
	}
	f, err := os.OpenFile(e.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(gossh.MarshalAuthorizedKey(k)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	e.keys[fp] = true
	return nil
}

// codeMatches compares a typed join code with the class's in constant time.
func codeMatches(typed, code string) bool {
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(typed)), []byte(code)) == 1
}
