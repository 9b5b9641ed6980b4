package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/progress/pgtest"
	"github.com/tutor-dev/tutor/cmd/internal/screens/board"
	"github.com/tutor-dev/tutor/cmd/internal/serve"
)

// TestServeInstructorSeesAnAnswer: an instructor key gets the live board
// over SSH (not the course), and it shows a learner's answer, with the
// learner's name, while both are connected.
func TestServeInstructorSeesAnAnswer(t *testing.T) {
	dir := t.TempDir()
	teacher, learner := newSigner(t), newSigner(t)
	_, addr, _ := startClass(t, filepath.Join(dir, "state"), serveOpts{
		authorizedKeys: keysFile(t, dir, "class", learner),
		instructorKeys: keysFile(t, dir, "teachers", teacher),
	})
	board := connectTerm(t, addr, teacher, 100, 30)
	board.waitFor(t, "not started")
	if strings.Contains(board.text(), "Your name") {
		t.Fatal("the instructor was asked a name")
	}
	term := connectTerm(t, addr, learner, 80, 24)
	term.enterName(t, "Zed")
	board.waitRedrawn(t, "(Zed): 0 answered")
	term.answerFirstQuizItem(t, "Event")
	board.waitRedrawn(t, "(Zed): 1 answered")
}

// TestServeTwoServersOnePostgres: two tutor serve processes share one
// PostgreSQL class: a learner's name and answer on one are in the other's
// store, report and board (over SSH).
func TestServeTwoServersOnePostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	dir := t.TempDir()
	teacher, learner := newSigner(t), newSigner(t)
	o := serveOpts{open: true, db: dsn, instructorKeys: keysFile(t, dir, "teachers", teacher)}
	_, addrA, _ := startClass(t, filepath.Join(dir, "a"), o)
	b, addrB, _ := startClass(t, filepath.Join(dir, "b"), o)
	term := connectTerm(t, addrA, learner, 80, 24)
	term.enterName(t, "Pia")
	term.answerFirstQuizItem(t, "Event")
	fp := serve.Fingerprint(learner.PublicKey())
	waitUntil(t, func() bool {
		log, err := b.store.AnswerLog(context.Background())
		return err == nil && len(log) == 1 && log[0].Learner == fp
	}, "the answer given on server A is not in server B's store")
	crs, err := loadCourse(&globals{stateDir: filepath.Join(dir, "b")})
	if err != nil {
		t.Fatal(err)
	}
	in, err := classInput(context.Background(), crs, b.store)
	if err != nil || len(in.Learners) != 1 || in.Learners[0].Name != "Pia" {
		t.Fatalf("server B's report: %+v %v", in.Learners, err)
	}
	board := connectTerm(t, addrB, teacher, 100, 30)
	board.waitRedrawn(t, "(Pia): 1 answered")
}

// TestServeDisconnectMidAnswer: a client that goes away right after an
// answer's feedback loses nothing it was shown.
func TestServeDisconnectMidAnswer(t *testing.T) {
	learner := newSigner(t)
	c, addr, _ := startClass(t, stateIn(t), serveOpts{open: true})
	term := connectTerm(t, addr, learner, 80, 24)
	term.enterName(t, "Kim")
	term.answerFirstQuizItem(t, "Event")
	term.client.Close() // the network drops
	fp := serve.Fingerprint(learner.PublicKey())
	waitUntil(t, func() bool {
		log, err := c.store.AnswerLog(context.Background())
		return err == nil && len(log) == 1 && log[0].Learner == fp
	}, "the answer shown before the disconnect is not in the store")
}

// TestServeTinyTerminal: at 10x5 the name prompt fits and works; the
// course then asks for a bigger window, and gets on with it once resized.
func TestServeTinyTerminal(t *testing.T) {
	learner := newSigner(t)
	c, addr, _ := startClass(t, stateIn(t), serveOpts{open: true})
	term := connectTerm(t, addr, learner, 10, 5)
	term.waitFor(t, "Your name:")
	term.send("Tiny Tim\r")
	term.waitFor(t, "Make the")
	if err := term.sess.WindowChange(24, 80); err != nil {
		t.Fatal(err)
	}
	term.waitFor(t, "Event")
	if name, err := c.store.Name(context.Background(), serve.Fingerprint(learner.PublicKey())); name != "Tiny Tim" || err != nil {
		t.Fatalf("name %q %v", name, err)
	}
}

// serveErr runs tutor serve in-process and returns its exit code and stderr.
func serveErr(t *testing.T, stateDir string, args ...string) (int, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(&globals{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut},
		append([]string{"--state-dir", stateDir, "serve", "--open", "--listen", "127.0.0.1:0"}, args...))
	return code, errOut.String()
}

// TestServeBadClassStore: a malformed DSN, an unreachable server and a
// corrupt SQLite file are each one line naming it (password masked), exit
// 1, and the file is left as it was.
func TestServeBadClassStore(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "class.db")
	body := "SQLite format 3\x00" + strings.Repeat("\xff", 300)
	if err := os.WriteFile(corrupt, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	notDB := writeFile(t, dir, "notes.db", "shopping list")
	for _, tc := range []struct{ dsn, want string }{
		{"postgres://teacher:s3cret@[::1/class", "not a valid PostgreSQL address"},
		{"postgres://teacher:s3cret@127.0.0.1:1/class?connect_timeout=5", "cannot reach the PostgreSQL server"},
		{corrupt, corrupt},
		{notDB, notDB},
	} {
		code, errOut := serveErr(t, filepath.Join(dir, "state"), "--db", tc.dsn)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != exitError || len(lines) != 1 || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "s3cret") {
			t.Errorf("--db %s: exit %d, stderr %q", tc.dsn, code, errOut)
		}
	}
	if after, _ := os.ReadFile(corrupt); string(after) != body {
		t.Error("the corrupt database was changed")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.damaged*")); len(m) > 0 {
		t.Errorf("moved aside: %v", m)
	}
}

func TestServeBadInstructorKeysLine(t *testing.T) {
	dir := t.TempDir()
	keys := keysFile(t, dir, "teachers", newSigner(t))
	keys = writeFile(t, dir, "teachers", "# staff\n"+mustRead(t, keys)+"\nnot-a-key at all\n")
	code, errOut := serveErr(t, filepath.Join(dir, "state"), "--instructor-keys", keys)
	if code != exitError || !strings.Contains(errOut, keys+":4:") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestInstructorBoardTakesTheClientTheme: the board over SSH is drawn for
// the instructor's terminal (the COLORFGBG their client sent), not the
// server's, and follows the terminal's background answer.
func TestInstructorBoardTakesTheClientTheme(t *testing.T) {
	g := &globals{stateDir: t.TempDir()}
	crs, err := loadCourse(g)
	if err != nil {
		t.Fatal(err)
	}
	store, err := progress.OpenClassStore(context.Background(), filepath.Join(g.stateDir, progress.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	app := instructorBoard(g, crs, store)
	for env, dark := range map[string]bool{"COLORFGBG=0;15": false, "COLORFGBG=15;0": true, "TERM=xterm": true} {
		m, _ := app(serve.Learner{ID: "SHA256:x", Env: []string{"LANG=C", env}})
		if got := m.(board.Root).Dark(); got != dark {
			t.Errorf("%s: dark %v, want %v", env, got, dark)
		}
	}
	g.theme = "light"
	if m, _ := app(serve.Learner{Env: []string{"COLORFGBG=15;0"}}); m.(board.Root).Dark() {
		t.Error("--theme light on the server gave a dark board")
	}
}
