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
	follow bool // the terminal's background colour answer sets the theme
}

// NewRoot returns the program's model, reading from src.
func NewRoot(src Source, dark bool) Root {
	c := common.New()
	c.Styles = theme.New(dark)
	h := help.New()
	h.Styles = help.DefaultStyles(dark)
	return Root{screen: common.Adapt[Model](New(c, src), "Class board"), help: h, c: c}
}

// FollowTerminal makes the board ask the terminal for its background
// colour and take the theme from its answer (as the learner app does with
// --theme auto); until it answers, the theme NewRoot was given holds.
func (r Root) FollowTerminal() Root {
	r.follow = true
	return r
}

// Init starts reading (and asks the background colour when following).
func (r Root) Init() tea.Cmd {
	if r.follow {
		return tea.Batch(r.screen.Init(), tea.RequestBackgroundColor)
	}
	return r.screen.Init()
}

// Dark says whether the board draws with the dark theme.
func (r Root) Dark() bool { return r.c.Styles.Dark }

// Update passes messages to the screen and quits when it closes.
func (r Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.c.Width, r.c.Height = msg.Width, msg.Height
		r.help.SetWidth(msg.Width)
		r.screen = r.screen.SetCommon(r.screenCommon())
		return r, nil
	case tea.BackgroundColorMsg:
		if r.follow {
			r.c.Styles = theme.New(msg.IsDark())
			r.help.Styles = help.DefaultStyles(msg.IsDark())
			r.screen = r.screen.SetCommon(r.screenCommon())
		}
		return r, nil
	}
	var cmd tea.Cmd
	r.screen, cmd = r.screen.Update(msg)
	if _, ok := r.screen.Intent().(common.CloseMsg); ok {
		return r, tea.Quit
	}
	return r, cmd
}

// screenCommon is the screen's share: all but the help line.
func (r Root) screenCommon() common.Common {
	sc := r.c
	sc.Height = max(1, r.c.Height-1)
	return sc
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
