package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's instructor path: export the built-in course, check it, run
// it with --content, edit it, and see validate name a broken file's line.
func TestBinaryCourseExportValidateAndRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "course")
	if out, errOut, code := tutor(t, "", "course", "export", dir); code != 0 || !strings.Contains(out, "tutor --content "+dir) {
		t.Fatalf("export: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := tutor(t, "", "validate", dir)
	// The export holds what the built-in course holds (counts as validate
	// prints them, "N lessons, ... filter labs").
	bout, _, _ := tutor(t, "", "validate")
	_, counts, _ := strings.Cut(bout, "is valid: ")
	counts, _, _ = strings.Cut(counts, "\n")
	if code != 0 || !strings.Contains(counts, " experiments, ") || !strings.Contains(out, counts) {
		t.Fatalf("the export does not validate: exit %d\n%s%s", code, out, errOut)
	}
	builtin, _, _ := tutor(t, "", "lessons", "--json")
	folder, _, _ := tutor(t, "", "--content", dir, "lessons", "--json")
	if builtin != folder || !strings.Contains(folder, `"sqs"`) {
		t.Fatalf("--content on the export is another course:\n%s\n%s", builtin, folder)
	}

	_, errOut, code = tutor(t, "", "course", "export", dir)
	if code != 1 || !strings.Contains(errOut, "is not empty") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Fatalf("export into a non-empty folder: exit %d, stderr %q", code, errOut)
	}

	exp := filepath.Join(dir, "experiments", "sqs.yaml")
	data, _ := os.ReadFile(exp)
	os.WriteFile(exp, []byte(strings.Replace(string(data), "batch_size: 10", "batch_size: ten", 1)), 0o644)
	lab := filepath.Join(dir, "filterlabs", "sqs.yaml")
	data, _ = os.ReadFile(lab)
	os.WriteFile(lab, []byte(strings.Replace(string(data), "samples:", "colour: red\nsamples:", 1)), 0o644)
	out, _, code = tutor(t, "", "validate", dir)
	if code != 1 || !strings.Contains(out, exp+":29:17: batch_size:") ||
		!strings.Contains(out, lab+`:7:1: unknown field "colour"`) {
		t.Fatalf("validate names the broken experiment and lab with their lines: exit %d\n%s", code, out)
	}
}
