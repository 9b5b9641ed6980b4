package progress

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The PostgreSQL store is tested against a real server: the one
// $TUTOR_TEST_PG_DSN names (.ci/run starts one), or else a throwaway
// cluster this test binary starts in a temporary directory from the
// server binaries it finds. Without binaries the PostgreSQL tests skip,
// except under CI, where that is a failure.

func TestMain(m *testing.M) {
	code := m.Run()
	pg.stop()
	os.Exit(code)
}

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

// pgDatabase gives the test an empty schema of its own on the server and
// returns a DSN that works in it; the schema is dropped at the test's end.
func pgDatabase(t *testing.T) string {
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
		c, err := pgx.Connect(ctx, pg.dsn)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, sql)
		return err
	}
	if err := admin("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("creating a schema on %s: %v", RedactDSN(pg.dsn), err)
	}
	t.Cleanup(func() { admin("DROP SCHEMA " + schema + " CASCADE") })
	sep := "?"
	if bytes.ContainsRune([]byte(pg.dsn), '?') {
		sep = "&"
	}
	return pg.dsn + sep + "search_path=" + schema
}

// openPG opens a store on dsn, closed at the test's end.
func openPG(t *testing.T, dsn string) *Postgres {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	s, err := OpenPostgres(c, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
