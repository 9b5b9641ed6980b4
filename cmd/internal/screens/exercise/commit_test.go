package exercise

import (
	"errors"
	"strings"
	"testing"

	"github.com/tutor-dev/tutor/sandbox/exercises"
)

// Issue 15: a pass the store refused is not announced to the app (which
// would mark the exercise passed on the outline); the screen says it is
// not saved.
func TestPassNotStoredIsNotAnnounced(t *testing.T) {
	m := newModel(t, Deps{}, 100, 40)
	m.seq, m.checking = 1, true
	var crit []exercises.CritResult
	for _, c := range m.ex.Criteria {
		crit = append(crit, exercises.CritResult{ID: c.ID, Title: c.Title, Passed: true})
	}
	rep := &exercises.Report{Passed: true, Build: exercises.Build{OK: true}, Criteria: crit}
	m, cmd := m.Update(checkedMsg{screen: m.id, seq: 1, rep: rep, record: errors.New("disk full")})
	if cmd != nil {
		t.Fatalf("a pass not stored was announced: %#v", cmd())
	}
	if !strings.Contains(text(m), "not saved: disk full") {
		t.Errorf("the screen does not say the pass is not saved:\n%s", text(m))
	}
}
