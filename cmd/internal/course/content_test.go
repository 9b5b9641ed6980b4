package course

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/lessons"
)

// withoutFiles clears the File fields, which name where a part came from.
func withoutFiles(c *Course) (ls []lessons.Lesson, fs []facts.Fact, exps []Experiment, labs []FilterLab) {
	for _, l := range c.Lessons.Lessons {
		x := *l
		x.File = ""
		ls = append(ls, x)
	}
	for _, f := range c.Facts.All() {
		f.File = ""
		fs = append(fs, f)
	}
	for _, e := range c.Experiments {
		x := *e
		x.File = ""
		exps = append(exps, x)
	}
	for _, l := range c.FilterLabs {
		x := *l
		x.File = ""
		labs = append(labs, x)
	}
	return
}

func TestExportedCourseIsTheBuiltinCourse(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := filepath.Join(t.TempDir(), "course")
	if err := Export(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range Folders {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || !st.IsDir() {
			t.Errorf("export has no %s folder", f)
		}
	}
	builtin, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	folder, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	bl, bf, be, bl2 := withoutFiles(builtin)
	fl, ff, fe, fl2 := withoutFiles(folder)
	if !reflect.DeepEqual(bl, fl) || !reflect.DeepEqual(bf, ff) || !reflect.DeepEqual(be, fe) || !reflect.DeepEqual(bl2, fl2) {
		t.Error("the exported folder loads as another course")
	}
	if len(builtin.Quizzes.Items) != len(folder.Quizzes.Items) {
		t.Error("quiz items differ")
	}
	if err := Export(dir); err == nil || !strings.Contains(err.Error(), "is not empty") || strings.Contains(err.Error(), "\n") {
		t.Errorf("export into a non-empty folder is refused in one line: %v", err)
	}
}

func TestFolderFactReachesLessonsAndCourse(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md": "---\nid: a\ntitle: A\nsources: [sqs]\n---\nBatch {{fact:sqs.batch-size.default}}.\n",
		"facts/fix.yaml": "- id: sqs.batch-size.default\n  value: \"42\"\n  text: t\n  source: https://docs.aws.amazon.com/x\n  checked: 2026-11-26\n" +
			"- id: filter.esm.sqs-key\n  value: payload\n  text: t\n  source: https://docs.aws.amazon.com/x\n  checked: 2026-11-26\n",
	})
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := c.Lessons.Get("a"); !strings.Contains(l.Body, "Batch 42.") {
		t.Errorf("the folder's fact is not in the lesson:\n%s", l.Body)
	}
	if f, _ := c.Facts.Get("filter.esm.sqs-key"); f.Value != "payload" {
		t.Errorf("the course's facts keep the built-in value %q", f.Value)
	}
	if c.Experiment("a") == nil || c.FilterLab("sqs") == nil {
		t.Error("a folder without experiments or filter labs keeps the built-in ones")
	}
}

func TestFolderExperimentReplacesBuiltin(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md": "---\nid: a\ntitle: A\nsources: [sqs]\n---\nHi.\n",
		"experiments/sqs.yaml": "question: What now?\nknobs: [batch_size]\nscenario:\n  source: sqs\n  mapping: {batch_size: 3}\n" +
			"  records:\n    - {id: m1, body: x}\n",
	})
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := c.Experiment("a")
	if e == nil || e.Question != "What now?" || e.Preset().Mapping.BatchSize != 3 {
		t.Fatalf("the folder's experiment is not the lesson's: %+v", e)
	}
	if p1, p2 := e.Preset(), e.Preset(); &p1.Records[0] == &p2.Records[0] {
		t.Error("each preset is a fresh copy")
	}
}

func TestBrokenExperimentAndFilterLabNameFileAndLine(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md":         lessonA,
		"experiments/sqs.yaml": "question: Q?\nknobs: [batch_size]\nscenario:\n  source: sqs\n  mapping:\n    batch_size: ten\n",
		"experiments/s3.yaml":  "question: Q?\ncolour: red\nscenario:\n  source: s3\n  records: [{id: a, key: k}]\n",
		"filterlabs/sqs.yaml": "source: sqs\nhint: h\npolicy:\n  body: {amount: [{numeric: [\">\", \"x\"]}]}\n" +
			"samples:\n  - name: one\n    record: {body: x}\n  - name: two\n    colour: red\n",
		"filterlabs/sns.yaml":     "source: sns\npolicy: {a: [1]}\nsamples:\n  - name: no record\n    record: {x: 1}\n",
		"filterlabs/kinesis.yaml": "source: kinesis\nsamples: [{name: n, record: {a: 1}}]\npolicy: {data: {a: [{numeric: [\">\", 1e400]}]}}\n",
	})
	_, err := Load(dir)
	if err == nil {
		t.Fatal("want errors")
	}
	for _, want := range []string{
		filepath.Join(dir, "experiments/sqs.yaml") + ":6:17: batch_size",
		filepath.Join(dir, "experiments/s3.yaml") + `:2:1: unknown field "colour"`,
		filepath.Join(dir, "filterlabs/sqs.yaml") + ":4:",
		filepath.Join(dir, "filterlabs/sqs.yaml") + `:9:5: unknown field "colour"`,
		filepath.Join(dir, "filterlabs/sns.yaml") + ":4:",
		filepath.Join(dir, "filterlabs/kinesis.yaml") + ":3:",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

func TestAliasesAreRefusedInExperimentsAndLabs(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md":         lessonA,
		"experiments/sqs.yaml": "question: &q Q?\nknobs: [*q]\nscenario:\n  source: sqs\n",
		"filterlabs/sqs.yaml":  "source: sqs\nhint: &h h\npolicy: {body: [*h]}\nsamples: []\n",
	})
	_, err := Load(dir)
	for _, want := range []string{"experiments/sqs.yaml:2:", "filterlabs/sqs.yaml:3:", "aliases"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

// A course folder is read by name and pattern only: a named pipe, a link to
// a device or a huge file is refused without being read (reading a pipe
// would block for ever), and files outside the layout are never opened.
func TestOnlyTheCoursesRegularFilesAreRead(t *testing.T) {
	for _, noCache := range []string{"1", ""} {
		useCache(t, t.TempDir())
		t.Setenv("TUTOR_NO_CACHE", noCache)
		dir := writeFolder(t, map[string]string{"lessons/a.md": lessonA})
		if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
		if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.bin")); err != nil {
			t.Fatal(err)
		}
		if c, err := Load(dir); err != nil || len(c.Lessons.Lessons) != 1 {
			t.Fatalf("files outside the layout are not read: %v", err)
		}
		syscall.Mkfifo(filepath.Join(dir, "lessons", "pipe.md"), 0o644)
		os.Symlink("/dev/zero", filepath.Join(dir, "lessons", "zero.md"))
		big := filepath.Join(dir, "lessons", "big.md")
		if f, err := os.Create(big); err == nil {
			f.Truncate(maxFileSize + 1) // sparse: no disk used
			f.Close()
		}
		_, err := Load(dir)
		for _, want := range []string{"pipe.md: not a regular file (a named pipe)", "zero.md: not a regular file (a character device)", "big.md: 4 MiB is more than the 4 MiB"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("TUTOR_NO_CACHE=%q: missing %q in:\n%v", noCache, want, err)
			}
		}
	}
}

