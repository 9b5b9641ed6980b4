package common

import tea "charm.land/bubbletea/v2"

// Asker is embedded in a screen that makes requests of the app: open a
// lesson, go to the next one, close this screen. A request made with Ask
// is an intent, not a command: the app takes it as soon as the screen's
// Update returns and applies it before it reads the next message, so keys
// typed in the same burst ("j j enter n") reach the screen the request
// leads to. A command (a func run on another goroutine) would arrive after
// them, and they would go to the screen being left.
//
// The request is one of the screen's own message types (outline.OpenMsg,
// CloseMsg); the screen knows nothing of what the app does with it.
type Asker struct{ intent tea.Msg }

// Ask makes msg the request of the Update in progress (the last one wins).
func (a *Asker) Ask(msg tea.Msg) { a.intent = msg }

// Intent is the request not yet taken, or nil.
func (a Asker) Intent() tea.Msg { return a.intent }

// TakeIntent returns the request not yet taken, if any, and forgets it.
func (a *Asker) TakeIntent() tea.Msg {
	msg := a.intent
	a.intent = nil
	return msg
}

// intentTaker is a screen model with an Asker.
type intentTaker interface{ TakeIntent() tea.Msg }
