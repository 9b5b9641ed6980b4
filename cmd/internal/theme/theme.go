// Package theme builds the one Styles value every screen draws with, from
// whether the terminal background is dark. There are no package-level
// styles: the root model rebuilds Styles on tea.BackgroundColorMsg and
// passes it down.
package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles are the styles of every screen.
type Styles struct {
	Dark bool

	Title      lipgloss.Style // screen titles
	Subtle     lipgloss.Style // secondary text
	Selected   lipgloss.Style // the highlighted row
	Cursor     lipgloss.Style // the cursor marker
	Accent     lipgloss.Style // progress, counts
	Done       lipgloss.Style // status: done
	InProgress lipgloss.Style // status: in progress
	NotStarted lipgloss.Style // status: not started
	Right      lipgloss.Style // quiz: right answer feedback
	Wrong      lipgloss.Style // quiz: wrong answer feedback
	Error      lipgloss.Style
	Panel      lipgloss.Style // bordered panels (lab, results)
	Help       lipgloss.Style // the help line
	Code       lipgloss.Style // inline code and JSON
}

// New returns the styles for a dark or light background.
func New(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	accent := c("#5A3FC0", "#A48CFF")
	subtle := c("#6B6B6B", "#8A8A8A")
	return Styles{
		Dark:       isDark,
		Title:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtle:     lipgloss.NewStyle().Foreground(subtle),
		Selected:   lipgloss.NewStyle().Bold(true).Foreground(c("#1A1A1A", "#F2F2F2")),
		Cursor:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Accent:     lipgloss.NewStyle().Foreground(accent),
		Done:       lipgloss.NewStyle().Foreground(c("#1E7F3C", "#5FD787")),
		InProgress: lipgloss.NewStyle().Foreground(c("#9A6700", "#F0C060")),
		NotStarted: lipgloss.NewStyle().Foreground(subtle),
		Right:      lipgloss.NewStyle().Bold(true).Foreground(c("#1E7F3C", "#5FD787")),
		Wrong:      lipgloss.NewStyle().Bold(true).Foreground(c("#B42318", "#FF7A70")),
		Error:      lipgloss.NewStyle().Foreground(c("#B42318", "#FF7A70")),
		Panel:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1),
		Help:       lipgloss.NewStyle().Foreground(subtle),
		Code:       lipgloss.NewStyle().Foreground(c("#0B5CAD", "#7FC8FF")),
	}
}
