package course

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/lessons"
	"github.com/tutor-dev/tutor/quizzes"
	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/exercises"
)

// Parsing the YAML of a whole course takes tens of milliseconds, longer than
// the TUI's first frame may take. A course that loaded without problems is
// therefore kept, already parsed, in the user's cache directory, keyed by the
// tutor binary itself (which holds the parsing code) and by the name and
// bytes of every file the course is read from: exactly the files readCourse
// read, and nothing else in the folder. Any change to either is a new key,
// so a stale copy is never used; a damaged copy is ignored and rewritten.

// cacheFormat changes whenever the cached shape does.
const cacheFormat = "tutor-course-cache-4"

// cached is what the cache stores.
type cached struct {
	Facts       []facts.Fact
	Lessons     []*lessons.Lesson
	Items       []*quizzes.Item
	Experiments []*Experiment
	FilterLabs  []*FilterLab
	Exercises   []*exercises.Exercise
	Settings    Settings
}

// userCacheDir is os.UserCacheDir; tests point it at a temporary folder
// (setting XDG_CACHE_HOME in a test process would also move Go's caches).
var userCacheDir = os.UserCacheDir

// cacheDir is where cached courses live; "" turns the cache off.
func cacheDir() string {
	if os.Getenv("TUTOR_NO_CACHE") != "" {
		return ""
	}
	d, err := userCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "tutor")
}

// cacheKey identifies a course: the running binary (which embeds the
// built-in course), where the course comes from, and the names and contents
// of the files read from a folder.
func cacheKey(dir string, files fstest.MapFS) (string, error) {
	h := sha256.New()
	io.WriteString(h, cacheFormat+"\x00")
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%t\x00", exe, st.Size(), st.ModTime().UnixNano(), dir == "")
	names := slices.Sorted(maps.Keys(files))
	for _, p := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(files[p].Data))
		h.Write(files[p].Data)
	}
	return hex.EncodeToString(h.Sum(nil))[:32], nil
}

func cachePath(key string) string { return filepath.Join(cacheDir(), "course-"+key+".gob") }

// readCache returns the cached course for key, if there is a sound one.
// files are a course folder's files, to load its sample events from.
func readCache(key, dir string, files fstest.MapFS) (*Course, bool) {
	if cacheDir() == "" {
		return nil, false
	}
	data, err := os.ReadFile(cachePath(key))
	if err != nil {
		return nil, false
	}
	var v cached
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&v) != nil || len(v.Lessons) == 0 {
		return nil, false
	}
	c := &Course{
		Facts:       facts.FromList(v.Facts),
		Lessons:     lessons.NewCourse(v.Lessons),
		Quizzes:     quizzes.NewBank(v.Items),
		Experiments: v.Experiments,
		FilterLabs:  v.FilterLabs,
		Exercises:   v.Exercises,
		Settings:    v.Settings,
		Dir:         dir,
	}
	if dir != "" && c.loadEvents(files) != nil {
		return nil, false
	}
	// The built-in facts, experiments and filter labs are in the copy; the
	// built-in sample events are read from the binary, once per process.
	base, err := sandbox.BuiltinEvents()
	if err != nil {
		return nil, false
	}
	c.Events = append(c.Events, base)
	now := time.Now()
	os.Chtimes(cachePath(key), now, now) // most recently used: kept by pruneCache
	return c, true
}

// writeCache stores a course that loaded cleanly. Failing to write is not
// an error: the next start parses the course again.
func writeCache(key string, c *Course) {
	dir := cacheDir()
	if dir == "" || os.MkdirAll(dir, 0o755) != nil {
		return
	}
	var buf bytes.Buffer
	v := cached{Facts: c.Facts.All(), Lessons: c.Lessons.Lessons, Items: c.Quizzes.Items,
		Experiments: c.Experiments, FilterLabs: c.FilterLabs, Exercises: c.Exercises, Settings: c.Settings}
	if gob.NewEncoder(&buf).Encode(v) != nil {
		return
	}
	f, err := os.CreateTemp(dir, "course-*.tmp")
	if err != nil {
		return
	}
	_, werr := f.Write(buf.Bytes())
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), cachePath(key)) != nil {
		os.Remove(f.Name())
		return
	}
	pruneCache(dir, key)
}

// keepCached is how many cached courses to keep: the current binary's and a
// few others (another course folder, the previous release).
const keepCached = 4

// pruneCache keeps the most recently used cached courses and removes the
// rest, so rebuilding tutor (or go run, or go test) does not pile them up.
func pruneCache(dir, keep string) {
	entries, _ := os.ReadDir(dir)
	type file struct {
		name string
		used time.Time
	}
	var files []file
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "course-") || strings.Contains(e.Name(), keep) {
			continue
		}
		if info, err := e.Info(); err == nil {
			files = append(files, file{e.Name(), info.ModTime()})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].used.After(files[j].used) })
	for i, f := range files {
		if i >= keepCached-1 || strings.HasSuffix(f.name, ".tmp") {
			os.Remove(filepath.Join(dir, f.name))
		}
	}
}
