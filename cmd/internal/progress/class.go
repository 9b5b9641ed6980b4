package progress

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
)

// ClassReader is a store that reads across learners: what the class report
// (item analysis) needs beyond Load. The SQLite store is one; the class
// store of a workshop server will be another.
type ClassReader interface {
	Store
	// Learners lists every learner the store knows, by ID, each with the
	// time of the latest thing they did (zero when unknown).
	Learners(ctx context.Context) ([]LearnerSeen, error)
	// AnswerLog is every logged answer, oldest first.
	AnswerLog(ctx context.Context) ([]LoggedAnswer, error)
}

// LearnerSeen is a learner and when they were last seen.
type LearnerSeen struct {
	ID       string
	Name     string // display name; "" when none was given (see SetName)
	LastSeen time.Time
}

// LoggedAnswer is one row of the answer log.
type LoggedAnswer struct {
	Learner, Item string
	Right         bool
	// Picked are the texts of the choices picked: empty for a skip, nil
	// for an answer logged before the store recorded picks.
	Picked []string
	At     time.Time
}

var _ ClassReader = (*SQLite)(nil)

// Learners lists every learner with the time of their latest change.
func (s *sqlStore) Learners(ctx context.Context) ([]LearnerSeen, error) {
	rows, err := s.query(ctx, `SELECT learner, MAX(t) FROM (
			SELECT learner, CAST(NULL AS BIGINT) AS t FROM learners
			UNION ALL SELECT learner, updated_us FROM lessons
			UNION ALL SELECT learner, CAST(NULL AS BIGINT) FROM review
			UNION ALL SELECT learner, at_us FROM answers
			UNION ALL SELECT learner, at_us FROM exercise_checks
			UNION ALL SELECT learner, updated_us FROM learner_names
		) AS seen GROUP BY learner ORDER BY learner`)
	if err != nil {
		return nil, fmt.Errorf("listing the learners in %s: %w", s.where, err)
	}
	defer rows.Close()
	var out []LearnerSeen
	for rows.Next() {
		var (
			l    LearnerSeen
			last sql.NullInt64
		)
		if err := rows.Scan(&l.ID, &last); err != nil {
			return nil, fmt.Errorf("listing the learners in %s: %w", s.where, err)
		}
		l.LastSeen = fromMicros(last)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing the learners in %s: %w", s.where, err)
	}
	if err := s.fillNames(ctx, out); err != nil {
		return nil, fmt.Errorf("listing the learners in %s: %w", s.where, err)
	}
	return out, nil
}

// AnswerLog reads the whole answer log, oldest first.
func (s *sqlStore) AnswerLog(ctx context.Context) ([]LoggedAnswer, error) {
	fail := func(err error) ([]LoggedAnswer, error) {
		return nil, fmt.Errorf("reading the answer log in %s: %w", s.where, err)
	}
	rows, err := s.query(ctx, `SELECT learner, item, correct, at_us, picked FROM answers ORDER BY at_us, learner, item`)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	var out []LoggedAnswer
	for rows.Next() {
		var (
			a       LoggedAnswer
			correct int
			at      int64
			picked  sql.NullString
		)
		if err := rows.Scan(&a.Learner, &a.Item, &correct, &at, &picked); err != nil {
			return fail(err)
		}
		a.Right, a.At = correct != 0, time.UnixMicro(at).UTC()
		if picked.Valid {
			a.Picked = []string{}
			if err := json.Unmarshal([]byte(picked.String), &a.Picked); err != nil {
				return fail(fmt.Errorf("the choices of %s's answer to %s at %s are not a JSON list (%v)", a.Learner, a.Item, a.At.Format(time.RFC3339), err))
			}
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return out, nil
}

// OpenExisting opens a database file that must already exist and be a
// tutor database (for reading a class: unlike OpenSQLite it never starts
// afresh, moves a file aside or imports anything). Its schema is brought
// up to date as at any start.
func OpenExisting(ctx context.Context, path string) (*SQLite, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no database at %s: check the path (a learner's is %s in their state directory)", path, DBFile)
	}
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not a database file: name the file (such as %s/%s)", path, path, DBFile)
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("%s contains '?', which SQLite file names cannot: rename or copy it", path)
	}
	if err := isTutorDB(ctx, path); err != nil {
		return nil, err
	}
	s, err := openDB(ctx, path)
	if err != nil {
		if se, ok := damaged(err); ok {
			return nil, fmt.Errorf("%s is damaged (%v): restore it from a copy", path, se)
		}
		return nil, err
	}
	return s, nil
}

// isTutorDB checks, without writing, that path is a SQLite database with
// tutor's schema.
func isTutorDB(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return fmt.Errorf("%s is not a tutor database (not even SQLite): name the tutor.db of a state directory", path)
	}
	db, err := sql.Open("sqlite", path+"?mode=ro&_pragma=busy_timeout("+fmt.Sprint(busyTimeout.Milliseconds())+")")
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`).Scan(&n)
	if se, ok := damaged(err); ok {
		return fmt.Errorf("%s is damaged (%v): restore it from a copy", path, se)
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if n == 0 {
		return fmt.Errorf("%s is a SQLite database but not tutor's (it has no schema_version table)", path)
	}
	return nil
}

// LoggedCheck is one exercise check's verdict.
type LoggedCheck struct {
	Learner, Exercise string
	Passed            bool
	At                time.Time
}

// CheckLog reads every exercise check of every learner, oldest first (the
// class board's "failing for a long time").
func (s *sqlStore) CheckLog(ctx context.Context) ([]LoggedCheck, error) {
	fail := func(err error) ([]LoggedCheck, error) {
		return nil, fmt.Errorf("reading the exercise checks in %s: %w", s.where, err)
	}
	rows, err := s.query(ctx, `SELECT learner, exercise, passed, at_us FROM exercise_checks ORDER BY at_us, learner, exercise`)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	var out []LoggedCheck
	for rows.Next() {
		var (
			c      LoggedCheck
			passed int
			at     int64
		)
		if err := rows.Scan(&c.Learner, &c.Exercise, &passed, &at); err != nil {
			return fail(err)
		}
		c.Passed, c.At = passed != 0, time.UnixMicro(at).UTC()
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return out, nil
}
