package lab

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/editor"
)

// editCmd opens the run's event in the learner's editor and sends back the
// edited payload, checked to be JSON. draft, when not nil, is the
// learner's last text that was not JSON: they go on from it.
func editCmd(index int, run Run, draft []byte) tea.Cmd {
	text := []byte(prettyJSON(run.Payload))
	if draft != nil {
		text = draft
	}
	return editor.Cmd(run.Event+"-*.json", text, func(saved []byte, err error) tea.Msg {
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
		return EditedMsg{Index: index, Draft: saved, Err: fmt.Errorf("the edited event is not JSON: %s; the event that runs is unchanged, and your text is kept: press e to go on editing it", jsonWhere(saved, jerr))}
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

// jsonWhere is a JSON error with the line and column it points at.
func jsonWhere(text []byte, err error) string {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return err.Error()
	}
	off := int(min(max(se.Offset, 1), int64(len(text))))
	line := 1 + bytes.Count(text[:off-1], []byte("\n"))
	col := off - bytes.LastIndexByte(text[:off-1], '\n') - 1
	return fmt.Sprintf("line %d, column %d: %v", line, col, err)
}
