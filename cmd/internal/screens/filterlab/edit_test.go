package filterlab

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestReadEdited(t *testing.T) {
	dir := t.TempDir()
	write := func(text string) string {
		p := dir + "/policy.json"
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p := write("  {\"store\": [\"x\"]}\n\n")
	msg := readEdited(p, "vi", nil).(EditedMsg)
	if msg.Err != nil || string(msg.Policy) != `{"store": ["x"]}` {
		t.Errorf("saved policy: %+v", msg)
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Error("the temporary file should be removed")
	}
	// Invalid JSON is passed on: the lab shows the engine's error for it.
	if msg := readEdited(write(`{"store": `), "vi", nil).(EditedMsg); msg.Err != nil || string(msg.Policy) != `{"store":` {
		t.Errorf("invalid policy: %+v", msg)
	}
	msg = readEdited(write("{}"), "nope", errors.New("exit status 1")).(EditedMsg)
	if msg.Err == nil || !strings.Contains(msg.Err.Error(), `editor "nope" failed: exit status 1; the policy is unchanged`) {
		t.Errorf("editor failure: %+v", msg)
	}
}
