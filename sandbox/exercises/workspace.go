package exercises

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// The workspace is a Go module that builds offline: it vendors the packages
// of aws-lambda-go its handlers import, copied here from the module this
// binary is built with (with its LICENSE files).
const (
	ModulePath    = "tutor-exercises"
	lambdaModule  = "github.com/aws/aws-lambda-go"
	LambdaVersion = "v1.55.1"
)

//go:embed all:_lambda
var lambdaFS embed.FS

// workspaceFiles are the shared files of a workspace, by path.
func workspaceFiles() (map[string][]byte, error) {
	files := map[string][]byte{
		"go.mod": []byte("module " + ModulePath + "\n\ngo " + GoVersion + "\n\nrequire " + lambdaModule + " " + LambdaVersion + "\n"),
	}
	pkgs := map[string]bool{}
	err := fs.WalkDir(lambdaFS, "_lambda", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := lambdaFS.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "_lambda/")
		files["vendor/"+lambdaModule+"/"+rel] = b
		if strings.HasSuffix(rel, ".go") {
			pkgs[lambdaModule+"/"+path.Dir(rel)] = true
		}
		return nil
	})
	list := make([]string, 0, len(pkgs))
	for p := range pkgs {
		list = append(list, p)
	}
	sort.Strings(list)
	files["vendor/modules.txt"] = []byte("# " + lambdaModule + " " + LambdaVersion + "\n## explicit; go " + GoVersion + "\n" + strings.Join(list, "\n") + "\n")
	return files, err
}

// InitResult says what Init did.
type InitResult struct {
	Dir     string
	Created []string // files written
	Kept    []string // files that were there already, left as they are
}

// Init creates the workspace in dir (made if needed): go.mod, the vendored
// aws-lambda-go, and per exercise <id>/main.go and <id>/handler.go (the
// stub). A file that exists is never overwritten, so running it again only
// adds what is missing (a new exercise, a deleted file).
func Init(dir string, exs []*Exercise) (*InitResult, error) {
	files, err := workspaceFiles()
	if err != nil {
		return nil, err
	}
	for _, e := range exs {
		files[e.ID+"/"+MainFile] = e.Main
		files[e.ID+"/"+HandlerFile] = e.Handler
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	res := &InitResult{Dir: dir}
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if _, err := os.Lstat(p); err == nil {
			res.Kept = append(res.Kept, n)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return res, fmt.Errorf("creating the workspace: %w", err)
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			res.Kept = append(res.Kept, n)
			continue
		}
		if err != nil {
			return res, fmt.Errorf("creating the workspace: %w", err)
		}
		_, werr := f.Write(files[n])
		if cerr := f.Close(); werr != nil || cerr != nil {
			return res, fmt.Errorf("writing %s: %w", p, errors.Join(werr, cerr))
		}
		res.Created = append(res.Created, n)
	}
	return res, nil
}

// CheckWorkspace says, in one line, why dir cannot be checked for exercise
// id (nil when it can).
func CheckWorkspace(dir, id string) error {
	if dir == "" {
		return errors.New("no exercise workspace yet: run `tutor exercise init` to create one")
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return fmt.Errorf("%s: the exercise workspace is missing (moved or deleted?): run `tutor exercise init [DIR]` to create it again", dir)
	}
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil || !strings.Contains(string(mod), "module "+ModulePath) {
		return fmt.Errorf("%s: not an exercise workspace (no go.mod of module %s): run `tutor exercise init %s`", dir, ModulePath, dir)
	}
	for _, n := range []string{"vendor/modules.txt", "vendor/" + lambdaModule + "/lambda/entry.go", "vendor/" + lambdaModule + "/events/sqs.go",
		id + "/" + MainFile, id + "/" + HandlerFile} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(n))); err != nil {
			return fmt.Errorf("%s: %s is missing: run `tutor exercise init %s` to restore it (your edited files are kept)", dir, n, dir)
		}
	}
	return nil
}
