package course

import (
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/tutor-dev/tutor/assets"
	"github.com/tutor-dev/tutor/lessons"
	"github.com/tutor-dev/tutor/quizzes"
)

// Folders are the top-level folders of a course, in the order the README
// lists them. Nothing else in a course folder is read.
var Folders = []string{"lessons", "quizzes", "facts", "events", "experiments", "filterlabs", "exercises"}

// Builtin is the built-in course as one file tree with exactly the layout of
// a course folder, put together from the packages that embed its parts
// (lessons, quizzes, assets); `tutor course export` writes it out as is.
func Builtin() fs.FS {
	sub := func(fsys fs.FS, dir string) fs.FS {
		s, err := fs.Sub(fsys, dir)
		if err != nil {
			panic(err) // a constant, valid path: fs.Sub cannot fail
		}
		return s
	}
	return unionFS{
		"lessons":     lessons.Files(),
		"quizzes":     quizzes.Files(),
		"facts":       sub(assets.FS, "facts"),
		"events":      sub(assets.FS, "events"),
		"experiments": sub(assets.FS, "experiments"),
		"filterlabs":  sub(assets.FS, "filterlabs"),
		"exercises":   sub(assets.Exercises, "_exercises"),
		SettingsFile:  rootFile(builtinSettings),
	}
}

// rootFile is a file at the top of a unionFS (course.yaml).
type rootFile []byte

func (f rootFile) Open(name string) (fs.File, error) {
	return fstest.MapFS{name: {Data: f, Mode: 0o444}}.Open(name)
}

// unionFS is a read-only tree whose top-level folders come from other
// trees; a rootFile is a top-level file.
type unionFS map[string]fs.FS

func (u unionFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return &dirFile{name: ".", list: func() ([]fs.DirEntry, error) {
			var out []fs.DirEntry
			for _, name := range u.names() {
				if f, ok := u[name].(rootFile); ok {
					st, err := fs.Stat(f, name)
					if err != nil {
						return nil, err
					}
					out = append(out, fs.FileInfoToDirEntry(st))
					continue
				}
				out = append(out, dirInfo(name))
			}
			return out, nil
		}}, nil
	}
	top, rest, _ := strings.Cut(name, "/")
	sub, ok := u[top]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if f, ok := sub.(rootFile); ok {
		if rest != "" {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
		return f.Open(top)
	}
	if rest == "" {
		return &dirFile{name: top, list: func() ([]fs.DirEntry, error) { return fs.ReadDir(sub, ".") }}, nil
	}
	return sub.Open(rest)
}

func (u unionFS) names() []string {
	var out []string
	for _, f := range append(slices.Clone(Folders), SettingsFile) {
		if _, ok := u[f]; ok {
			out = append(out, f)
		}
	}
	return out
}

// dirInfo describes a synthetic folder.
type dirInfo string

func (d dirInfo) Name() string               { return string(d) }
func (d dirInfo) Size() int64                { return 0 }
func (d dirInfo) Mode() fs.FileMode          { return fs.ModeDir | 0o555 }
func (d dirInfo) ModTime() time.Time         { return time.Time{} }
func (d dirInfo) IsDir() bool                { return true }
func (d dirInfo) Sys() any                   { return nil }
func (d dirInfo) Type() fs.FileMode          { return fs.ModeDir }
func (d dirInfo) Info() (fs.FileInfo, error) { return d, nil }
func (d dirInfo) String() string             { return fs.FormatDirEntry(d) }

// dirFile is an open synthetic folder: the root, or a top-level folder
// under its own name (the tree it comes from calls it ".").
type dirFile struct {
	name string
	list func() ([]fs.DirEntry, error)
	left []fs.DirEntry
	read bool
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return dirInfo(d.name), nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: fs.ErrInvalid}
}
func (d *dirFile) Close() error { return nil }

// ReadDir follows fs.ReadDirFile: n > 0 returns at most n entries and
// io.EOF at the end; n <= 0 returns all that are left.
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	if !d.read {
		list, err := d.list()
		if err != nil {
			return nil, err
		}
		d.left, d.read = list, true
	}
	if n <= 0 {
		out := d.left
		d.left = nil
		return out, nil
	}
	if len(d.left) == 0 {
		return nil, io.EOF
	}
	k := min(n, len(d.left))
	out := slices.Clone(d.left[:k])
	d.left = d.left[k:]
	return out, nil
}
