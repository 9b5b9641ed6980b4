package quiz

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ShortHelp is the quiz's help line; n (next lesson) once a lesson's quiz
// passed.
func (m Model) ShortHelp() []key.Binding {
	if m.lessonID != "" && m.Passed() {
		return []key.Binding{m.keys.Next, m.keys.Submit, m.keys.Back}
	}
	return m.keys.ShortHelp()
}

// FullHelp is every key of the quiz.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// HelpGroups names the groups of FullHelp.
func (m Model) HelpGroups() []string { return []string{"Choosing", "Answering", "Leaving"} }

// Init has nothing to start.
func (m Model) Init() tea.Cmd { return nil }
