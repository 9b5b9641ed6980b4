package course

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExercisesInCourseFolder: an exported course keeps its exercises, and
// a broken reference in one is reported with its file and line.
func TestExercisesInCourseFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "course")
	if err := Export(dir); err != nil {
		t.Fatal(err)
	}
	c, err := LoadFS(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Exercises) < 8 {
		t.Fatalf("%d exercises in the exported course", len(c.Exercises))
	}
	if got := c.ExercisesFor("sqs"); len(got) == 0 {
		t.Fatal("no exercise for the sqs lesson")
	}
	spec := filepath.Join(dir, "exercises", "sqs-partial-batch", "exercise.yaml")
	b, _ := os.ReadFile(spec)
	os.WriteFile(spec, []byte(strings.Replace(string(b), "lesson: sqs", "lesson: sqss", 1)), 0o644)
	_, err = LoadFS(os.DirFS(dir), dir)
	if err == nil || !strings.Contains(err.Error(), "exercise.yaml:2: lesson \"sqss\" does not exist") {
		t.Fatalf("broken lesson: %v", err)
	}
}
