package progress

import (
	"net"
	"strings"
	"testing"
)

func TestRebind(t *testing.T) {
	got := postgresDialect.rebind(`INSERT INTO t (a, b) VALUES (?, '?') ON CONFLICT DO UPDATE SET c = ?`)
	if want := `INSERT INTO t (a, b) VALUES ($1, '?') ON CONFLICT DO UPDATE SET c = $2`; got != want {
		t.Fatalf("%s\nwant %s", got, want)
	}
	if q := `SELECT ?`; sqliteDialect.rebind(q) != q {
		t.Fatal("SQLite keeps ?")
	}
}

func TestRedactDSN(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://teacher:s3cret@db.example:5432/class":      "postgres://teacher:xxxxx@db.example:5432/class",
		"postgresql://teacher@localhost/class?password=s3cret": "postgresql://teacher@localhost/class?password=xxxxx",
		"postgres://teacher:s3cret@[::1:5432/class":            "postgres://teacher:xxxxx@[::1:5432/class",
		"host=localhost password=s3cret dbname=class":          "host=localhost password=xxxxx dbname=class",
		"postgres://teacher@localhost/class":                   "postgres://teacher@localhost/class",
	} {
		if got := RedactDSN(in); got != want {
			t.Errorf("RedactDSN(%q) = %q, want %q", in, got, want)
		}
	}
}

// A malformed DSN and an unreachable server each give one line naming the
// DSN without its password.
func TestPostgresBadDSNIsOneLine(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	for _, c := range []struct{ dsn, want string }{
		{"postgres://teacher:s3cret@" + closed + "/class?sslmode=disable&connect_timeout=5", "cannot reach the PostgreSQL server at postgres://teacher:xxxxx@" + closed},
		{"postgres://teacher:s3cret@localhost:notaport/class", "is not a valid PostgreSQL address"},
		{"postgres://teacher:s3cret@localhost/class?sslmode=bogus", "is not a valid PostgreSQL address"},
	} {
		_, err := OpenClass(ctx, c.dsn)
		if err == nil {
			t.Fatalf("%s: no error", c.dsn)
		}
		msg := err.Error()
		if !strings.Contains(msg, c.want) || strings.Contains(msg, "s3cret") || strings.Contains(msg, "\n") {
			t.Errorf("%s:\n%s\nwant one line with %q and no password", c.dsn, msg, c.want)
		}
	}
}
