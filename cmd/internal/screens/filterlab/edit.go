package filterlab

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/editor"
)

// editCmd opens the policy in the learner's editor and sends back whatever
// they saved. Invalid JSON is passed on: the lab shows the engine's error.
func editCmd(source string, policy []byte) tea.Cmd {
	text := append(append([]byte(nil), policy...), '\n')
	return editor.Cmd(source+"-filter-*.json", text, readEdited)
}

// readEdited turns what the editor left into an EditedMsg.
func readEdited(saved []byte, err error) tea.Msg {
	if err != nil {
		return EditedMsg{Err: fmt.Errorf("%v; the policy is unchanged", err)}
	}
	return EditedMsg{Policy: []byte(strings.TrimSpace(string(saved)))}
}
