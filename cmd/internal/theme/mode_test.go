package theme

import "testing"

func TestInitial(t *testing.T) {
	for _, c := range []struct {
		mode         Mode
		env          string
		dark, follow bool
	}{
		{Auto, "", true, true},
		{Auto, "0;15", false, true},
		{Auto, "15;0", true, true},
		{Auto, "0;default;15", false, true},
		{Auto, "12;7", false, true},
		{Auto, "garbage", true, true},
		{Dark, "0;15", true, false},
		{Light, "15;0", false, false},
	} {
		d, f := Initial(c.mode, c.env)
		if d != c.dark || f != c.follow {
			t.Errorf("Initial(%s, %q) = %v, %v; want %v, %v", c.mode, c.env, d, f, c.dark, c.follow)
		}
	}
	for in, want := range map[string]Mode{"": Auto, "Light": Light, "dark": Dark, "auto": Auto} {
		if m, err := ParseMode(in); err != nil || m != want {
			t.Errorf("ParseMode(%q) = %v, %v", in, m, err)
		}
	}
	if _, err := ParseMode("solarized"); err == nil {
		t.Error("solarized accepted")
	}
}
