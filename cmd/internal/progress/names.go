package progress

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxNameLen is the longest display name, in characters.
const MaxNameLen = 40

// SetName: the learner gave their display name (on their first login to a
// class server). It is kept apart from progress: ResetAll keeps it.
type SetName struct {
	Name string
	At   time.Time
}

func (SetName) change() {}

// CleanName is a display name as typed, trimmed, or why it cannot be one:
// 1 to MaxNameLen printable characters.
func CleanName(typed string) (string, error) {
	name := strings.TrimSpace(typed)
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return "", errors.New("type a name (1 to 40 characters)")
	case n > MaxNameLen:
		return "", fmt.Errorf("%d characters is too long: at most %d", n, MaxNameLen)
	}
	for _, r := range name {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return "", fmt.Errorf("%q is not a printable character", r)
		}
	}
	return name, nil
}

// setName records a learner's display name (checked again here: a store
// never keeps a name CleanName refuses).
func (s *sqlStore) setName(ctx context.Context, learner string, c SetName) error {
	name, err := CleanName(c.Name)
	if err != nil {
		return fmt.Errorf("saving the name in %s: %w", s.where, err)
	}
	return s.tx(ctx, learner, "saving the name", func(tx txn) error {
		_, err := tx.Exec(`INSERT INTO learner_names (learner, name, updated_us) VALUES (?, ?, ?)
			ON CONFLICT (learner) DO UPDATE SET name = excluded.name, updated_us = excluded.updated_us`,
			learner, name, nullMicros(c.At))
		return err
	})
}

// Name is a learner's display name, "" when they have given none.
func (s *sqlStore) Name(ctx context.Context, learner string) (string, error) {
	var name string
	err := s.queryRow(ctx, `SELECT name FROM learner_names WHERE learner = ?`, learner).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return name, err
}

// fillNames sets the Name of each learner listed.
func (s *sqlStore) fillNames(ctx context.Context, ls []LearnerSeen) error {
	rows, err := s.query(ctx, `SELECT learner, name FROM learner_names`)
	if err != nil {
		return err
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		names[id] = name
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range ls {
		ls[i].Name = names[ls[i].ID]
	}
	return nil
}
