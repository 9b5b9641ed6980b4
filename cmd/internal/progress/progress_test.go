package progress

import (
	"testing"
	"time"
)

func TestStatusRules(t *testing.T) {
	st := New()
	if st.StatusOf("x", true) != NotStarted {
		t.Fatal("unopened lesson should be not-started")
	}
	st.Open("x", time.Now())
	st.Lesson("x").Read = true
	if st.StatusOf("x", false) != Done {
		t.Fatal("read lesson without quiz should be done")
	}
	if st.StatusOf("x", true) != InProgress {
		t.Fatal("read lesson with an unpassed quiz should be in-progress")
	}
	st.Lesson("x").QuizPassed = true
	if st.StatusOf("x", true) != Done {
		t.Fatal("read lesson with passed quiz should be done")
	}
	st.Reset("x")
	if st.StatusOf("x", true) != NotStarted || st.Last != "" {
		t.Fatal("reset should forget the lesson")
	}
}

func TestDirPrecedence(t *testing.T) {
	t.Setenv("TUTOR_STATE_DIR", "/a")
	t.Setenv("XDG_STATE_HOME", "/b")
	if d, _ := Dir("/flag"); d != "/flag" {
		t.Fatal(d)
	}
	if d, _ := Dir(""); d != "/a" {
		t.Fatal(d)
	}
	t.Setenv("TUTOR_STATE_DIR", "")
	if d, _ := Dir(""); d != "/b/tutor" {
		t.Fatal(d)
	}
}
