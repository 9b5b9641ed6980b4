package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// quizJSON runs one `tutor quiz --json` session on dir and returns how many
// items it answered (it is safe to call from several goroutines).
func quizJSON(dir, input string, args ...string) (int, string, error) {
	cmd := exec.Command(tutorBin, append([]string{"quiz", "--json"}, args...)...)
	cmd.Env = tutorEnv("TUTOR_STATE_DIR="+dir, "NO_COLOR=")
	cmd.Stdin = strings.NewReader(input)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return 0, errb.String(), fmt.Errorf("%v: %s", err, errb.String())
	}
	var res struct {
		Answered int `json:"answered"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return 0, errb.String(), fmt.Errorf("%v: %s", err, out.String())
	}
	return res.Answered, errb.String(), nil
}

// Issue 10, lost answers 1: two practice sessions on one state directory
// each rewrote the whole review file after every answer, so the later
// writer deleted the other's answers (both exited 0).
func TestBinaryConcurrentPracticeKeepsEveryAnswer(t *testing.T) {
	dir := stateDir(t)
	const sessions, rounds = 4, 3
	skipAll := strings.Repeat("\n", 10)
	var wg sync.WaitGroup
	var mu sync.Mutex
	given := 0
	errs := make(chan error, sessions)
	for s := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				n, _, err := quizJSON(dir, skipAll, "--count", "10", "--seed", fmt.Sprint(s*rounds+r+1))
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				given += n
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if q := quizStats(t); given != sessions*rounds*10 || q.Answers != given {
		t.Fatalf("answers given %d, stored %d", given, q.Answers)
	}
}

// Issue 10, lost answers 3: a review record impossible for the scheduler
// made FSRS compute NaN ("stability": -1) or panic ("step": -5); every save
// of the session then failed. Now each such item is named in one warning
// line and starts fresh; nothing else is lost.
func TestBinaryImpossibleReviewRecords(t *testing.T) {
	dir := stateDir(t)
	writeFile(t, dir, "review.json", `{"version":1,"items":{
		"sync-trigger":{"card":{"state":2,"stability":-1,"difficulty":5,"due":"2026-01-01T00:00:00Z","last_review":"2025-12-01T00:00:00Z"},"answers":3,"first_try_right":1},
		"sqs-visibility":{"card":{"state":1,"step":-5,"stability":2,"difficulty":5},"answers":1},
		"kept":{"card":{"state":2,"stability":4,"difficulty":5,"due":"2026-01-01T00:00:00Z","last_review":"2025-12-01T00:00:00Z"},"answers":2,"first_try_right":2}}}`)
	n, errOut, err := quizJSON(dir, "\n", "--item", "sync-trigger")
	if err != nil || n != 1 {
		t.Fatalf("answered %d: %v", n, err)
	}
	for _, id := range []string{"sync-trigger", "sqs-visibility"} {
		if !strings.Contains(errOut, "item "+id+" ") {
			t.Errorf("no warning names %s:\n%s", id, errOut)
		}
	}
	if c := strings.Count(errOut, "tutor: warning:"); c != 2 {
		t.Errorf("%d warnings, want 2:\n%s", c, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "review.json.imported")); err != nil {
		t.Errorf("review.json not kept as a backup: %v", err)
	}
	// Once imported the file is not read again: no more warnings.
	if _, errOut, _ := tutor(t, "", "progress"); strings.Contains(errOut, "warning") {
		t.Errorf("warned again: %s", errOut)
	}
}

// A failing save is reported at the first answer, naming the database,
// with a non-zero exit; the learner never sees feedback for a lost answer.
func TestBinaryQuizFailingSave(t *testing.T) {
	dir := stateDir(t)
	s, _, err := progress.OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`CREATE TRIGGER full BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, errOut, code := tutor(t, "\n\n", "quiz", "--plain", "--count", "2")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, filepath.Join(dir, "tutor.db")) {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if strings.Contains(out, "Skipped.") || strings.Contains(out, "Question 2") {
		t.Errorf("the session went on after a failed save:\n%s", out)
	}
}

// Issue 10: a line over 1 MiB ended the session like end of input, exit 0.
func TestBinaryQuizReadError(t *testing.T) {
	_, errOut, code := tutor(t, strings.Repeat("1", 2<<20)+"\n", "quiz", "--plain", "--item", "sync-trigger")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "longer than") {
		t.Fatalf("exit %d, stderr: %q", code, errOut)
	}
}

// --reset also resets the quiz review state.
func TestBinaryResetResetsReview(t *testing.T) {
	tutor(t, "\n", "quiz", "--plain", "--item", "sync-trigger")
	if q := quizStats(t); q.Answers != 1 {
		t.Fatalf("before reset: %+v", q)
	}
	if _, errOut, code := tutor(t, "", "progress", "--reset", "--yes"); code != 0 {
		t.Fatal(errOut)
	}
	if q := quizStats(t); q.Answers != 0 || q.Seen != 0 || q.Due != 0 {
		t.Fatalf("after reset: %+v", q)
	}
}

// A tutor.db that is not a database is moved aside with one warning.
func TestBinaryDamagedDatabase(t *testing.T) {
	dir := stateDir(t)
	writeFile(t, dir, "tutor.db", "not a database at all\n")
	out, errOut, code := tutor(t, "", "progress")
	if code != 0 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "tutor.db.damaged-") || !strings.Contains(out, "lessons done") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if tutor(t, "\n", "quiz", "--plain", "--item", "sync-trigger"); quizStats(t).Answers != 1 {
		t.Fatal("the new database does not keep answers")
	}
}
