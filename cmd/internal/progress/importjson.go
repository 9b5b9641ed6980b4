package progress

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/tutor-dev/tutor/quizzes"
)

// ImportedSuffix is added to a JSON file of an earlier version once it is
// in the database; the file stays as a backup.
const ImportedSuffix = ".imported"

// importJSON brings progress.json and review.json of earlier versions into
// the database, once, in one transaction: rows the database already has are
// kept, the files are renamed NAME.imported afterwards. A damaged file is
// moved aside (as before) and a review record the scheduler cannot accept
// is left out, each with a one-line warning; nothing else is lost.
func (s *SQLite) importJSON(ctx context.Context, dir string, now time.Time) ([]string, error) {
	files := NewFiles(dir)
	files.now = func() time.Time { return now }
	// Earlier versions wrote these files through temp files that a crash
	// could leave behind (NAME.tmp-*); nothing reads them.
	for _, name := range []string{File, quizzes.ReviewFile} {
		leftovers, _ := filepath.Glob(filepath.Join(dir, name+".tmp-*"))
		for _, p := range leftovers {
			os.Remove(p)
		}
	}
	var warnings []string
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(dir, name))
		return err == nil
	}
	var st *State
	if exists(File) {
		st = New()
		w, err := files.Load(File, st)
		if err != nil {
			return nil, err
		}
		if w != "" {
			warnings, st = append(warnings, w), nil
		}
	}
	var rv *quizzes.Review
	if exists(quizzes.ReviewFile) {
		rv = quizzes.NewReview()
		w, err := files.Load(quizzes.ReviewFile, rv)
		if err != nil {
			return nil, err
		}
		if w != "" {
			warnings, rv = append(warnings, w), nil
		}
	}
	if st == nil && rv == nil {
		return warnings, nil
	}
	if rv != nil {
		ids := make([]string, 0, len(rv.Items))
		for id := range rv.Items {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if rec := rv.Items[id]; rec == nil {
				delete(rv.Items, id)
			} else if err := rec.Check(); err != nil {
				warnings = append(warnings, fmt.Sprintf("%s: item %s has review values the scheduler cannot use (%v); that item starts fresh", filepath.Join(dir, quizzes.ReviewFile), id, err))
				delete(rv.Items, id)
			}
		}
	}
	var done []string
	err := s.tx(ctx, LocalLearner, "importing progress.json and review.json", func(tx txn) error {
		done = done[:0]
		if st != nil {
			ok, err := markImported(tx, File, now)
			if err != nil {
				return err
			}
			if ok {
				if err := importState(tx, st); err != nil {
					return err
				}
			}
			done = append(done, File)
		}
		if rv != nil {
			ok, err := markImported(tx, quizzes.ReviewFile, now)
			if err != nil {
				return err
			}
			if ok {
				for id, rec := range rv.Items {
					if err := writeRecord(tx, LocalLearner, id, rec, true); err != nil {
						return err
					}
				}
			}
			done = append(done, quizzes.ReviewFile)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, name := range done {
		p := filepath.Join(dir, name)
		if err := os.Rename(p, p+ImportedSuffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			warnings = append(warnings, fmt.Sprintf("%s is imported into %s but could not be renamed to %s (%v); it is not read again", p, s.where, name+ImportedSuffix, err))
		}
	}
	return warnings, nil
}

// markImported records that name was imported; false when it was already.
func markImported(tx txn, name string, now time.Time) (bool, error) {
	res, err := tx.Exec(`INSERT INTO imports (name, at_us) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, name, micros(now))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func importState(tx txn, st *State) error {
	if st.Last != "" {
		if _, err := tx.Exec(`INSERT INTO learners (learner, last_lesson) VALUES (?, ?) ON CONFLICT (learner) DO NOTHING`,
			LocalLearner, st.Last); err != nil {
			return err
		}
	}
	for id, l := range st.Lessons {
		if l == nil {
			continue
		}
		if _, err := tx.Exec(`INSERT INTO lessons (learner, lesson, opened, read_to_end, quiz_passed, scroll_offset, updated_us)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner, lesson) DO NOTHING`,
			LocalLearner, id, boolInt(l.Opened), boolInt(l.Read), boolInt(l.QuizPassed), max(l.Offset, 0), nullMicros(l.Updated)); err != nil {
			return err
		}
	}
	return nil
}
