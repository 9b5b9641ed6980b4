package progress

import "time"

// File is the name of the lesson progress file of earlier versions,
// imported once into the database.
const File = "progress.json"

// Status is where a learner is with one lesson.
type Status string

const (
	NotStarted Status = "not-started"
	InProgress Status = "in-progress"
	Done       Status = "done"
)

func (s Status) String() string { return string(s) }

// Lesson is what we know of one lesson, keyed by its stable ID. The status
// is derived, so adding a quiz to a lesson later changes what "done" needs
// without rewriting anyone's file.
type Lesson struct {
	Opened     bool      `json:"opened"`
	Read       bool      `json:"read"`        // scrolled to the end
	QuizPassed bool      `json:"quiz_passed"` // every quiz item answered right
	Offset     int       `json:"offset"`      // scroll position, in lines (at the width it was saved at)
	Position   float64   `json:"position"`    // reading position in the lesson's source, 0 to 1
	Updated    time.Time `json:"updated"`
}

// State is the learner's progress through the course.
type State struct {
	Version int                `json:"version"`
	Last    string             `json:"last,omitempty"` // the lesson to reopen
	Lessons map[string]*Lesson `json:"lessons"`
	// ExercisesPassed are the exercises (by ID) the learner has passed a
	// check of; the store fills it from its check results.
	ExercisesPassed map[string]bool `json:"-"`
}

// New returns empty progress.
func New() *State { return &State{Version: 1, Lessons: map[string]*Lesson{}} }

// Lesson returns the entry for id, creating it.
func (s *State) Lesson(id string) *Lesson {
	if s.Lessons == nil {
		s.Lessons = map[string]*Lesson{}
	}
	l := s.Lessons[id]
	if l == nil {
		l = &Lesson{}
		s.Lessons[id] = l
	}
	return l
}

// StatusOf says where the learner is with a lesson. hasQuiz says whether the
// lesson has quiz items: such a lesson is done only once its quiz is passed.
// exercises are the IDs of the lesson's exercises: it is done only once
// each of them is passed too.
func (s *State) StatusOf(id string, hasQuiz bool, exercises ...string) Status {
	l := s.Lessons[id]
	switch {
	case l == nil || !l.Opened:
		return NotStarted
	case l.Read && (l.QuizPassed || !hasQuiz) && s.allPassed(exercises):
		return Done
	default:
		return InProgress
	}
}

func (s *State) allPassed(exercises []string) bool {
	for _, e := range exercises {
		if !s.ExercisesPassed[e] {
			return false
		}
	}
	return true
}

// PassExercise records that the learner passed a check of exercise id.
func (s *State) PassExercise(id string) {
	if s.ExercisesPassed == nil {
		s.ExercisesPassed = map[string]bool{}
	}
	s.ExercisesPassed[id] = true
}

// Open records that a lesson was opened and makes it the one to reopen.
func (s *State) Open(id string, now time.Time) {
	l := s.Lesson(id)
	l.Opened = true
	l.Updated = now
	s.Last = id
}

// Reset forgets one lesson, or everything when id is "".
func (s *State) Reset(id string) {
	if id == "" {
		passed := s.ExercisesPassed // the store keeps check results
		*s = *New()
		s.ExercisesPassed = passed
		return
	}
	delete(s.Lessons, id)
	if s.Last == id {
		s.Last = ""
	}
}
