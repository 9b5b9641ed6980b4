package progress

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// SyncBatch is what a learner's machine sends the class store at once.
type SyncBatch struct {
	Origin  string       `json:"origin"`
	Lessons []SyncLesson `json:"lessons,omitempty"`
	Current string       `json:"current,omitempty"` // the lesson to reopen, when it changed
	Answers []SyncAnswer `json:"answers,omitempty"`
	Checks  []SyncCheck  `json:"checks,omitempty"`
}

// Empty says whether the batch has nothing to send.
func (b SyncBatch) Empty() bool {
	return len(b.Lessons) == 0 && b.Current == "" && len(b.Answers) == 0 && len(b.Checks) == 0
}

// SyncLesson is a lesson's status flags on the learner's machine.
type SyncLesson struct {
	Lesson string `json:"lesson"`
	LessonFlags
	At time.Time `json:"at"`
}

// LessonFlags are a lesson's status; each is only ever set.
type LessonFlags struct {
	Opened     bool `json:"opened,omitempty"`
	Read       bool `json:"read,omitempty"`
	QuizPassed bool `json:"quiz_passed,omitempty"`
}

// covers says whether f has every flag g has.
func (f LessonFlags) covers(g LessonFlags) bool {
	return (f.Opened || !g.Opened) && (f.Read || !g.Read) && (f.QuizPassed || !g.QuizPassed)
}

// SyncAnswer is one logged answer; Picked is nil where the log did not
// record the choices (answers saved before it did), empty for a skip.
type SyncAnswer struct {
	ID     int64     `json:"id"`
	Item   string    `json:"item"`
	Right  bool      `json:"right"`
	At     time.Time `json:"at"`
	Picked []string  `json:"picked"`
}

// SyncCheck is one exercise check's verdict.
type SyncCheck struct {
	ID       int64     `json:"id"`
	Exercise string    `json:"exercise"`
	Passed   bool      `json:"passed"`
	At       time.Time `json:"at"`
}

// SyncState is what the class store holds from one origin of a learner:
// the high-water marks of the answers and checks applied, and the lesson
// statuses and current lesson it has for the learner.
type SyncState struct {
	Answers int64                  `json:"answers"`
	Checks  int64                  `json:"checks"`
	Lessons map[string]LessonFlags `json:"lessons"`
	Current string                 `json:"current"`
}

// SyncCounts is how many records of a batch were new to the class store.
type SyncCounts struct {
	Answers int `json:"answers"`
	Checks  int `json:"checks"`
	Lessons int `json:"lessons"`
}

// CheckBatch says what is wrong with a batch received from a learner's
// machine, in one line; nil if nothing.
func CheckBatch(b SyncBatch) error {
	if n := len(b.Answers) + len(b.Checks) + len(b.Lessons); n > MaxSyncRecords {
		return fmt.Errorf("batch of %d records: at most %d", n, MaxSyncRecords)
	}
	if err := CheckOrigin(b.Origin); err != nil {
		return err
	}
	text := func(what, s string) error {
		if s == "" || len(s) > maxSyncText || !utf8.ValidString(s) {
			return fmt.Errorf("%s %.40q: must be 1 to %d bytes of UTF-8", what, s, maxSyncText)
		}
		return nil
	}
	if b.Current != "" {
		if err := text("current lesson", b.Current); err != nil {
			return err
		}
	}
	for _, l := range b.Lessons {
		if err := text("lesson", l.Lesson); err != nil {
			return err
		}
	}
	var last int64
	for _, a := range b.Answers {
		if a.ID <= last || a.At.IsZero() || len(a.Picked) > maxSyncPicked {
			return fmt.Errorf("answer %d: ids must rise, times be set and at most %d choices be picked", a.ID, maxSyncPicked)
		}
		last = a.ID
		if err := text("item", a.Item); err != nil {
			return err
		}
		for _, p := range a.Picked {
			if len(p) > maxSyncText || !utf8.ValidString(p) {
				return fmt.Errorf("answer %d: a picked choice longer than %d bytes or not UTF-8", a.ID, maxSyncText)
			}
		}
	}
	last = 0
	for _, c := range b.Checks {
		if c.ID <= last || c.At.IsZero() {
			return fmt.Errorf("check %d: ids must rise and times be set", c.ID)
		}
		last = c.ID
		if err := text("exercise", c.Exercise); err != nil {
			return err
		}
	}
	return nil
}

// CheckOrigin says what is wrong with an origin id.
func CheckOrigin(o string) error {
	if o == "" || len(o) > maxOriginLen {
		return fmt.Errorf("origin %.70q: must be 1 to %d characters", o, maxOriginLen)
	}
	for _, r := range o {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '-') {
			return fmt.Errorf("origin %.70q: only 0-9, a-z and -", o)
		}
	}
	return nil
}
