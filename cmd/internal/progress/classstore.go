package progress

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ClassStore is the store of a class server (tutor serve): every learner's
// progress, read across learners for the board, with display names.
type ClassStore interface {
	ClassReader
	// Name is a learner's display name, "" when none was given.
	Name(ctx context.Context, learner string) (string, error)
}

var (
	_ ClassStore = (*SQLite)(nil)
	_ ClassStore = (*Postgres)(nil)
)

// OpenClassStore opens the store of a class server: a PostgreSQL server
// for postgres:// (see OpenPostgres), otherwise a SQLite file, created when
// missing. Unlike OpenSQLite it never moves a file aside and starts afresh:
// a class's database that is damaged or not tutor's is an error naming it,
// and the file is left as it is.
func OpenClassStore(ctx context.Context, dsn string) (ClassStore, error) {
	if IsPostgresDSN(dsn) {
		return OpenPostgres(ctx, dsn)
	}
	if strings.ContainsRune(dsn, '?') {
		return nil, fmt.Errorf("%s contains '?', which SQLite file names cannot: choose another path", dsn)
	}
	_, err := os.Stat(dsn)
	if err == nil {
		return OpenExisting(ctx, dsn)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("opening %s: %w", dsn, err)
	}
	if err := os.MkdirAll(filepath.Dir(dsn), 0o755); err != nil {
		return nil, fmt.Errorf("creating the directory of %s: %w", dsn, err)
	}
	return openDB(ctx, dsn)
}
