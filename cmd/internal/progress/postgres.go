package progress

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/tutor-dev/tutor/quizzes"
)

// Postgres is the class store on a PostgreSQL server: the same schema,
// migrations and statements as SQLite (see sqlStore), for a class that
// several servers share.
type Postgres struct{ *sqlStore }

var _ ClassReader = (*Postgres)(nil)

// connectTimeout bounds reaching the server when the DSN does not say.
const connectTimeout = 10 * time.Second

// IsPostgresDSN says whether dsn names a PostgreSQL server rather than a
// SQLite file.
func IsPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// OpenPostgres connects to the server dsn names (postgres://...), checks it
// answers, and brings the schema up to date. Errors are one line naming the
// DSN without its password.
func OpenPostgres(ctx context.Context, dsn string) (*Postgres, error) {
	shown := RedactDSN(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("%s is not a valid PostgreSQL address (%s): use postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE",
			shown, oneLine(err, dsn))
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err == nil {
		err = pool.Ping(ctx)
		if err != nil {
			pool.Close()
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot reach the PostgreSQL server at %s: %s", shown, oneLine(err, dsn))
	}
	db := stdlib.OpenDBFromPool(pool)
	s := &Postgres{&sqlStore{db: db, where: shown, sched: quizzes.QuizScheduler(), dialect: postgresDialect, close: pool.Close}}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("%s", oneLine(err, dsn))
	}
	return s, nil
}

// OpenClass opens the class store dsn names: a PostgreSQL server for
// postgres:// and postgresql://, otherwise an existing SQLite tutor.db (see
// OpenExisting).
func OpenClass(ctx context.Context, dsn string) (ClassReader, error) {
	if IsPostgresDSN(dsn) {
		return OpenPostgres(ctx, dsn)
	}
	return OpenExisting(ctx, dsn)
}

var keywordPassword = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// RedactDSN is dsn with any password replaced by xxxxx (in the user part of
// a URL, in a password= query parameter or keyword).
func RedactDSN(dsn string) string {
	if IsPostgresDSN(dsn) {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			if q.Has("password") {
				q.Set("password", "xxxxx")
				u.RawQuery = q.Encode()
			}
			return u.Redacted()
		}
		// Unparsable URL: hide everything between :// and the last @.
		if at := strings.LastIndex(dsn, "@"); at >= 0 {
			scheme := dsn[:strings.Index(dsn, "://")+3]
			user, _, _ := strings.Cut(dsn[len(scheme):at], ":")
			return scheme + user + ":xxxxx" + dsn[at:]
		}
	}
	return keywordPassword.ReplaceAllString(dsn, "${1}xxxxx")
}

// oneLine is err's text on one line, without the password of dsn.
func oneLine(err error, dsn string) string {
	// pgx reports each attempt (with and without TLS) in full: a network
	// error is said once, as the dial's own error.
	var op *net.OpError
	var dns *net.DNSError
	switch {
	case errors.As(err, &op):
		err = op
	case errors.As(err, &dns):
		err = dns
	}
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if u, perr := url.Parse(dsn); perr == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	if msg != dsn && strings.Contains(msg, dsn) {
		msg = strings.ReplaceAll(msg, dsn, RedactDSN(dsn))
	}
	return msg
}
