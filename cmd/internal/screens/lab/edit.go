package lab

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// editCmd opens the run's event in $VISUAL or $EDITOR (vi if neither is
// set) and sends back the edited payload, checked to be JSON.
func editCmd(index int, run Run) tea.Cmd {
	f, err := os.CreateTemp("", run.Event+"-*.json")
	if err != nil {
		return func() tea.Msg {
			return EditedMsg{Index: index, Err: fmt.Errorf("cannot create a file to edit: %w", err)}
		}
	}
	path := f.Name()
	_, werr := f.Write([]byte(prettyJSON(run.Payload)))
	f.Close()
	if werr != nil {
		return func() tea.Msg { return EditedMsg{Index: index, Err: werr} }
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
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return EditedMsg{Index: index, Err: fmt.Errorf("editor %q failed: %v; the event is unchanged", editor, err)}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return EditedMsg{Index: index, Err: err}
		}
		if !json.Valid(data) {
			var v any
			jerr := json.Unmarshal(data, &v)
			return EditedMsg{Index: index, Err: fmt.Errorf("the edited event is not JSON (%v); it is unchanged, press e to try again", jerr)}
		}
		return EditedMsg{Index: index, Payload: data}
	})
}

func prettyJSON(raw []byte) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}
