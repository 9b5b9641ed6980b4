package course

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// useCache turns the course cache on, in dir instead of the user's.
func useCache(t *testing.T, dir string) {
	t.Helper()
	old := userCacheDir
	userCacheDir = func() (string, error) { return dir, nil }
	t.Cleanup(func() { userCacheDir = old })
	t.Setenv("TUTOR_NO_CACHE", "")
}

const lessonA = "---\nid: a\ntitle: A\norder: 1\nsources: [sqs]\n---\nHello.\n"

func TestCachedCourseEqualsParsedCourse(t *testing.T) {
	useCache(t, t.TempDir())
	fresh, err := LoadFS(Builtin(), "")
	if err != nil {
		t.Fatal(err)
	}
	first, err := Load("") // parses and writes the cache
	if err != nil {
		t.Fatal(err)
	}
	key, _ := cacheKey("", nil) // the built-in course is keyed by the binary
	if _, err := os.Stat(cachePath(key)); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	second, ok := readCache(key, "", nil)
	if !ok {
		t.Fatal("cache not read back")
	}
	for _, c := range []*Course{first, second} {
		if !reflect.DeepEqual(c.Lessons.Lessons, fresh.Lessons.Lessons) {
			t.Error("cached lessons differ from parsed ones")
		}
		if !reflect.DeepEqual(c.Quizzes.Items, fresh.Quizzes.Items) {
			t.Error("cached quiz items differ from parsed ones")
		}
		if !reflect.DeepEqual(c.Facts.All(), fresh.Facts.All()) {
			t.Error("cached facts differ from parsed ones")
		}
		if !reflect.DeepEqual(c.Experiments, fresh.Experiments) || len(c.Experiments) < 6 { // one per source at least; lessons may add their own
			t.Error("cached experiments differ from parsed ones")
		}
		if !reflect.DeepEqual(c.FilterLabs, fresh.FilterLabs) || len(c.FilterLabs) != 5 {
			t.Error("cached filter labs differ from parsed ones")
		}
		if len(c.Events) == 0 {
			t.Error("no events")
		}
	}
}

func TestFolderEditInvalidatesCache(t *testing.T) {
	useCache(t, t.TempDir())
	dir := writeFolder(t, map[string]string{"lessons/a.md": lessonA})
	if _, err := Load(dir); err != nil {
		t.Fatal(err)
	}
	// An edit that breaks the lesson must be reported, not hidden by the cache.
	os.WriteFile(filepath.Join(dir, "lessons/a.md"), []byte("---\nid: a\ntitle: A\nsources: [nope]\n---\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), `unknown source "nope"`) {
		t.Fatalf("edit not seen: %v", err)
	}
}

func TestDamagedCacheIsIgnored(t *testing.T) {
	useCache(t, t.TempDir())
	dir := writeFolder(t, map[string]string{"lessons/a.md": lessonA})
	files, _ := readCourse(os.DirFS(dir), dir)
	key, err := cacheKey(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(cacheDir(), 0o755)
	os.WriteFile(cachePath(key), []byte("not gob"), 0o644)
	c, err := Load(dir)
	if err != nil || len(c.Lessons.Lessons) != 1 {
		t.Fatalf("%v %+v", err, c)
	}
	if _, ok := readCache(key, dir, files); !ok {
		t.Fatal("damaged cache not rewritten")
	}
}

func TestFolderProblemsAreAllReported(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md":      lessonA,
		"lessons/b.md":      "---\nid: b\ntitle: B\nlabs:\n  - handler: no-such-handler\n    events: [sqs-ok]\n---\nHi.\n",
		"quizzes/q.yaml":    "- id: q1\n  lesson: missing\n  kind: single\n  prompt: P?\n  choices:\n    - text: x\n      correct: true\n      why: y\n    - text: z\n      why: w\n  concepts: []\n  source: https://docs.aws.amazon.com/\n",
		"facts/extra.yaml":  "- id: bad id\n  value: \"1\"\n",
		"events/sqs/x.json": "{not json",
	})
	_, err := Load(dir)
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{`unknown handler "no-such-handler"`, `"missing"`, "facts/extra.yaml", "x.json"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

func TestCacheKeepsOnlyRecentCourses(t *testing.T) {
	cache := t.TempDir()
	useCache(t, cache)
	dir := filepath.Join(cache, "tutor")
	os.MkdirAll(dir, 0o755)
	for i := 0; i < 10; i++ {
		os.WriteFile(filepath.Join(dir, "course-old"+string(rune('a'+i))+".gob"), []byte("x"), 0o644)
	}
	if _, err := Load(""); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != keepCached {
		t.Fatalf("%d cached files left, want %d", len(entries), keepCached)
	}
	key, _ := cacheKey("", nil)
	if _, err := os.Stat(cachePath(key)); err != nil {
		t.Fatal("the current course's cache was pruned")
	}
}
