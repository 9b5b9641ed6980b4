package app

import (
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tutor-dev/tutor/cmd/internal/theme"
)

// lastLine is the help line of a frame.
func lastLine(m Model) string {
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	return lines[len(lines)-1]
}

// TestFooterKeepsTheImportantKeysAndEndsWithMore: at every size the help
// line ends with "? more"; at 60 columns and up the lesson's activities
// and q back are on it.
func TestFooterKeepsTheImportantKeysAndEndsWithMore(t *testing.T) {
	for name, m := range screensOf(t) {
		if strings.HasSuffix(name, "help") {
			continue // the help is open: ? closes it
		}
		for _, sz := range fitSizes {
			m, _ := send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			if got := lastLine(m); !strings.HasSuffix(strings.TrimRight(got, " "), "? more") {
				t.Errorf("%s at %dx%d: the help line does not end with ? more: %q", name, sz[0], sz[1], got)
			}
		}
	}
	m := screensOf(t)["lesson"]
	for _, sz := range [][2]int{{60, 20}, {80, 24}} {
		m, _ := send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		got := lastLine(m)
		for _, want := range []string{"x experiment", "q back", "r lab"} {
			if !strings.Contains(got, want) {
				t.Errorf("lesson at %dx%d: the help line lacks %q: %q", sz[0], sz[1], want, got)
			}
		}
		if strings.Contains(got, "…") {
			t.Errorf("lesson at %dx%d: a key is cut: %q", sz[0], sz[1], got)
		}
	}
}

// TestThemeModes: --theme light and dark are fixed (the terminal's answer
// does not change them); auto starts from COLORFGBG and follows the answer.
func TestThemeModes(t *testing.T) {
	mk := func(mode theme.Mode, fgbg string) Model {
		m := New(Options{Course: testCourse(t), Theme: mode, ColorFGBG: fgbg, Now: func() time.Time { return time.Unix(0, 0) }})
		m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		return m
	}
	if m := mk(theme.Light, ""); m.common.Styles.Dark {
		t.Error("--theme light draws dark")
	} else if m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.Black}); m.common.Styles.Dark {
		t.Error("--theme light followed a dark terminal")
	}
	if m := mk(theme.Dark, "0;15"); !m.common.Styles.Dark {
		t.Error("--theme dark draws light")
	}
	if m := mk(theme.Auto, "0;15"); m.common.Styles.Dark {
		t.Error("auto with COLORFGBG=0;15 (white background) draws dark")
	} else if m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.Black}); !m.common.Styles.Dark {
		t.Error("auto does not follow the terminal's answer")
	}
	if m := mk(theme.Auto, ""); !m.common.Styles.Dark {
		t.Error("auto without any clue is not dark")
	}
	if New(Options{Theme: theme.Light}).Init() != nil {
		t.Error("a fixed theme still asks the terminal for its background")
	}
}

// TestWarningIsShownWholeUntilDismissed: the damaged-progress warning is
// wrapped, not cut, stays through other keys and goes on enter.
func TestWarningIsShownWholeUntilDismissed(t *testing.T) {
	warning := "tutor.db is not a database: moved to /home/learner/.local/state/tutor/tutor.db.damaged-20261127T004000 and started afresh"
	for _, sz := range fitSizes {
		m := New(Options{Course: testCourse(t), Warning: warning, Now: func() time.Time { return time.Unix(0, 0) }})
		m, _ = send(t, m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		m, _ = send(t, m, press("j"))
		v := m.View().Content
		flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
		if !strings.Contains(flat, "damaged-20261127T004000 and started afresh") {
			t.Errorf("%dx%d: the warning is not whole after a key:\n%s", sz[0], sz[1], ansi.Strip(v))
		}
		if got := overflow(v, sz[0], sz[1]); got != "" || strings.Count(v, "\n")+1 != sz[1] {
			t.Errorf("%dx%d: the frame with the warning is %s", sz[0], sz[1], got)
		}
		if !strings.Contains(lastLine(m), "enter dismiss") {
			t.Errorf("%dx%d: the help line does not say how to dismiss: %q", sz[0], sz[1], lastLine(m))
		}
		m, _ = send(t, m, press("enter"))
		if strings.Contains(ansi.Strip(m.View().Content), "not a database") {
			t.Errorf("%dx%d: enter did not dismiss the warning", sz[0], sz[1])
		}
		if _, open := m.lesson(); open {
			t.Errorf("%dx%d: the enter that dismissed the warning also opened a lesson", sz[0], sz[1])
		}
	}
}

// rawLastLine is the help line of a frame with its styling.
func rawLastLine(m Model) string {
	lines := strings.Split(m.View().Content, "\n")
	return lines[len(lines)-1]
}

// TestFooterCacheFollowsTheThemeAndWidth: the help line is kept between
// frames; a new theme (the terminal's answer) or width draws it anew.
func TestFooterCacheFollowsTheThemeAndWidth(t *testing.T) {
	mk := func(mode theme.Mode) Model {
		m := New(Options{Course: testCourse(t), Theme: mode, Now: func() time.Time { return time.Unix(0, 0) }})
		m, _ = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		return m
	}
	light := rawLastLine(mk(theme.Light))
	m := mk(theme.Auto)
	dark := rawLastLine(m)
	if dark == light {
		t.Fatal("the test needs the themes' help lines to differ")
	}
	if again := rawLastLine(m); again != dark {
		t.Fatalf("the same frame drew another help line:\n%q\n%q", again, dark)
	}
	m, _ = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if got := rawLastLine(m); got != light {
		t.Fatalf("after a white background the help line is not the light theme's:\n%q\nwant\n%q", got, light)
	}
	m, _ = send(t, m, tea.WindowSizeMsg{Width: 40, Height: 24})
	if got := ansi.StringWidth(rawLastLine(m)); got > 40 {
		t.Fatalf("at 40 columns the help line is %d wide", got)
	}
}

// BenchmarkFooter is the outline's help line, drawn once per frame.
func BenchmarkFooter(b *testing.B) {
	m := New(Options{Course: testCourse(b), Theme: theme.Dark, Now: func() time.Time { return time.Unix(0, 0) }})
	m, _ = send(b, m, tea.WindowSizeMsg{Width: 140, Height: 36})
	for b.Loop() {
		_ = m.View()
	}
}
