package filterlab

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// editCmd opens the policy in $VISUAL or $EDITOR (vi if neither is set)
// and sends back whatever the learner saved. Invalid JSON is passed on:
// the lab shows the engine's error for it.
func editCmd(source string, policy []byte) tea.Cmd {
	f, err := os.CreateTemp("", source+"-filter-*.json")
	if err != nil {
		return func() tea.Msg {
			return EditedMsg{Err: fmt.Errorf("cannot create a file to edit: %w", err)}
		}
	}
	path := f.Name()
	_, werr := f.Write(append(append([]byte(nil), policy...), '\n'))
	f.Close()
	if werr != nil {
		os.Remove(path)
		return func() tea.Msg { return EditedMsg{Err: fmt.Errorf("cannot write the policy to edit: %w", werr)} }
	}
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
	}
	args := append(strings.Fields(editor), path)
	cmd := exec.Command(args[0], args[1:]...)
	return tea.ExecProcess(cmd, func(err error) tea.Msg { return readEdited(path, editor, err) })
}

// readEdited turns the editor's exit into an EditedMsg and removes the file.
func readEdited(path, editor string, err error) tea.Msg {
	defer os.Remove(path)
	if err != nil {
		return EditedMsg{Err: fmt.Errorf("editor %q failed: %v; the policy is unchanged", editor, err)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return EditedMsg{Err: fmt.Errorf("cannot read the edited policy: %w; it is unchanged", err)}
	}
	return EditedMsg{Policy: []byte(strings.TrimSpace(string(data)))}
}
