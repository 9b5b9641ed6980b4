package progress

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"
)

// Class sync (tutor class join): a learner's own store sends what they did
// to a class store, exactly once. Each answer and exercise check carries its
// local id (the row's rowid in the learner's SQLite file, which only grows:
// both logs are append-only and tutor never runs VACUUM) and the origin, a
// random id kept in the learner's store. The class store applies a record
// and notes (learner, origin, kind, id) in sync_applied in one transaction,
// so a record sent twice is applied once. Its high-water marks (the highest
// id applied, per kind) tell the sender where to go on from; lesson
// statuses are flags that are only ever set, so sending one again changes
// nothing.

// syncSchema is the migration step of class sync (kept here, whole, so the
// step stays one piece whatever its number): sync_applied on the class
// store, sync_local (the origin id and the acknowledged marks) on the
// learner's. IF NOT EXISTS: a test that winds the version back to an
// earlier step runs this step again.
const syncSchema = `CREATE TABLE IF NOT EXISTS sync_applied (
		learner TEXT NOT NULL,
		origin TEXT NOT NULL,
		kind TEXT NOT NULL,
		local_id BIGINT NOT NULL,
		applied_us BIGINT NOT NULL,
		PRIMARY KEY (learner, origin, kind, local_id)
	);
	CREATE TABLE IF NOT EXISTS sync_local (
		name TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);`

// SyncStore is a class store that takes records from learners' machines;
// both class stores are.
type SyncStore interface {
	SyncState(ctx context.Context, learner, origin string) (SyncState, error)
	ApplySync(ctx context.Context, learner string, b SyncBatch) (SyncState, SyncCounts, error)
}

var (
	_ SyncStore = (*SQLite)(nil)
	_ SyncStore = (*Postgres)(nil)
)

// Kinds of synced records (sync_applied.kind).
const (
	SyncKindAnswer = "answer"
	SyncKindCheck  = "check"
)

// Limits of one batch, checked by the receiver (CheckBatch).
const (
	MaxSyncRecords = 200  // answers + checks + lessons in one batch
	maxSyncText    = 4096 // an ID or a choice's text, in bytes
	maxSyncPicked  = 50   // choices picked in one answer
	maxOriginLen   = 64
)

// SyncState reads what the class store holds from origin for learner.
func (s *sqlStore) SyncState(ctx context.Context, learner, origin string) (SyncState, error) {
	var st SyncState
	err := s.tx(ctx, learner, "reading the class sync state", func(tx txn) error {
		var err error
		st, err = syncState(tx, learner, origin)
		return err
	})
	return st, err
}

func syncState(tx txn, learner, origin string) (SyncState, error) {
	st := SyncState{Lessons: map[string]LessonFlags{}}
	for kind, mark := range map[string]*int64{SyncKindAnswer: &st.Answers, SyncKindCheck: &st.Checks} {
		err := tx.QueryRow(`SELECT COALESCE(MAX(local_id), 0) FROM sync_applied WHERE learner = ? AND origin = ? AND kind = ?`,
			learner, origin, kind).Scan(mark)
		if err != nil {
			return st, err
		}
	}
	if err := tx.QueryRow(`SELECT COALESCE(MAX(last_lesson), '') FROM learners WHERE learner = ?`, learner).Scan(&st.Current); err != nil {
		return st, err
	}
	rows, err := tx.tx.Query(tx.d.rebind(`SELECT lesson, opened, read_to_end, quiz_passed FROM lessons WHERE learner = ?`), learner)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var o, r, q int
		if err := rows.Scan(&id, &o, &r, &q); err != nil {
			return st, err
		}
		st.Lessons[id] = LessonFlags{Opened: o != 0, Read: r != 0, QuizPassed: q != 0}
	}
	return st, rows.Err()
}

