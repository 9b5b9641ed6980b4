package progress

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Exercise changes: each check result is its own change (a row), so a
// learner's history of attempts is kept and two windows never overwrite
// each other's.
type (
	// ExerciseChecked: a check of an exercise ran to a verdict.
	ExerciseChecked struct {
		Exercise string
		Passed   bool
		At       time.Time
	}
	// HintShown: the learner asked for the exercise's next hint; Level is
	// the number of hints now shown (1-3).
	HintShown struct {
		Exercise string
		Level    int
		At       time.Time
	}
	// WorkspaceSet: the folder `tutor exercise init` created, which check
	// and watch use from any directory.
	WorkspaceSet struct {
		Dir string
		At  time.Time
	}
)

func (ExerciseChecked) change() {}
func (HintShown) change()       {}
func (WorkspaceSet) change()    {}

// ExerciseStatus is where a learner is with one exercise.
type ExerciseStatus struct {
	Checks   int  // checks run
	Failed   int  // of which failed
	Passed   bool // any check passed
	Hints    int  // hints shown
	LastPass time.Time
}

// Status is not-started, failing or passed.
func (s ExerciseStatus) Status() string {
	switch {
	case s.Passed:
		return "passed"
	case s.Checks > 0:
		return "failing"
	}
	return "not-started"
}

// FailedChecksForSolution is how many failed checks, after all the hints,
// open the solution of an exercise not yet passed.
const FailedChecksForSolution = 3

// SolutionOpen says whether the learner may see the reference solution of
// an exercise with hints hints: once passed, or after every hint and
// FailedChecksForSolution failed checks.
func (s ExerciseStatus) SolutionOpen(hints int) bool {
	return s.Passed || (s.Hints >= hints && s.Failed >= FailedChecksForSolution)
}

// Exercises is a learner's exercise state: the workspace and each
// exercise's status by ID.
type Exercises struct {
	Workspace string
	ByID      map[string]ExerciseStatus
}

// applyExercise records an exercise change; ok is false for other changes.
func (s *sqlStore) applyExercise(ctx context.Context, learner string, c Change) (bool, error) {
	switch c := c.(type) {
	case ExerciseChecked:
		return true, s.tx(ctx, learner, "recording a check of exercise "+c.Exercise, func(tx txn) error {
			_, err := tx.Exec(`INSERT INTO exercise_checks (learner, exercise, passed, at_us) VALUES (?, ?, ?, ?)`,
				learner, c.Exercise, boolInt(c.Passed), micros(c.At))
			return err
		})
	case HintShown:
		return true, s.tx(ctx, learner, "recording a hint of exercise "+c.Exercise, func(tx txn) error {
			_, err := tx.Exec(`INSERT INTO exercise_hints (learner, exercise, hints) VALUES (?, ?, ?)
				ON CONFLICT (learner, exercise) DO UPDATE SET hints = CASE WHEN excluded.hints > exercise_hints.hints THEN excluded.hints ELSE exercise_hints.hints END`, learner, c.Exercise, c.Level)
			return err
		})
	case WorkspaceSet:
		return true, s.tx(ctx, learner, "remembering the exercise workspace", func(tx txn) error {
			_, err := tx.Exec(`INSERT INTO exercise_workspace (learner, dir) VALUES (?, ?)
				ON CONFLICT (learner) DO UPDATE SET dir = excluded.dir`, learner, c.Dir)
			return err
		})
	}
	return false, nil
}

// Exercises reads a learner's exercise state.
func (s *sqlStore) Exercises(ctx context.Context, learner string) (*Exercises, error) {
	ex := &Exercises{ByID: map[string]ExerciseStatus{}}
	fail := func(err error) (*Exercises, error) {
		return nil, errors.New("reading exercises from " + s.where + ": " + err.Error())
	}
	err := s.queryRow(ctx, `SELECT dir FROM exercise_workspace WHERE learner = ?`, learner).Scan(&ex.Workspace)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fail(err)
	}
	rows, err := s.query(ctx, `SELECT exercise, passed, at_us FROM exercise_checks WHERE learner = ? ORDER BY at_us`, learner)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var id string
		var passed int
		var at int64
		if err := rows.Scan(&id, &passed, &at); err != nil {
			rows.Close()
			return fail(err)
		}
		st := ex.ByID[id]
		st.Checks++
		if passed != 0 {
			st.Passed, st.LastPass = true, time.UnixMicro(at)
		} else {
			st.Failed++
		}
		ex.ByID[id] = st
	}
	if err := rows.Close(); err != nil {
		return fail(err)
	}
	rows, err = s.query(ctx, `SELECT exercise, hints FROM exercise_hints WHERE learner = ?`, learner)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return fail(err)
		}
		st := ex.ByID[id]
		st.Hints = n
		ex.ByID[id] = st
	}
	return ex, rows.Err()
}

// loadPassed fills st.ExercisesPassed from the check results.
func (s *sqlStore) loadPassed(ctx context.Context, learner string, st *State) error {
	rows, err := s.query(ctx, `SELECT DISTINCT exercise FROM exercise_checks WHERE learner = ? AND passed != 0`, learner)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		st.PassExercise(id)
	}
	return rows.Err()
}
