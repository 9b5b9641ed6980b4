package board

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

// Root runs the board on its own (`tutor class board`): the screen above
// its help line, in the alt screen; the screen's close request quits.
type Root struct {
	screen common.Screen
	help   help.Model
	c      common.Common
}

// NewRoot returns the program's model, reading from src.
func NewRoot(src Source, dark bool) Root {
	c := common.New()
	c.Styles = theme.New(dark)
	h := help.New()
	h.Styles = help.DefaultStyles(dark)
	return Root{screen: common.Adapt[Model](New(c, src), "Class board"), help: h, c: c}
}

// Init starts reading.
func (r Root) Init() tea.Cmd { return r.screen.Init() }

// Update passes messages to the screen and quits when it closes.
func (r Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		r.c.Width, r.c.Height = ws.Width, ws.Height
		r.help.SetWidth(ws.Width)
		sc := r.c
		sc.Height = max(1, ws.Height-1) // the help line
		r.screen = r.screen.SetCommon(sc)
		return r, nil
	}
	var cmd tea.Cmd
	r.screen, cmd = r.screen.Update(msg)
	if _, ok := r.screen.Intent().(common.CloseMsg); ok {
		return r, tea.Quit
	}
	return r, cmd
}

// View is the board and its help line.
func (r Root) View() tea.View {
	s := r.screen.View()
	if r.c.Height > 1 {
		s += "\n" + r.help.ShortHelpView(r.screen.ShortHelp())
	}
	v := tea.NewView(s)
	v.AltScreen = true
	v.WindowTitle = "tutor class board"
	return v
}