// ApplySync applies a batch from a learner's machine in one transaction:
// each answer and check not applied before (by origin and id) is applied
// as the store applies an Answer or ExerciseChecked, and noted; lesson
// flags are set. It returns the state after and what was new.
func (s *sqlStore) ApplySync(ctx context.Context, learner string, b SyncBatch) (SyncState, SyncCounts, error) {
	if err := CheckBatch(b); err != nil {
		return SyncState{}, SyncCounts{}, err
	}
	var (
		st SyncState
		n  SyncCounts
	)
	now := micros(time.Now())
	err := s.tx(ctx, learner, "applying synced records", func(tx txn) error {
		n = SyncCounts{}
		fresh := func(kind string, id int64) (bool, error) {
			res, err := tx.Exec(`INSERT INTO sync_applied (learner, origin, kind, local_id, applied_us) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (learner, origin, kind, local_id) DO NOTHING`, learner, b.Origin, kind, id, now)
			if err != nil {
				return false, err
			}
			k, err := res.RowsAffected()
			return k == 1, err
		}
		for _, a := range b.Answers {
			ok, err := fresh(SyncKindAnswer, a.ID)
			if err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
			if err := s.answer(tx, learner, Answer{Item: a.Item, Right: a.Right, At: a.At, Picked: a.Picked}); err != nil {
				return err
			}
			if a.Picked == nil { // not recorded on the learner's machine: keep it unknown here too
				if _, err := tx.Exec(`UPDATE answers SET picked = NULL WHERE learner = ? AND item = ? AND at_us = ? AND picked = '[]'`,
					learner, a.Item, micros(a.At)); err != nil {
					return err
				}
			}
			n.Answers++
		}
		for _, c := range b.Checks {
			ok, err := fresh(SyncKindCheck, c.ID)
			if err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
			if _, err := tx.Exec(`INSERT INTO exercise_checks (learner, exercise, passed, at_us) VALUES (?, ?, ?, ?)`,
				learner, c.Exercise, boolInt(c.Passed), micros(c.At)); err != nil {
				return err
			}
			n.Checks++
		}
		before, err := syncState(tx, learner, b.Origin)
		if err != nil {
			return err
		}
		for _, l := range b.Lessons {
			if before.Lessons[l.Lesson].covers(l.LessonFlags) {
				continue
			}
			if err := setLessonFlags(tx, learner, l); err != nil {
				return err
			}
			n.Lessons++
		}
		if b.Current != "" && b.Current != before.Current {
			if _, err := tx.Exec(`INSERT INTO learners (learner, last_lesson) VALUES (?, ?)
				ON CONFLICT (learner) DO UPDATE SET last_lesson = excluded.last_lesson`, learner, b.Current); err != nil {
				return err
			}
		}
		st, err = syncState(tx, learner, b.Origin)
		return err
	})
	return st, n, err
}

// setLessonFlags sets (never clears) a lesson's flags; its time moves only
// forward.
func setLessonFlags(tx txn, learner string, l SyncLesson) error {
	at := nullMicros(l.At)
	if _, err := tx.Exec(`INSERT INTO lessons (learner, lesson, updated_us) VALUES (?, ?, ?)
		ON CONFLICT (learner, lesson) DO NOTHING`, learner, l.Lesson, at); err != nil {
		return err
	}
	_, err := tx.Exec(`UPDATE lessons SET opened = CASE WHEN ? = 1 THEN 1 ELSE opened END,
		read_to_end = CASE WHEN ? = 1 THEN 1 ELSE read_to_end END,
		quiz_passed = CASE WHEN ? = 1 THEN 1 ELSE quiz_passed END,
		updated_us = CASE WHEN updated_us IS NULL OR updated_us < ? THEN ? ELSE updated_us END
		WHERE learner = ? AND lesson = ?`,
		boolInt(l.Opened), boolInt(l.Read), boolInt(l.QuizPassed), at, at, learner, l.Lesson)
	return err
}

// Origin is this store's origin id for class sync, made (random) the first
// time it is asked for and kept in the store.
func (s *SQLite) Origin(ctx context.Context) (string, error) {
	var id string
	err := s.tx(ctx, LocalLearner, "reading this machine's sync id", func(tx txn) error {
		b := make([]byte, 12)
		rand.Read(b)
		if _, err := tx.Exec(`INSERT INTO sync_local (name, value) VALUES ('origin', ?) ON CONFLICT (name) DO NOTHING`,
			hex.EncodeToString(b)); err != nil {
			return err
		}
		return tx.QueryRow(`SELECT value FROM sync_local WHERE name = 'origin'`).Scan(&id)
	})
	return id, err
}
