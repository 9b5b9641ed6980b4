package progress

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/tutor-dev/tutor/quizzes"
)

// DBFile is the learner's database in the state directory.
const DBFile = "tutor.db"

// busyTimeout is how long a write waits for another process's transaction.
// Transactions here last milliseconds; this only bounds a pathological wait.
const busyTimeout = 10 * time.Second

// SQLite is the Store of the learner's own machine: one database file in
// the state directory, in WAL mode so several processes (the course, a
// practice session in another window) read and write it at once, each
// change in its own IMMEDIATE transaction (it takes the write lock at its
// start, so a read-then-write such as an answer's card update never fails
// half-way on a lock upgrade).
type SQLite struct{ *sqlStore }

// OpenSQLite opens (creating) the database in dir, migrates its schema and
// imports the JSON files of earlier versions once. Warnings are one line
// each: a file that was not a database moved aside, a damaged JSON file
// moved aside, a review record rejected.
func OpenSQLite(ctx context.Context, dir string) (*SQLite, []string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("creating the state directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, DBFile)
	if strings.ContainsRune(path, '?') {
		return nil, nil, fmt.Errorf("the state directory %s contains '?', which SQLite file names cannot: choose another --state-dir", dir)
	}
	var warnings []string
	now := time.Now()
	if w, err := asideIfNotDB(path, "it is not a SQLite database", now); err != nil {
		return nil, nil, err
	} else if w != "" {
		warnings = append(warnings, w)
	}
	s, err := openDB(ctx, path)
	if se, ok := damaged(err); ok {
		// The header looked right but the file is not usable: set it aside
		// too, once, and start afresh.
		w, aerr := moveAside(path, "it is damaged: "+se.Error(), now)
		if aerr != nil {
			return nil, nil, aerr
		}
		warnings = append(warnings, w)
		s, err = openDB(ctx, path)
	}
	if err != nil {
		return nil, nil, err
	}
	iw, err := s.importJSON(ctx, dir, now)
	if err != nil {
		s.Close()
		return nil, nil, err
	}
	return s, append(warnings, iw...), nil
}

func openDB(ctx context.Context, path string) (*SQLite, error) {
	dsn := path + "?_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	// One writing connection per process: the process's own writes are
	// already ordered (see Writer); other processes wait on busy_timeout.
	db.SetMaxOpenConns(1)
	s := &SQLite{&sqlStore{db: db, where: path, sched: quizzes.QuizScheduler()}}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	// Reads (a learner's Load, names, the class's reads) go to a pool of
	// read-only connections: WAL lets them read while the writer commits,
	// so a new learner's first screen does not queue behind every other
	// learner's answers on the one writing connection. A read sees every
	// commit that returned before it started.
	rdb, err := sql.Open("sqlite", path+"?_pragma=busy_timeout("+fmt.Sprint(busyTimeout.Milliseconds())+")&_pragma=query_only(1)")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	rdb.SetMaxOpenConns(readConns)
	rdb.SetMaxIdleConns(readConns)
	s.rdb = rdb
	return s, nil
}

// readConns is the size of the read pool: reads are short, and more
// connections than cores only add memory (each has its page cache).
const readConns = 4

// Apply records one change in one transaction.
func (s *sqlStore) Apply(ctx context.Context, learner string, c Change) error {
	switch c := c.(type) {
	case Open:
		return s.tx(ctx, learner, "recording that lesson "+c.Lesson+" was opened", func(tx txn) error {
			if err := upsertLesson(tx, learner, c.Lesson, "opened = 1", c.At); err != nil {
				return err
			}
			_, err := tx.Exec(`INSERT INTO learners (learner, last_lesson) VALUES (?, ?)
				ON CONFLICT (learner) DO UPDATE SET last_lesson = excluded.last_lesson`, learner, c.Lesson)
			return err
		})
	case Offset:
		return s.tx(ctx, learner, "saving the position in lesson "+c.Lesson, func(tx txn) error {
			return upsertLesson(tx, learner, c.Lesson, fmt.Sprintf("scroll_offset = %d", max(c.Offset, 0)), c.At)
		})
	case Position:
		return s.tx(ctx, learner, "saving the position in lesson "+c.Lesson, func(tx txn) error {
			return upsertLesson(tx, learner, c.Lesson, fmt.Sprintf("read_position = %g", clampPosition(c.Position)), c.At)
		})
	case Read:
		return s.tx(ctx, learner, "recording that lesson "+c.Lesson+" was read", func(tx txn) error {
			return upsertLesson(tx, learner, c.Lesson, "read_to_end = 1", c.At)
		})
	case QuizPassed:
		return s.tx(ctx, learner, "recording that the quiz of lesson "+c.Lesson+" was passed", func(tx txn) error {
			return upsertLesson(tx, learner, c.Lesson, "quiz_passed = 1", c.At)
		})
	case Answer:
		return s.tx(ctx, learner, "recording the answer to "+c.Item, func(tx txn) error { return s.answer(tx, learner, c) })
	case Reset:
		return s.tx(ctx, learner, "resetting lesson "+c.Lesson, func(tx txn) error {
			if _, err := tx.Exec(`DELETE FROM lessons WHERE learner = ? AND lesson = ?`, learner, c.Lesson); err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE learners SET last_lesson = '' WHERE learner = ? AND last_lesson = ?`, learner, c.Lesson); err != nil {
				return err
			}
			for _, item := range c.Items {
				if _, err := tx.Exec(`DELETE FROM review WHERE learner = ? AND item = ?`, learner, item); err != nil {
					return err
				}
			}
			return nil
		})
	case ResetAll:
		return s.tx(ctx, learner, "resetting all progress", func(tx txn) error {
			for _, q := range []string{`DELETE FROM lessons WHERE learner = ?`, `DELETE FROM learners WHERE learner = ?`, `DELETE FROM review WHERE learner = ?`} {
				if _, err := tx.Exec(q, learner); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if ok, err := s.applyExercise(ctx, learner, c); ok {
		return err
	}
	if n, ok := c.(SetName); ok {
		return s.setName(ctx, learner, n)
	}
	return fmt.Errorf("unknown change %T", c)
}

// upsertLesson sets one column of a lesson's row (set is fixed SQL, never
// user input).
func upsertLesson(tx txn, learner, lesson, set string, at time.Time) error {
	_, err := tx.Exec(`INSERT INTO lessons (learner, lesson, updated_us) VALUES (?, ?, ?)
		ON CONFLICT (learner, lesson) DO NOTHING`, learner, lesson, nullMicros(at))
	if err != nil {
		return err
	}
	_, err = tx.Exec(`UPDATE lessons SET `+set+`, updated_us = ? WHERE learner = ? AND lesson = ?`, nullMicros(at), learner, lesson)
	return err
}

// answer logs one answer and moves the item's card on from the card as
// stored now (not as read when the session began).
func (s *sqlStore) answer(tx txn, learner string, a Answer) error {
	rec, err := readRecord(tx.QueryRow(`SELECT `+reviewCols+` FROM review WHERE learner = ? AND item = ?`, learner, a.Item))
	if errors.Is(err, sql.ErrNoRows) || err == nil && rec.Check() != nil {
		rec, err = &quizzes.Record{}, nil // never answered, or impossible: start fresh
	}
	if err != nil {
		return err
	}
	rv := &quizzes.Review{Items: map[string]*quizzes.Record{a.Item: rec}}
	rec = rv.Answer(a.Item, a.Right, a.At, s.sched)
	picked, err := json.Marshal(append([]string{}, a.Picked...))
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO answers (learner, item, correct, at_us, picked) VALUES (?, ?, ?, ?, ?)`,
		learner, a.Item, boolInt(a.Right), micros(a.At), string(picked)); err != nil {
		return err
	}
	return writeRecord(tx, learner, a.Item, rec, false)
}

const reviewCols = `state, step, stability, difficulty, due_us, last_review_us, answers, first_try_right, last_missed`

type scanner interface{ Scan(...any) error }

func readRecord(row scanner) (*quizzes.Record, error) {
	var (
		rec       quizzes.Record
		state     int
		due, last sql.NullInt64
		missed    int
	)
	err := row.Scan(&state, &rec.Card.Step, &rec.Card.Stability, &rec.Card.Difficulty, &due, &last,
		&rec.Answers, &rec.FirstTryRight, &missed)
	if err != nil {
		return nil, err
	}
	rec.Card.State = quizzes.CardState(state)
	rec.Card.Due, rec.Card.LastReview = fromMicros(due), fromMicros(last)
	rec.LastMissed = missed != 0
	return &rec, nil
}

// writeRecord stores an item's record; keep leaves an existing row as it is
// (the import never overwrites what the database has).
func writeRecord(tx txn, learner, item string, rec *quizzes.Record, keep bool) error {
	conflict := `DO UPDATE SET state = excluded.state, step = excluded.step, stability = excluded.stability,
		difficulty = excluded.difficulty, due_us = excluded.due_us, last_review_us = excluded.last_review_us,
		answers = excluded.answers, first_try_right = excluded.first_try_right, last_missed = excluded.last_missed`
	if keep {
		conflict = `DO NOTHING`
	}
	c := rec.Card
	_, err := tx.Exec(`INSERT INTO review (learner, item, `+reviewCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (learner, item) `+conflict,
		learner, item, int(c.State), c.Step, c.Stability, c.Difficulty, nullMicros(c.Due), nullMicros(c.LastReview),
		rec.Answers, rec.FirstTryRight, boolInt(rec.LastMissed))
	return err
}

// AnswerCount is the number of answers logged for a learner.
func (s *sqlStore) AnswerCount(ctx context.Context, learner string) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT count(*) FROM answers WHERE learner = ?`, learner).Scan(&n)
	return n, err
}

func micros(t time.Time) int64 { return t.UnixMicro() }

func nullMicros(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMicro(), Valid: true}
}

func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// damaged says whether err means the file is not a usable database.
func damaged(err error) (*sqlite.Error, bool) {
	var se *sqlite.Error
	if errors.As(err, &se) {
		code := se.Code() & 0xff
		return se, code == sqlite3.SQLITE_NOTADB || code == sqlite3.SQLITE_CORRUPT
	}
	return nil, false
}
