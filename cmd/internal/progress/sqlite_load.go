package progress

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/tutor-dev/tutor/quizzes"
)

// Load reads one learner's progress and review state.
func (s *sqlStore) Load(ctx context.Context, learner string) (Snapshot, error) {
	snap := Snapshot{Progress: New(), Review: quizzes.NewReview()}
	fail := func(err error) (Snapshot, error) {
		return Snapshot{}, fmt.Errorf("reading progress from %s: %w", s.where, err)
	}
	err := s.queryRow(ctx, `SELECT last_lesson FROM learners WHERE learner = ?`, learner).Scan(&snap.Progress.Last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fail(err)
	}
	rows, err := s.query(ctx, `SELECT lesson, opened, read_to_end, quiz_passed, scroll_offset, read_position, updated_us
		FROM lessons WHERE learner = ?`, learner)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var (
			id                   string
			opened, read, passed int
			l                    Lesson
			updated              sql.NullInt64
		)
		if err := rows.Scan(&id, &opened, &read, &passed, &l.Offset, &l.Position, &updated); err != nil {
			rows.Close()
			return fail(err)
		}
		l.Opened, l.Read, l.QuizPassed, l.Updated = opened != 0, read != 0, passed != 0, fromMicros(updated)
		snap.Progress.Lessons[id] = &l
	}
	if err := rows.Close(); err != nil {
		return fail(err)
	}
	if err := s.loadPassed(ctx, learner, snap.Progress); err != nil {
		return fail(err)
	}
	if snap.Name, err = s.Name(ctx, learner); err != nil {
		return fail(err)
	}
	rows, err = s.query(ctx, `SELECT item, `+reviewCols+` FROM review WHERE learner = ? ORDER BY item`, learner)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var item string
		rec, err := readRecord(rowWithItem{rows, &item})
		if err != nil {
			return fail(err)
		}
		if cerr := rec.Check(); cerr != nil {
			snap.Warnings = append(snap.Warnings, fmt.Sprintf("%s: the review state of item %s is impossible (%v); that item starts fresh", s.where, item, cerr))
			continue
		}
		snap.Review.Items[item] = rec
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return snap, nil
}

// rowWithItem scans a review row that starts with the item column.
type rowWithItem struct {
	rows *sql.Rows
	item *string
}

func (r rowWithItem) Scan(dest ...any) error { return r.rows.Scan(append([]any{r.item}, dest...)...) }
