package course

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"testing/fstest"
)

// Bounds on what a course folder may hold. The largest built-in file is
// under 40 KB and the whole built-in course under 1 MB, so these leave room
// for any real course while a stray video, disk image or log in the folder
// is refused at once instead of read into memory on every start.
const (
	maxFileSize  = 4 << 20  // bytes in one file
	maxTotalSize = 64 << 20 // bytes in all of them
	maxFiles     = 5000
)

// contentFiles are the files a course is made of, by folder: the pattern a
// file's name must match to be read (exercises/<id>/ holds exercise.yaml
// and Go files). Nothing outside these folders (and course.yaml, the
// settings) is read, so a course folder may also hold a README, a .git folder
// or anything else.
var contentFiles = []struct{ dir, pattern string }{
	{"lessons", "*.md"},
	{"quizzes", "*.yaml"},
	{"facts", "*.yaml"},
	{"events", "*/*.json"},
	{"experiments", "*.yaml"},
	{"filterlabs", "*.yaml"},
	{"exercises", "*/*.yaml"},
	{"exercises", "*/*.go"},
}

// readCourse reads every file of the course in fsys, and nothing else, into
// memory: what the cache key hashes is exactly what is parsed. Every file
// must be a regular file (a symbolic link to one is followed) within the
// size bounds; a named pipe, device or socket is refused without being
// opened, so nothing can block the read. dir names the folder in errors.
func readCourse(fsys fs.FS, dir string) (fstest.MapFS, error) {
	r := &reader{fsys: fsys, dir: dir, files: fstest.MapFS{}}
	for _, c := range contentFiles {
		r.glob(c.dir, c.pattern)
	}
	if _, err := fs.Stat(fsys, SettingsFile); err == nil {
		r.read(SettingsFile)
	} else if !errors.Is(err, fs.ErrNotExist) {
		r.fail(SettingsFile, "%v", unwrapPath(err))
	}
	if len(r.errs) > 0 {
		return r.files, errors.Join(r.errs...)
	}
	return r.files, nil
}

type reader struct {
	fsys    fs.FS
	dir     string
	files   fstest.MapFS
	total   int64
	tooMany bool
	errs    []error
}

func (r *reader) fail(p string, format string, a ...any) {
	r.errs = append(r.errs, fmt.Errorf("%s: %s", path.Join(r.dir, p), fmt.Sprintf(format, a...)))
}

// glob reads the files under dir matching pattern, one folder level per
// '/' in pattern; each folder is checked to be one before it is listed.
func (r *reader) glob(dir, pattern string) {
	st, err := fs.Stat(r.fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return // every folder is optional here; the loader says which it needs
	}
	if err != nil {
		r.fail(dir, "%v", unwrapPath(err))
		return
	}
	if !st.IsDir() {
		r.fail(dir, "not a folder (%s)", kind(st.Mode()))
		return
	}
	entries, err := fs.ReadDir(r.fsys, dir)
	if err != nil {
		r.fail(dir, "%v", unwrapPath(err))
		return
	}
	first, rest, nested := strings.Cut(pattern, "/")
	for _, e := range entries {
		if ok, _ := path.Match(first, e.Name()); !ok {
			continue
		}
		p := path.Join(dir, e.Name())
		if nested {
			if st, err := fs.Stat(r.fsys, p); err == nil && st.IsDir() {
				r.glob(p, rest)
			} else if err == nil {
				r.fail(p, "not a folder (%s): %s go in %s/<name>/", kind(st.Mode()), dir, dir)
			}
			continue
		}
		r.read(p)
	}
}

// read reads one file after checking, without opening it, that it is a
// regular file of a sensible size.
func (r *reader) read(p string) {
	if len(r.files) >= maxFiles {
		if !r.tooMany {
			r.fail(p, "more than %d files in the course: remove what is not part of it", maxFiles)
			r.tooMany = true
		}
		return
	}
	st, err := fs.Stat(r.fsys, p)
	if err != nil {
		r.fail(p, "%v", unwrapPath(err))
		return
	}
	if !st.Mode().IsRegular() {
		r.fail(p, "not a regular file (%s): a course folder holds only regular files", kind(st.Mode()))
		return
	}
	if st.Size() > maxFileSize {
		r.fail(p, "%s is more than the %s a course file may have", size(st.Size()), size(maxFileSize))
		return
	}
	f, err := r.fsys.Open(p)
	if err != nil {
		r.fail(p, "%v", unwrapPath(err))
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	switch {
	case err != nil:
		r.fail(p, "%v", unwrapPath(err))
		return
	case len(data) > maxFileSize: // grew since the check
		r.fail(p, "more than the %s a course file may have", size(maxFileSize))
		return
	}
	r.total += int64(len(data))
	if r.total > maxTotalSize {
		r.fail(p, "the course's files add up to more than %s: remove what is not part of it", size(maxTotalSize))
		return
	}
	r.files[p] = &fstest.MapFile{Data: data, Mode: 0o444}
}

// kind names a file mode for people.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a folder"
	case m.IsRegular():
		return "a file"
	}
	return "a special file"
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", max(n>>10, 1))
}

// unwrapPath drops the path from a *fs.PathError, which the message names
// already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
