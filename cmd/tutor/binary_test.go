package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/cmd/internal/progress/pgtest"
)

// tutorBin is the tutor binary built once for the tests of the built binary.
var tutorBin string

// cacheHome keeps the parsed-course caches of the test binaries out of the
// user's cache. It is set only in the children's environment: setting
// XDG_CACHE_HOME in this process would also move Go's build cache for the
// `go build` below, so every run would compile every dependency cold.
var cacheHome string

// tutorEnv is the environment a child tutor runs with: ours, the test cache
// folder, then extra.
func tutorEnv(extra ...string) []string {
	return append(append(os.Environ(), "XDG_CACHE_HOME="+cacheHome), extra...)
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tutor-bin-")
	if err != nil {
		panic(err)
	}
	tutorBin = filepath.Join(dir, "tutor")
	cacheHome = filepath.Join(dir, "cache")
	build := exec.Command("go", "build", "-o", tutorBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building tutor: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	pgtest.Stop()
	os.Exit(code)
}

// tutor runs the built binary with its own state dir and returns stdout,
// stderr and the exit code.
func tutor(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(tutorBin, args...)
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+stateDir(t), "NO_COLOR=")
	cmd.Stdin = strings.NewReader(stdin)
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

var stateDirs = map[*testing.T]string{}

func stateDir(t *testing.T) string {
	if d, ok := stateDirs[t]; ok {
		return d
	}
	d := t.TempDir()
	stateDirs[t] = d
	return d
}

func TestBinaryLessonsCoverEverySource(t *testing.T) {
	out, errOut, code := tutor(t, "", "lessons", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []lessonJSON
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	seen := map[source.Source]bool{}
	for _, r := range rows {
		if r.Status != "not-started" {
			t.Errorf("%s: status %q on a fresh state dir", r.ID, r.Status)
		}
		for _, s := range r.Sources {
			seen[s] = true
		}
		// Every lesson reads as plain text when piped, long enough to teach.
		text, errOut, code := tutor(t, "", "read", r.ID)
		if code != 0 {
			t.Errorf("read %s: exit %d: %s", r.ID, code, errOut)
		}
		if strings.Contains(text, "\x1b") {
			t.Errorf("read %s: escape codes in piped output", r.ID)
		}
		if len(text) < 2500 {
			t.Errorf("read %s: %d characters", r.ID, len(text))
		}
	}
	if len(rows) < 10 {
		t.Errorf("%d lessons, want at least 10", len(rows))
	}
	for _, s := range source.All() {
		if !seen[s] {
			t.Errorf("no lesson covers %s", s)
		}
	}
}

func TestBinaryUsageAndErrors(t *testing.T) {
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--bogus"}, 2, "unknown flag: --bogus"},
		{[]string{"read"}, 2, "accepts 1 arg"},
		{[]string{"read", "nope"}, 1, `no lesson "nope"; the lessons are: welcome`},
		{[]string{"read", "welcome", "--width", "3"}, 2, "--width 3"},
		{[]string{"nosuchcommand"}, 2, "unknown command"},
		{[]string{"validate", "/no/such/dir"}, 1, "/no/such/dir: not a course folder"},
		{[]string{"progress", "--reset"}, 2, "add --yes"},
		{[]string{}, 1, "the course needs a terminal"},
	}
	for _, c := range cases {
		_, errOut, code := tutor(t, "", c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("tutor %v: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.want)
		}
		if strings.Contains(errOut, "goroutine") || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
			t.Errorf("tutor %v: stderr is not one clear line: %q", c.args, errOut)
		}
	}
}

func TestBinaryValidateReportsFileAndLine(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { writeFile(t, dir, filepath.Join("lessons", name), text) }
	write("a.md", "---\nid: intro\ntitle: Intro\norder: 1\n---\nHello.\n")
	write("b.md", "---\nid: intro\ntitle: Again\norder: 2\n---\nHello.\n")
	write("c.md", "---\nid: queues\ntitle: Queues\nsources: [sqs, rabbitmq]\n---\nHello.\n")
	write("d.md", "---\nid: broken\ntitle: \"unclosed\n---\nHello.\n")
	out, errOut, code := tutor(t, "", "validate", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		filepath.Join(dir, "lessons", "b.md") + `:2: duplicate lesson id "intro"`,
		filepath.Join(dir, "lessons", "c.md") + `:4: unknown source "rabbitmq"`,
		filepath.Join(dir, "lessons", "d.md") + ":3:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "problem(s) found") {
		t.Errorf("stderr: %q", errOut)
	}
}

func TestBinaryValidateBuiltinCourse(t *testing.T) {
	out, errOut, code := tutor(t, "", "validate")
	if code != 0 {
		t.Fatalf("the built-in course does not validate (exit %d):\n%s%s", code, out, errOut)
	}
}

func TestBinaryProgressReset(t *testing.T) {
	if _, errOut, code := tutor(t, "", "progress", "--reset", "nope", "--yes"); code != 1 || !strings.Contains(errOut, `no lesson "nope"`) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	out, _, code := tutor(t, "", "progress", "--reset", "--yes")
	if code != 0 || !strings.Contains(out, "Reset all your progress") {
		t.Fatalf("exit %d: %s", code, out)
	}
	out, _, _ = tutor(t, "", "progress", "--json")
	var p progressJSON
	if err := json.Unmarshal([]byte(out), &p); err != nil || p.Total == 0 {
		t.Fatalf("progress --json: %v %s", err, out)
	}
}

func TestBinaryDamagedProgressStillStarts(t *testing.T) {
	dir := stateDir(t)
	if err := os.WriteFile(filepath.Join(dir, "progress.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := tutor(t, "", "lessons")
	if code != 0 || !strings.Contains(errOut, "damaged") || !strings.Contains(out, "welcome") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "progress.json.damaged-*"))
	if len(matches) != 1 {
		t.Fatalf("damaged file not kept: %v", matches)
	}
}

func TestBinaryVersion(t *testing.T) {
	out, _, code := tutor(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "tutor ") {
		t.Fatalf("%d %q", code, out)
	}
}
