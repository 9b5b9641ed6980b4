// Command bare is the smallest Bubble Tea v2 program: the reference the
// whole-process start-up benchmark (cmd/tutor/process_bench_test.go) times
// tutor against. It draws one line in the alternate screen and quits on
// ctrl+c.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type bare struct{}

func (bare) Init() tea.Cmd { return nil }
func (b bare) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+c" {
		return b, tea.Quit
	}
	return b, nil
}
func (bare) View() tea.View {
	v := tea.NewView("AWS Lambda triggers and event sources")
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(bare{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
