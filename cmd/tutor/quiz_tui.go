package main

import (
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/common"
	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/cmd/internal/screens/quiz"
	"github.com/tutor-dev/tutor/cmd/internal/theme"
	"github.com/tutor-dev/tutor/quizzes"
)

// quizApp is the root model of `tutor quiz` in a terminal: the quiz screen,
// a help line, and the review state saved after every first answer.
type quizApp struct {
	common common.Common
	screen quiz.Model
	help   help.Model
	rec    quiz.Recorder
	status string
}

func newQuizApp(items []*quizzes.Item, seed uint64, w *progress.Writer) quizApp {
	c := common.New()
	return quizApp{
		common: c, screen: quiz.New(c, "Practice", "", items, seed), help: help.New(),
		rec: quiz.NewRecorder(w),
	}
}

func (a quizApp) Init() tea.Cmd { return tea.RequestBackgroundColor }

func (a quizApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.common.Width, a.common.Height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		a.screen.SetCommon(a.screenCommon())
		return a, nil
	case tea.BackgroundColorMsg:
		a.common.Styles = theme.New(msg.IsDark())
		a.help.Styles = help.DefaultStyles(msg.IsDark())
		a.screen.SetCommon(a.screenCommon())
		return a, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, a.common.Keys.Quit) {
			return a, tea.Quit
		}
	case quiz.AnsweredMsg:
		return a, a.rec.Record(msg)
	case quiz.SavedMsg:
		if msg.Err != nil {
			a.status = "could not save: " + msg.Err.Error()
		}
		return a, nil
	case quiz.ExitMsg:
		return a, tea.Quit
	}
	var cmd tea.Cmd
	a.screen, cmd = a.screen.Update(msg)
	return a, cmd
}

func (a quizApp) screenCommon() common.Common {
	c := a.common
	c.Height = max(c.Height-1, 1)
	return c
}

func (a quizApp) View() tea.View {
	bottom := a.help.ShortHelpView(a.screen.Keys().ShortHelp())
	if a.status != "" {
		bottom = a.common.Styles.Error.Render(a.status)
	}
	body := a.screen.View()
	if a.common.Height > 0 {
		pad := a.screenCommon().Height - strings.Count(body, "\n") - 1
		body += strings.Repeat("\n", max(pad, 0))
	}
	v := tea.NewView(body + "\n" + ansi.Truncate(bottom, max(a.common.Width, 1), "…"))
	v.AltScreen = true
	v.WindowTitle = "tutor quiz"
	return v
}

// runQuizTUI runs the quiz screen in the terminal, then prints the score.
func runQuizTUI(g *globals, _ *course.Course, items []*quizzes.Item, seed uint64, store progress.Store) error {
	in, out := g.stdin.(*os.File), g.stdout.(*os.File)
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out)}
	if os.Getenv("NO_COLOR") != "" {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	w := progress.NewWriter(store, progress.LocalLearner)
	final, err := tea.NewProgram(newQuizApp(items, seed, w), opts...).Run()
	// Answers still being written when the program quit are finished here;
	// a failure was shown on the status line as it happened.
	if werr := w.Close(); werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		return err
	}
	a := final.(quizApp)
	_, err = fmt.Fprintln(g.stdout, a.screen.Result().ScoreLine())
	return err
}
