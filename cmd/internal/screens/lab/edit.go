package lab

import (
	"encoding/json"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/editor"
)

// editCmd opens the run's event in the learner's editor and sends back the
// edited payload, checked to be JSON.
func editCmd(index int, run Run) tea.Cmd {
	return editor.Cmd(run.Event+"-*.json", []byte(prettyJSON(run.Payload)), func(saved []byte, err error) tea.Msg {
		return edited(index, saved, err)
	})
}

// edited checks what the editor left.
func edited(index int, saved []byte, err error) EditedMsg {
	if err != nil {
		return EditedMsg{Index: index, Err: fmt.Errorf("%v; the event is unchanged", err)}
	}
	var v any
	if jerr := json.Unmarshal(saved, &v); jerr != nil {
		return EditedMsg{Index: index, Err: fmt.Errorf("the edited event is not JSON (%v); it is unchanged, press e to try again", jerr)}
	}
	return EditedMsg{Index: index, Payload: saved}
}

func prettyJSON(raw []byte) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}