func TestCacheKeyIsWhatIsRead(t *testing.T) {
	dir := writeFolder(t, map[string]string{"lessons/a.md": lessonA, "notes.txt": "x"})
	key := func() string {
		files, err := readCourse(os.DirFS(dir), dir)
		if err != nil {
			t.Fatal(err)
		}
		k, err := cacheKey(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k1 := key()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("changed"), 0o644)
	if key() != k1 {
		t.Error("a file that is not part of the course changed the key")
	}
	os.WriteFile(filepath.Join(dir, "lessons/a.md"), []byte(lessonA+"More.\n"), 0o644)
	if key() == k1 {
		t.Error("a lesson's change did not change the key")
	}
}

func TestLabErrorsHaveALine(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/b.md": "---\nid: b\ntitle: B\nsources: [sqs]\nlabs:\n  - handler: sqs-partial\n    events: [sqs-ok]\n  - handler: no-such-handler\n    events: [sqs-ok]\n---\nHi.\n",
	})
	_, err := Load(dir)
	want := filepath.Join(dir, "lessons/b.md") + `:8: labs[1]: unknown handler "no-such-handler"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("missing %q in:\n%v", want, err)
	}
}

func TestExperimentAndLabWithBOM(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md":         lessonA,
		"experiments/sqs.yaml": "\ufeffquestion: Q?\nknobs: [batch_size]\nscenario:\n  source: sqs\n  records: [{id: m1, body: x}]\n",
		"filterlabs/sqs.yaml":  "\ufeffsource: sqs\npolicy: {body: [x]}\nsamples: [{name: s, record: {body: x}}]\n",
	})
	if _, err := Load(dir); err != nil {
		t.Fatal(err)
	}
}

func TestExperimentLessonMustExistAndScenarioNeedsASource(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md":       lessonA,
		"experiments/x.yaml": "lesson: nope\nquestion: Q?\nscenario:\n  source: sqs\n  records: [{id: m1, body: x}]\n",
		"experiments/y.yaml": "question: Q?\nscenario:\n  records: [{id: m1, body: x}]\n",
	})
	_, err := Load(dir)
	for _, want := range []string{
		filepath.Join(dir, "experiments/x.yaml") + `:1: lesson "nope" does not exist`,
		filepath.Join(dir, "experiments/y.yaml") + ":2: scenario: missing source",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

func TestScenarioInFlowStyle(t *testing.T) {
	e, errs := parseExperiment("x.yaml", []byte("question: Q?\nscenario: {source: sqs, records: [{id: m1, body: x}]}\nknobs: [batch_size]\n"))
	if len(errs) > 0 || e.Preset().Records[0].ID != "m1" || len(e.Knobs) != 1 {
		t.Fatalf("%v", errs)
	}
	_, errs = parseExperiment("x.yaml", []byte("question: Q?\nscenario: {source: sqs, mapping: {batch_size: x}}\n"))
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "x.yaml:2:") {
		t.Fatalf("%v", errs)
	}
}

func TestBrokenEventNamesItsLine(t *testing.T) {
	t.Setenv("TUTOR_NO_CACHE", "1")
	dir := writeFolder(t, map[string]string{
		"lessons/a.md":          lessonA,
		"events/sqs/sqs-x.json": "{\n  \"Records\": [\n    {\"body\": 5}\n  ]\n}\n",
		"events/sqs/sqs-y.json": "{\n  \"Records\": [\n  \n",
	})
	_, err := Load(dir)
	for _, want := range []string{filepath.Join(dir, "events/sqs/sqs-x.json") + ":3: not a valid", filepath.Join(dir, "events/sqs/sqs-y.json") + ":4: not a valid"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}
