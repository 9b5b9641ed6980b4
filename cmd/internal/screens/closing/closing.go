// Package closing is the screen at the end of the last lesson: what the
// learner did, their first-try quiz score, what to review and where to go
// next. It draws what it is given; the app works the numbers out.
package closing

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
)

// Review is a lesson that is not done yet, and what it still needs.
type Review struct {
	ID, Title string
	Needs     string // "reading to the end", "its quiz passed", ...
}

// Quiz is the learner's quiz record over every session.
type Quiz struct {
	Items, Seen, Answers, FirstTryRight, Due int
}

// Summary is what the closing screen shows.
type Summary struct {
	Done, Total int
	Review      []Review
	Quiz        *Quiz // nil when it could not be read
}

// Model is the closing screen.
type Model struct {
	common common.Common
	sum    Summary
	vp     viewport.Model

	common.Asker // its requests of the app (intents)
}

// New returns the closing screen of sum.
func New(c common.Common, sum Summary) Model {
	m := Model{common: c, sum: sum, vp: viewport.New()}
	m.resize()
	return m
}

// SetCommon updates size, styles and keys.
func (m *Model) SetCommon(c common.Common) { m.common = c; m.resize() }

func (m *Model) resize() {
	m.vp.SetWidth(max(m.common.Width, 1))
	m.vp.SetHeight(max(m.common.Height-1, 1))
	m.vp.SetContent(m.text())
}

// Init has nothing to start.
func (m Model) Init() tea.Cmd { return nil }

// Update scrolls; back closes the screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	keys := m.common.Keys
	switch {
	case key.Matches(k, keys.Back):
		m.Ask(common.CloseMsg{})
		return m, nil
	case key.Matches(k, keys.Up):
		m.vp.ScrollUp(1)
	case key.Matches(k, keys.Down):
		m.vp.ScrollDown(1)
	default:
		m.common.Scroll(&m.vp, k)
	}
	return m, nil
}

// View draws the title and the text.
func (m Model) View() string {
	st := m.common.Styles
	return ansi.Truncate(st.Title.Render("The end of the course"), m.common.Width, "…") + "\n" + m.vp.View()
}

// text is the whole summary, wrapped to the width.
func (m Model) text() string {
	st := m.common.Styles
	s := m.sum
	var b strings.Builder
	line := func(format string, a ...any) { b.WriteString(fmt.Sprintf(format, a...) + "\n") }
	line("")
	line("%s", st.Accent.Render("What you did"))
	line("You finished %d of %d lessons.", s.Done, s.Total)
	if q := s.Quiz; q != nil && q.Answers > 0 {
		line("Quiz: %d of %d answers right on the first try (%.0f%%), %d of the %d questions seen.",
			q.FirstTryRight, q.Answers, 100*float64(q.FirstTryRight)/float64(q.Answers), q.Seen, q.Items)
	} else if q != nil {
		line("Quiz: no questions answered yet.")
	}
	line("")
	line("%s", st.Accent.Render("What to review"))
	if len(s.Review) == 0 {
		line("Every lesson is done.")
	}
	for _, r := range s.Review {
		line("• %s (%s): %s", r.Title, r.ID, r.Needs)
	}
	if q := s.Quiz; q != nil && q.Due > 0 {
		line("• %d quiz questions are due for review: tutor quiz --review", q.Due)
	}
	line("")
	line("%s", st.Accent.Render("Where to go next"))
	line("• tutor quiz --review brings back the questions you missed, spaced out over days.")
	line("• tutor sandbox examples lists worked scenarios; tutor sandbox simulate --example NAME replays one, and a copy of it is a scenario of your own.")
	line("• tutor sandbox run --bin PATH runs your own compiled handler through the Lambda Runtime API.")
	line("• tutor course export DIR writes this course as a folder you can change and run with --content DIR.")
	line("")
	line("%s", st.Subtle.Render("q goes back to the lesson."))
	return ansi.Wrap(b.String(), max(m.common.Width-1, 10), "")
}

// ShortHelp is the screen's help line.
func (m Model) ShortHelp() []key.Binding {
	k := m.common.Keys
	return []key.Binding{k.Back, common.Joined("↑/↓", "scroll", k.Up, k.Down)}
}

// FullHelp is every key of the screen.
func (m Model) FullHelp() [][]key.Binding {
	k := m.common.Keys
	return [][]key.Binding{append([]key.Binding{k.Up, k.Down}, m.common.ScrollKeys()...), {k.Back}}
}
