package exercises

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBadHandlers: a handler that panics, exits, hangs past the time limit,
// prints megabytes or never calls the Runtime API is reported against the
// criterion it broke, and check leaves no process behind and does not
// touch the workspace.
func TestBadHandlers(t *testing.T) {
	needGo(t)
	var e *Exercise
	for _, x := range builtin(t) {
		if x.ID == "s3-object-keys" {
			e = x
		}
	}
	short := *e
	short.Criteria = nil
	for _, c := range e.Criteria[:2] {
		inv := *c.Invoke
		inv.Timeout = time.Second
		c.Invoke = &inv
		short.Criteria = append(short.Criteria, c)
	}
	const head = "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"os\"\n\t\"strings\"\n\t\"time\"\n\n\t\"github.com/aws/aws-lambda-go/events\"\n)\n\nvar _, _, _, _ = fmt.Sprint, os.Exit, strings.Repeat, time.Sleep\n\n"
	cases := []struct {
		name, body, want string
	}{
		{"panic", `func handler(ctx context.Context, ev events.S3Event) ([]string, error) { panic("boom") }`, "boom"},
		{"exit", `func handler(ctx context.Context, ev events.S3Event) ([]string, error) { os.Exit(3); return nil, nil }`, "exited"},
		{"hang", `func handler(ctx context.Context, ev events.S3Event) ([]string, error) { select {} }`, "timed out"},
		{"megabytes", `func handler(ctx context.Context, ev events.S3Event) ([]string, error) {
	for i := 0; i < 64; i++ { fmt.Println(strings.Repeat("x", 64<<10)) }
	return nil, nil
}`, "wanted the response"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each builds and runs its own workspace
			rep := checkWith(t, &short, []byte(head+tc.body+"\n"))
			c := rep.Criteria[0]
			if c.Passed || !strings.Contains(c.Detail, tc.want) {
				t.Errorf("%s: first criterion %+v, want a failure mentioning %q", tc.name, c, tc.want)
			}
		})
	}
	t.Run("never-calls-api", func(t *testing.T) {
		t.Parallel() // it waits out Lambda's Init limit; the others run meanwhile
		ws := t.TempDir()
		if _, err := Init(ws, []*Exercise{&short}); err != nil {
			t.Fatal(err)
		}
		main := filepath.Join(ws, short.ID, MainFile)
		os.WriteFile(main, []byte("package main\n\nimport \"time\"\n\nfunc main() { _ = handler; time.Sleep(time.Hour) }\n"), 0o644)
		os.WriteFile(filepath.Join(ws, short.ID, HandlerFile), e.Solution, 0o644)
		before := snapshot(t, ws)
		rep, err := Check(t.Context(), &short, Options{Workspace: ws})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range rep.Criteria {
			if c.Passed || !strings.Contains(c.Detail, "lambda.Start") {
				t.Errorf("criterion %+v, want it to name lambda.Start", c)
			}
		}
		if after := snapshot(t, ws); after != before {
			t.Errorf("check changed the workspace:\n%s\n---\n%s", before, after)
		}
	})
	if pids := strayBootstraps(); len(pids) > 0 {
		t.Errorf("processes left behind: %v", pids)
	}
}

// snapshot lists the workspace's files with sizes and times.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + " " + fi.ModTime().String() + " " + fi.Mode().String() + "\n")
		}
		return nil
	})
	return b.String()
}

// strayBootstraps finds running processes named bootstrap that are our
// children's children (a check's binaries are all called bootstrap).
func strayBootstraps() []string {
	var out []string
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		comm, err := os.ReadFile(filepath.Join("/proc", e.Name(), "comm"))
		if err != nil || strings.TrimSpace(string(comm)) != "bootstrap" {
			continue
		}
		stat, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if f := strings.Fields(string(stat)); len(f) > 3 && f[3] == strconv.Itoa(syscall.Getpid()) {
			out = append(out, e.Name())
		}
	}
	return out
}
