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

// Files reads the JSON files of earlier versions (progress.json,
// review.json) in one state directory, to import them into the database.
type Files struct {
	Dir string
	now func() time.Time
}

// NewFiles returns a reader of the JSON files in dir.
func NewFiles(dir string) *Files { return &Files{Dir: dir, now: time.Now} }

// Load reads name into v. A missing file leaves v as it is and is not an
// error. A damaged file is renamed to name.damaged-TIMESTAMP and reported
// in warning; v is left as it is so the caller starts fresh but the old
// data is kept for the learner to inspect.
func (s *Files) Load(name string, v any) (warning string, err error) {
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
