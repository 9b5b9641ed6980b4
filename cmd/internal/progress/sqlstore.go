package progress

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/tutor-dev/tutor/quizzes"
)

// dialect is what differs between the SQL databases a store can live in.
// The statements are written once, with ? placeholders, in SQL that SQLite
// and PostgreSQL both accept; the dialect rewrites the placeholders and
// says how a write transaction keeps concurrent writers apart.
type dialect int

const (
	// sqliteDialect: every write transaction is IMMEDIATE (the DSN's
	// _txlock), so writers are serialised by the database file's lock.
	sqliteDialect dialect = iota
	// postgresDialect: $n placeholders; every write transaction first takes
	// a transaction-scoped advisory lock on its learner (see sqlStore.tx).
	postgresDialect
)

// schemaLock is the lock key of the schema migration: two servers starting
// at once migrate one after the other.
const schemaLock = "tutor: schema migration"

// rebind rewrites ? placeholders to $1, $2, ... for PostgreSQL. The
// statements here never have a ? inside a string literal; quoted text is
// skipped all the same.
func (d dialect) rebind(q string) string {
	if d != postgresDialect || !strings.ContainsRune(q, '?') {
		return q
	}
	var b strings.Builder
	n, quoted := 0, false
	for _, r := range q {
		switch {
		case r == '\'':
			quoted = !quoted
		case r == '?' && !quoted:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sqlStore is the Store on a database/sql handle, shared by SQLite and
// Postgres: one set of statements, one transaction discipline.
type sqlStore struct {
	db      *sql.DB
	rdb     *sql.DB // SQLite's read-only pool for queryRow and query; nil: reads use db
	where   string  // the file or the address (without password), for messages
	sched   quizzes.Scheduler
	dialect dialect
	close   func() // also run by Close (PostgreSQL's connection pool)
}

// txn is a transaction that rewrites its statements for the dialect.
type txn struct {
	tx *sql.Tx
	d  dialect
}

func (t txn) Exec(q string, args ...any) (sql.Result, error) {
	return t.tx.Exec(t.d.rebind(q), args...)
}

func (t txn) QueryRow(q string, args ...any) *sql.Row {
	return t.tx.QueryRow(t.d.rebind(q), args...)
}

// reader is the handle reads outside a transaction use.
func (s *sqlStore) reader() *sql.DB {
	if s.rdb != nil {
		return s.rdb
	}
	return s.db
}

func (s *sqlStore) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return s.reader().QueryRowContext(ctx, s.dialect.rebind(q), args...)
}

func (s *sqlStore) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.reader().QueryContext(ctx, s.dialect.rebind(q), args...)
}

// Where is the database file or server.
func (s *sqlStore) Where() string { return s.where }

// Close closes the database.
func (s *sqlStore) Close() error {
	err := s.db.Close()
	if s.rdb != nil {
		if rerr := s.rdb.Close(); err == nil {
			err = rerr
		}
	}
	if s.close != nil {
		s.close()
	}
	return err
}

// DB is the database handle, for tests and the benchmark.
func (s *sqlStore) DB() *sql.DB { return s.db }

// tx runs f in one transaction, naming the store in any error. Writers of
// one learner never interleave: on SQLite the transaction is IMMEDIATE (it
// takes the write lock at its start, so a read-then-write such as an
// answer's card update never fails half-way on a lock upgrade); on
// PostgreSQL it first takes an advisory lock on lock (the learner), held to
// its end, so an answer reads the card as the previous answer left it.
func (s *sqlStore) tx(ctx context.Context, lock, what string, f func(txn) error) error {
	fail := func(err error) error { return fmt.Errorf("%s in %s: %w", what, s.where, err) }
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	t := txn{tx, s.dialect}
	if s.dialect == postgresDialect {
		if _, err := t.Exec(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, lock); err != nil {
			tx.Rollback()
			return fail(err)
		}
	}
	if err := f(t); err != nil {
		tx.Rollback()
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return nil
}
