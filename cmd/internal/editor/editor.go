// Package editor lets a screen hand some text to the learner's own editor
// ($VISUAL, else $EDITOR, else vi): the TUI is suspended with
// tea.ExecProcess while the editor runs, and the saved text comes back as a
// message. It knows nothing of what the text is; each screen checks it.
package editor

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Name is the editor command that Cmd runs.
func Name() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// Cmd writes text to a temporary file named after pattern (as
// os.CreateTemp takes it), opens it in the editor and, when the editor
// exits, returns done(saved, err). err says what failed (creating the file,
// the editor itself, reading the file back) in a sentence a learner can act
// on; the file is always removed.
func Cmd(pattern string, text []byte, done func(saved []byte, err error) tea.Msg) tea.Cmd {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return func() tea.Msg { return done(nil, fmt.Errorf("cannot create a file to edit: %w", err)) }
	}
	path := f.Name()
	_, werr := f.Write(text)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(path)
		return func() tea.Msg { return done(nil, fmt.Errorf("cannot write the file to edit: %w", werr)) }
	}
	name := Name()
	args := append(strings.Fields(name), path)
	return tea.ExecProcess(exec.Command(args[0], args[1:]...), func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return done(nil, fmt.Errorf("editor %q failed: %v", name, err))
		}
		saved, err := os.ReadFile(path)
		if err != nil {
			return done(nil, fmt.Errorf("cannot read the edited file: %w", err))
		}
		return done(saved, nil)
	})
}

// File opens path itself (not a copy) in the editor and, when the editor
// exits, returns done(err); err says in a sentence what failed.
func File(path string, done func(err error) tea.Msg) tea.Cmd {
	name := Name()
	args := append(strings.Fields(name), path)
	return tea.ExecProcess(exec.Command(args[0], args[1:]...), func(err error) tea.Msg {
		if err != nil {
			return done(fmt.Errorf("editor %q failed: %v", name, err))
		}
		return done(nil)
	})
}
