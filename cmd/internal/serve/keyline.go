package serve

import (
	"encoding/base64"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// keyTypes are the key types an authorized_keys line may name.
var keyTypes = map[string]bool{
	gossh.KeyAlgoED25519: true, gossh.KeyAlgoRSA: true, gossh.KeyAlgoDSA: true,
	gossh.KeyAlgoECDSA256: true, gossh.KeyAlgoECDSA384: true, gossh.KeyAlgoECDSA521: true,
	gossh.KeyAlgoSKED25519: true, gossh.KeyAlgoSKECDSA256: true,
}

func isKeyType(f string) bool {
	return keyTypes[f] || strings.HasSuffix(f, "-cert-v01@openssh.com")
}

// keyLineProblem says in a few words why line (which the SSH library
// refused) is not an authorized_keys line, instead of the library's
// "no key found; last parsing error for ignored line: ...".
func keyLineProblem(line string) string {
	if strings.HasPrefix(line, "-----BEGIN") {
		if strings.Contains(line, "PRIVATE KEY") {
			return "this is a private key: give the public one, the .pub file"
		}
		return "a PEM block, not an OpenSSH public key line"
	}
	fields := strings.Fields(line)
	i := 0
	for i < len(fields) && !isKeyType(fields[i]) {
		i++
	}
	switch {
	case i == len(fields):
		return "no key type such as ssh-ed25519 or ssh-rsa on the line"
	case i+1 == len(fields):
		return "no key after " + fields[i]
	}
	data, err := base64.StdEncoding.DecodeString(fields[i+1])
	if err != nil {
		return "the key after " + fields[i] + " is not base64 (cut short, or wrapped onto two lines?)"
	}
	_, err = gossh.ParsePublicKey(data)
	switch {
	case err != nil:
		return "the key after " + fields[i] + " is damaged or cut short"
	case i > 0:
		return "the options before " + fields[i] + " do not parse"
	}
	return "not in authorized_keys format"
}
