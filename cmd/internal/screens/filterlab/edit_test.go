package filterlab

import (
	"errors"
	"strings"
	"testing"
)

func TestReadEdited(t *testing.T) {
	msg := readEdited([]byte("  {\"store\": [\"x\"]}\n\n"), nil).(EditedMsg)
	if msg.Err != nil || string(msg.Policy) != `{"store": ["x"]}` {
		t.Errorf("saved policy: %+v", msg)
	}
	// Invalid JSON is passed on: the lab shows the engine's error for it.
	if msg := readEdited([]byte(`{"store": `), nil).(EditedMsg); msg.Err != nil || string(msg.Policy) != `{"store":` {
		t.Errorf("invalid policy: %+v", msg)
	}
	msg = readEdited(nil, errors.New(`editor "nope" failed: exit status 1`)).(EditedMsg)
	if msg.Err == nil || !strings.Contains(msg.Err.Error(), `editor "nope" failed: exit status 1; the policy is unchanged`) {
		t.Errorf("editor failure: %+v", msg)
	}
}
