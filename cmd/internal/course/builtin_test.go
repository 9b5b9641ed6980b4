package course

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

// The built-in course is one well-behaved file tree with the layout of a
// course folder.
func TestBuiltinIsOneTree(t *testing.T) {
	if err := fstest.TestFS(Builtin(), "lessons/welcome.md", "quizzes/sqs.yaml", "facts/sqs.yaml",
		"events/sqs/sqs-ok.json", "experiments/sqs.yaml", "filterlabs/sns.yaml", SettingsFile); err != nil {
		t.Fatal(err)
	}
	top, err := fs.ReadDir(Builtin(), ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range top {
		names = append(names, e.Name())
	}
	if len(names) != len(Folders)+1 || !slices.Contains(names, SettingsFile) {
		t.Fatalf("top level %v, want %v and %s", names, Folders, SettingsFile)
	}
}
