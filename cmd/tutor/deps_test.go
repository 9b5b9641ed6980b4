package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainPackagesKnowNoTerminal keeps the domain (lessons, quizzes,
// sandbox, assets) free of the UI: none of them may depend on charm.land/*
// or on anything under cmd/.
func TestDomainPackagesKnowNoTerminal(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../../lessons/...", "../../quizzes/...", "../../sandbox/...", "../../assets/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list found too little to check: %v", deps)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "charm.land/") || strings.HasPrefix(d, "github.com/charmbracelet/") || strings.Contains(d, "/tutor/cmd/") {
			t.Errorf("a domain package depends on %s", d)
		}
	}
}
