package progress

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The learner's side of class sync: what is still to send, and the marks
// a class store acknowledged (kept so that, offline, the learner can be
// told what waits).

// Pending is what the learner's store has that a class store in state st
// has not: answers and checks past its marks (oldest first, at most limit
// records in all), lessons whose flags it lacks, and the current lesson if
// it differs.
func (s *SQLite) Pending(ctx context.Context, origin string, st SyncState, limit int) (SyncBatch, error) {
	b := SyncBatch{Origin: origin}
	fail := func(err error) (SyncBatch, error) {
		return SyncBatch{}, fmt.Errorf("reading what to send from %s: %w", s.where, err)
	}
	snap, err := s.Load(ctx, LocalLearner)
	if err != nil {
		return SyncBatch{}, err
	}
	if snap.Progress.Last != "" && snap.Progress.Last != st.Current {
		b.Current = snap.Progress.Last
	}
	for id, l := range snap.Progress.Lessons {
		f := LessonFlags{Opened: l.Opened, Read: l.Read, QuizPassed: l.QuizPassed}
		if f != (LessonFlags{}) && !st.Lessons[id].covers(f) && len(b.Lessons) < limit {
			b.Lessons = append(b.Lessons, SyncLesson{Lesson: id, LessonFlags: f, At: l.Updated})
		}
	}
	slices.SortFunc(b.Lessons, func(x, y SyncLesson) int { return strings.Compare(x.Lesson, y.Lesson) })
	// rowid: these logs are append-only, so a row's rowid is its place in
	// the log and never changes (tutor never runs VACUUM).
	rows, err := s.query(ctx, `SELECT rowid, item, correct, at_us, picked FROM answers
		WHERE learner = ? AND rowid > ? ORDER BY rowid LIMIT ?`, LocalLearner, st.Answers, limit-len(b.Lessons))
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var (
			a       SyncAnswer
			correct int
			at      int64
			picked  sql.NullString
		)
		if err := rows.Scan(&a.ID, &a.Item, &correct, &at, &picked); err != nil {
			rows.Close()
			return fail(err)
		}
		a.Right, a.At = correct != 0, fromMicros(sql.NullInt64{Int64: at, Valid: true})
		if picked.Valid {
			a.Picked = []string{}
			if err := json.Unmarshal([]byte(picked.String), &a.Picked); err != nil {
				a.Picked = nil // unreadable: send the answer without its choices
			}
		}
		b.Answers = append(b.Answers, a)
	}
	if err := rows.Close(); err != nil {
		return fail(err)
	}
	rows, err = s.query(ctx, `SELECT rowid, exercise, passed, at_us FROM exercise_checks
		WHERE learner = ? AND rowid > ? ORDER BY rowid LIMIT ?`, LocalLearner, st.Checks, limit-len(b.Lessons)-len(b.Answers))
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			c      SyncCheck
			passed int
			at     int64
		)
		if err := rows.Scan(&c.ID, &c.Exercise, &passed, &at); err != nil {
			return fail(err)
		}
		c.Passed, c.At = passed != 0, fromMicros(sql.NullInt64{Int64: at, Valid: true})
		b.Checks = append(b.Checks, c)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return b, nil
}

// SaveAcked keeps the state a class store (named by server) acknowledged.
func (s *SQLite) SaveAcked(ctx context.Context, server string, st SyncState) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.tx(ctx, LocalLearner, "saving what "+server+" acknowledged", func(tx txn) error {
		_, err := tx.Exec(`INSERT INTO sync_local (name, value) VALUES (?, ?)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, "acked "+server, string(data))
		return err
	})
}

// Acked is the state the class store server last acknowledged (empty if
// never).
func (s *SQLite) Acked(ctx context.Context, server string) (SyncState, error) {
	var v string
	st := SyncState{Lessons: map[string]LessonFlags{}}
	err := s.queryRow(ctx, `SELECT value FROM sync_local WHERE name = ?`, "acked "+server).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("reading what %s acknowledged from %s: %w", server, s.where, err)
	}
	if err := json.Unmarshal([]byte(v), &st); err != nil {
		return SyncState{Lessons: map[string]LessonFlags{}}, nil // unreadable: the server's own marks decide
	}
	return st, nil
}
