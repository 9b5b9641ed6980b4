package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

func TestParseClassURL(t *testing.T) {
	for _, tc := range []struct{ in, addr, user string }{
		{"ssh://10.0.0.5:2222", "10.0.0.5:2222", ""},
		{"ssh://ana@class.example:2222", "class.example:2222", "ana"},
		{"ssh://[::1]:2222/", "[::1]:2222", ""},
	} {
		addr, user, err := parseClassURL(tc.in)
		if err != nil || addr != tc.addr || user != tc.user {
			t.Errorf("%s: %q %q %v", tc.in, addr, user, err)
		}
	}
	for _, in := range []string{"", "10.0.0.5:2222", "http://h:2222", "ssh://h", "ssh://:2222", "ssh://h:0", "ssh://h:99999",
		"ssh://h:22x", "ssh://h:2222/path", "ssh://h:2222?x=1", "ssh://h:2222#f", "ssh://u:pw@h:2222", "ssh:h:2222"} {
		_, _, err := parseClassURL(in)
		var ce *codeError
		if err == nil || !errors.As(err, &ce) || ce.code != exitUsage || !strings.Contains(err.Error(), "ssh://HOST:PORT") {
			t.Errorf("%q: %v, want a usage error naming ssh://HOST:PORT", in, err)
		}
	}
}

// joinKey makes a HOME with an SSH key (~/.ssh/id_ed25519): the home, the
// key file and its fingerprint.
func joinKey(t *testing.T) (home, keyFile, fp string) {
	t.Helper()
	home = t.TempDir()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
	keyFile = filepath.Join(home, ".ssh", "id_ed25519")
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, _ := gossh.NewSignerFromKey(priv)
	return home, keyFile, gossh.FingerprintSHA256(signer.PublicKey())
}

// joinServer serves a class (a SQLite store in its own directory) that
// admits the key fp, on a loopback port, until the test ends.
func joinServer(t *testing.T, fp string) (*progress.SQLite, string, net.Listener) {
	t.Helper()
	ctx := context.Background()
	classDir := t.TempDir()
	class, _, err := progress.OpenSQLite(ctx, classDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { class.Close() })
	srv, err := serve.New(serve.Config{Keys: map[string]bool{fp: true}, Dir: classDir, Sync: class})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	t.Cleanup(func() {
		c, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		srv.Close(c)
		<-done
	})
	return class, classDir, l
}

// joinRun runs the binary, as tutor does, with its own HOME (for ~/.ssh) and
// no ssh-agent.
func joinRun(t *testing.T, home, state string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(tutorBin, args...)
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+state, "HOME="+home, "SSH_AUTH_SOCK=", "NO_COLOR=")
	cmd.Stdin = strings.NewReader("")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// TestBinaryClassJoinOnce: the learner's answers and lessons reach the
// class store with `tutor class join --once`, once; the class report shows
// them under the key's fingerprint.
func TestBinaryClassJoinOnce(t *testing.T) {
	home, keyFile, fp := joinKey(t)
	ctx := context.Background()
	class, classDir, l := joinServer(t, fp)

	state := stateDir(t)
	mine, _, err := progress.OpenSQLite(ctx, state)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for _, c := range []progress.Change{progress.Open{Lesson: "sqs", At: at},
		progress.Answer{Item: "sqs-visibility", Right: false, At: at.Add(time.Minute), Picked: []string{"x"}},
		progress.Answer{Item: "sqs-visibility", Right: true, At: at.Add(2 * time.Minute), Picked: []string{"y"}}} {
		if err := mine.Apply(ctx, progress.LocalLearner, c); err != nil {
			t.Fatal(err)
		}
	}
	mine.Close()

	url := "ssh://" + l.Addr().String()
	out, errOut, code := joinRun(t, home, state, "class", "join", "--once", url)
	if code != 0 || !strings.Contains(out, "sent 2 answers, 1 lesson") || !strings.Contains(out, keyFile) || !strings.Contains(out, "as "+fp) {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	out, errOut, code = joinRun(t, home, state, "class", "join", "--once", url)
	if code != 0 || strings.Contains(out, "sent") {
		t.Fatalf("second run: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if n, _ := class.AnswerCount(ctx, fp); n != 2 {
		t.Fatalf("%d answers in the class store, want 2", n)
	}
	rep, errOut, code := tutor(t, "", "class", "report", "--db", filepath.Join(classDir, progress.DBFile), "--format", "json")
	var report struct {
		Learners []struct {
			ID            string `json:"id"`
			ItemsAnswered int    `json:"items_answered"`
			Current       string `json:"current_lesson"`
		} `json:"learners"`
	}
	if code != 0 || json.Unmarshal([]byte(rep), &report) != nil || len(report.Learners) != 1 ||
		report.Learners[0].ID != fp || report.Learners[0].ItemsAnswered != 1 || report.Learners[0].Current != "sqs" {
		t.Fatalf("class report: exit %d %s\n%s", code, errOut, rep)
	}

	// Running on: ctrl+c (SIGINT) stops it with exit 0.
	cmd := exec.Command(tutorBin, "class", "join", url)
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+state, "HOME="+home, "SSH_AUTH_SOCK=", "NO_COLOR=")
	var live lockedBuf
	cmd.Stdout, cmd.Stderr = &live, &live
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(60 * time.Second); !strings.Contains(live.String(), "linked to"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no link:\n%s", live.String())
		}
	}
	cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil || !strings.Contains(live.String(), "stopped") {
		t.Fatalf("after ctrl+c: %v\n%s", err, live.String())
	}

	// A malformed address: exit 2, one line.
	_, errOut, code = joinRun(t, home, state, "class", "join", "ssh://"+l.Addr().String()+"/x")
	if code != exitUsage || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("bad URL: exit %d, stderr %q", code, errOut)
	}
	// Nobody listening, --once: exit 1, one line, nothing lost.
	dead, _ := net.Listen("tcp", "127.0.0.1:0")
	deadAddr := dead.Addr().String()
	dead.Close()
	_, errOut, code = joinRun(t, home, state, "class", "join", "--once", "ssh://"+deadAddr)
	if code != exitError || !strings.Contains(errOut, "nothing is lost") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("server down: exit %d, stderr %q", code, errOut)
	}
}

func TestJoinPrompt(t *testing.T) {
	var out bytes.Buffer
	ask := joinPrompt(context.Background(), strings.NewReader("lambda-42\n"), &out)
	code, err := ask("This key is new to the class.", "Join code: ")
	if err != nil || code != "lambda-42" || out.String() != "This key is new to the class.\nJoin code: \n" {
		t.Fatalf("%q %v; prompt %q", code, err, out.String())
	}
	if _, err := ask("", "Join code: "); err == nil || !strings.Contains(err.Error(), "none was typed") {
		t.Fatalf("at the end of input: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	defer w.Close()
	ask = joinPrompt(ctx, r, io.Discard)
	cancel()
	if _, err := ask("", "Join code: "); !errors.Is(err, context.Canceled) {
		t.Fatalf("ctrl+c while asking: %v", err)
	}
}
