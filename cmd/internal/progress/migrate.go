package progress

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// migrations are the schema, one step per version; a step is never edited
// once released, only added to. The SQL is kept to what SQLite and
// PostgreSQL both accept (the class store of the workshop issue runs the
// same steps there; only the placeholders differ), and no column is named
// by an SQL keyword (offset, read, right).
var migrations = []string{
	// 1: progress by lesson, the lesson to reopen, review state by item, and
	// an append-only log of answers for item analysis.
	`CREATE TABLE learners (
		learner TEXT PRIMARY KEY,
		last_lesson TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE lessons (
		learner TEXT NOT NULL,
		lesson TEXT NOT NULL,
		opened INTEGER NOT NULL DEFAULT 0,
		read_to_end INTEGER NOT NULL DEFAULT 0,
		quiz_passed INTEGER NOT NULL DEFAULT 0,
		scroll_offset INTEGER NOT NULL DEFAULT 0,
		updated_us BIGINT,
		PRIMARY KEY (learner, lesson)
	);
	CREATE TABLE review (
		learner TEXT NOT NULL,
		item TEXT NOT NULL,
		state INTEGER NOT NULL,
		step INTEGER NOT NULL,
		stability DOUBLE PRECISION NOT NULL,
		difficulty DOUBLE PRECISION NOT NULL,
		due_us BIGINT,
		last_review_us BIGINT,
		answers INTEGER NOT NULL,
		first_try_right INTEGER NOT NULL,
		last_missed INTEGER NOT NULL,
		PRIMARY KEY (learner, item)
	);
	CREATE TABLE answers (
		learner TEXT NOT NULL,
		item TEXT NOT NULL,
		correct INTEGER NOT NULL,
		at_us BIGINT NOT NULL
	);
	CREATE INDEX answers_by_learner ON answers (learner, at_us);
	CREATE INDEX answers_by_item ON answers (item);
	CREATE TABLE imports (
		name TEXT PRIMARY KEY,
		at_us BIGINT NOT NULL
	);`,
	// 2: the reading position as a place in the lesson's source (0 to 1),
	// so that a window of another width reopens at the same paragraph.
	`ALTER TABLE lessons ADD COLUMN read_position DOUBLE PRECISION NOT NULL DEFAULT 0;`,
	// 3: exercises: every check's verdict (its own row), hints shown, and
	// the workspace `tutor exercise init` made.
	`CREATE TABLE exercise_checks (
		learner TEXT NOT NULL,
		exercise TEXT NOT NULL,
		passed INTEGER NOT NULL,
		at_us BIGINT NOT NULL
	);
	CREATE INDEX exercise_checks_by_learner ON exercise_checks (learner, exercise);
	CREATE TABLE exercise_hints (
		learner TEXT NOT NULL,
		exercise TEXT NOT NULL,
		hints INTEGER NOT NULL,
		PRIMARY KEY (learner, exercise)
	);
	CREATE TABLE exercise_workspace (
		learner TEXT PRIMARY KEY,
		dir TEXT NOT NULL
	);`,
	// 4: the choices picked by each logged answer, for item analysis: a
	// JSON array of the choices' texts (not display positions: choices are
	// shuffled per session); '[]' for a skip, NULL where not recorded
	// (answers logged before this step).
	`ALTER TABLE answers ADD COLUMN picked TEXT;`,
	// 5: the display name a learner gives on their first login to a class
	// server (tutor serve), apart from progress so a reset keeps it.
	`CREATE TABLE learner_names (
		learner TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		updated_us BIGINT
	);`,
	// 6: class sync (tutor class join): see syncSchema.
	syncSchema,
}

// SchemaVersion is the version the migrations reach.
var SchemaVersion = len(migrations)

// migrate brings the schema to SchemaVersion in one transaction.
func (s *sqlStore) migrate(ctx context.Context) error {
	return s.tx(ctx, schemaLock, "preparing the database", func(tx txn) error {
		if _, err := tx.Exec(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
			return err
		}
		var v int
		err := tx.QueryRow(`SELECT version FROM schema_version`).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			if _, err := tx.Exec(`INSERT INTO schema_version (version) VALUES (0)`); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		if v > SchemaVersion {
			return fmt.Errorf("the database has schema version %d, newer than this tutor knows (%d): update tutor", v, SchemaVersion)
		}
		for ; v < SchemaVersion; v++ {
			if _, err := tx.Exec(migrations[v]); err != nil {
				return fmt.Errorf("schema step %d: %w", v+1, err)
			}
		}
		_, err = tx.Exec(`UPDATE schema_version SET version = ?`, v)
		return err
	})
}

var sqliteHeader = []byte("SQLite format 3\x00")

// asideIfNotDB moves path aside when it exists, is not empty and does not
// start with SQLite's header (an empty file is an empty database).
func asideIfNotDB(path, why string, now time.Time) (string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("opening %s: %w", path, err)
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	f.Close()
	if n == 0 || err == nil && bytes.Equal(head, sqliteHeader) {
		return "", nil
	}
	return moveAside(path, why, now)
}

// moveAside renames a database that cannot be used, with its WAL and
// shared-memory files, to NAME.damaged-TIMESTAMP, and says so in one line.
func moveAside(path, why string, now time.Time) (string, error) {
	aside := fmt.Sprintf("%s.damaged-%s", path, now.UTC().Format("20060102T150405Z"))
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("%s cannot be used (%s) and could not be moved aside: %w; move or delete it by hand", path, why, err)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + ext); err == nil {
			os.Rename(path+ext, aside+ext)
		}
	}
	return fmt.Sprintf("%s cannot be used (%s); kept it as %s and started afresh", path, why, aside), nil
}
