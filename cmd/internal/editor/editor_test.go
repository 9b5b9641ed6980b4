package editor

import "testing"

func TestName(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	if Name() != "vi" {
		t.Fatalf("default %q", Name())
	}
	t.Setenv("EDITOR", "nano -w")
	if Name() != "nano -w" {
		t.Fatalf("EDITOR %q", Name())
	}
	t.Setenv("VISUAL", "code --wait")
	if Name() != "code --wait" {
		t.Fatalf("VISUAL should win: %q", Name())
	}
}
