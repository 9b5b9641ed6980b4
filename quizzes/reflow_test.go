package quizzes

import "testing"

func TestReflow(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"one line", "one line"},
		{"A function's timeout is 60 s. Its queue keeps\n30 seconds. What\nhappens?\n", "A function's timeout is 60 s. Its queue keeps 30 seconds. What happens?"},
		{"First paragraph\ngoes on.\n\nSecond one.\n", "First paragraph goes on.\n\nSecond one."},
		{"  indented\n  lines  \n\n\n\nlast", "indented lines\n\nlast"},
		{"", ""},
	} {
		if got := Reflow(tc.in); got != tc.want {
			t.Errorf("Reflow(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
