// Package progress keeps where the learner is: which lessons they opened,
// read and passed, the last lesson and its scroll position, and any other
// per-learner state (quiz review) as JSON files in one state directory.
//
// Files are written atomically (temp file, fsync, rename) so a crash never
// leaves half a file. A file that cannot be read back is moved aside and
// reported in one line; progress is never silently reset.
package progress

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Dir resolves the state directory: the flag, then $TUTOR_STATE_DIR, then
// $XDG_STATE_HOME/tutor, then ~/.local/state/tutor.
func Dir(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if d := os.Getenv("TUTOR_STATE_DIR"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_STATE_HOME"); d != "" {
		return filepath.Join(d, "tutor"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a state directory: set --state-dir or TUTOR_STATE_DIR (%w)", err)
	}
	return filepath.Join(home, ".local", "state", "tutor"), nil
}

// Store reads and writes JSON files in one state directory.
type Store struct {
	Dir string
	now func() time.Time
}

// NewStore returns a store for dir (created on first save).
func NewStore(dir string) *Store { return &Store{Dir: dir, now: time.Now} }

// Load reads name into v. A missing file leaves v as it is and is not an
// error. A damaged file is renamed to name.damaged-TIMESTAMP and reported
// in warning; v is left as it is so the caller starts fresh but the old
// data is kept for the learner to inspect.
func (s *Store) Load(name string, v any) (warning string, err error) {
	p := filepath.Join(s.Dir, name)
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", p, err)
	}
	if jerr := json.Unmarshal(data, v); jerr != nil {
		aside := fmt.Sprintf("%s.damaged-%s", p, s.now().UTC().Format("20060102T150405Z"))
		if rerr := os.Rename(p, aside); rerr != nil {
			return "", fmt.Errorf("%s is damaged (%v) and could not be moved aside: %w; move or delete it by hand", p, jerr, rerr)
		}
		return fmt.Sprintf("%s was damaged (%v); kept it as %s and started afresh", p, jerr, aside), nil
	}
	return "", nil
}

// Save writes v as name atomically: a temp file in the same directory,
// fsync, then rename over the old file.
func (s *Store) Save(name string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return fmt.Errorf("creating state directory: %w", err)
	}
	f, err := os.CreateTemp(s.Dir, name+".tmp-*")
	if err != nil {
		return fmt.Errorf("saving %s: %w", name, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("saving %s: %w", name, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("saving %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("saving %s: %w", name, err)
	}
	if err := os.Rename(tmp, filepath.Join(s.Dir, name)); err != nil {
		return fmt.Errorf("saving %s: %w", name, err)
	}
	return nil
}
