// Package pgtest gives tests a real PostgreSQL server: the one
// $TUTOR_TEST_PG_DSN names (.ci/run starts one), or else a throwaway
// cluster started once per test binary in a temporary directory from the
// server binaries it finds (/usr/lib/postgresql/*/bin, then $PATH; as root
// it runs the server as nobody, since initdb refuses root). Without server
// binaries the tests that ask for one skip, except when CI is set, where
// that is a failure. A test binary that uses it calls Stop from TestMain.
package pgtest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Stop stops the throwaway cluster, if one was started, and removes it.
func Stop() { pg.stop() }

var pg pgServer

type pgServer struct {
	once   sync.Once
	dsn    string // of a superuser (or owner of a database) on the server
	skip   string // why there is no server, outside CI
	err    error
	dir    string // the throwaway cluster's directory, "" for $TUTOR_TEST_PG_DSN
	prefix []string
	pgCtl  string
	n      atomic.Int64
}

// pgBin finds a PostgreSQL server binary: Debian's versioned directories
// (newest first), then $PATH.
func pgBin(name string) string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	if len(dirs) > 0 {
		return dirs[0]
	}
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	return ""
}

func pgVersion(bin string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(bin))))
	return v
}

func (s *pgServer) start() {
	if dsn := os.Getenv("TUTOR_TEST_PG_DSN"); dsn != "" {
		s.dsn = dsn
		return
	}
	initdb, pgCtl := pgBin("initdb"), pgBin("pg_ctl")
	if initdb == "" || pgCtl == "" {
		s.skip = "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or $PATH, and $TUTOR_TEST_PG_DSN is not set: install Debian's postgresql package to run the PostgreSQL store tests"
		return
	}
	s.pgCtl = pgCtl
	dir, err := os.MkdirTemp("", "tutor-pgtest-")
	if err != nil {
		s.err = err
		return
	}
	s.dir = dir
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: run the server as nobody.
		u, err := user.Lookup("nobody")
		runuser, lerr := exec.LookPath("runuser")
		if err != nil || lerr != nil {
			s.err = fmt.Errorf("running as root, the test server needs the user nobody and runuser (%v, %v); or set TUTOR_TEST_PG_DSN", err, lerr)
			return
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			s.err = err
			return
		}
		s.prefix = []string{runuser, "-u", "nobody", "--"}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.err = err
		return
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	data := filepath.Join(dir, "data")
	if err := s.run(initdb, "-D", data, "-U", "tutor", "-A", "trust", "-E", "UTF8", "--no-sync"); err != nil {
		s.err = err
		return
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=off -c max_connections=200", port, dir)
	if err := s.run(pgCtl, "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "-o", opts, "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		s.err = fmt.Errorf("%v\n%s", err, log)
		return
	}
	s.dsn = fmt.Sprintf("postgres://tutor@127.0.0.1:%d/postgres?sslmode=disable", port)
}

func (s *pgServer) run(bin string, args ...string) error {
	argv := append(append(append([]string{}, s.prefix...), bin), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = s.dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %v: %v\n%s", filepath.Base(bin), args, err, out.String())
	}
	return nil
}

func (s *pgServer) stop() {
	if s.dir == "" {
		return
	}
	if s.pgCtl != "" {
		s.run(s.pgCtl, "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	}
	os.RemoveAll(s.dir)
}

// DSN gives the test an empty schema of its own on the server and returns
// a DSN that works in it; the schema is dropped at the test's end.
func DSN(t testing.TB) string {
	t.Helper()
	pg.once.Do(pg.start)
	switch {
	case pg.err != nil:
		t.Fatalf("starting a PostgreSQL server for the tests: %v", pg.err)
	case pg.skip != "" && os.Getenv("CI") != "":
		t.Fatalf("CI is set but %s", pg.skip)
	case pg.skip != "":
		t.Skip(pg.skip)
	}
	schema := fmt.Sprintf("tutor_test_%d_%d", os.Getpid(), pg.n.Add(1))
	admin := func(sql string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, pg.dsn)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, sql)
		return err
	}
	if err := admin("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("creating a schema on %s: %v", redact(pg.dsn), err)
	}
	t.Cleanup(func() { admin("DROP SCHEMA " + schema + " CASCADE") })
	sep := "?"
	if strings.ContainsRune(pg.dsn, '?') {
		sep = "&"
	}
	return pg.dsn + sep + "search_path=" + schema
}

// redact hides a password in a URL DSN.
func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil {
		return u.Redacted()
	}
	return "$TUTOR_TEST_PG_DSN"
}
