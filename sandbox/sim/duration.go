package sim

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// Duration is a time.Duration written in scenarios as "20ms", "30s", "6h",
// "4d", or as a whole number of seconds (AWS's unit); -1 means unlimited
// where AWS allows it (maximum_record_age).
type Duration time.Duration

// D returns the duration as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

func (d Duration) ms() int64 { return time.Duration(d).Milliseconds() }

// String prints the duration the way a scenario writes it.
func (d Duration) String() string {
	if d < 0 {
		return "-1"
	}
	if time.Duration(d)%time.Millisecond != 0 {
		return time.Duration(d).String() // "1ns", "1.5ms": what was written, not its whole milliseconds
	}
	return fmtDur(time.Duration(d).Milliseconds())
}

// UnmarshalYAML accepts a duration string or a number of seconds. Bad values
// were already reported with their line by checkDurations; this only parses.
func (d *Duration) UnmarshalYAML(b []byte) error {
	var s string
	if err := yaml.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := parseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration back in scenario form.
func (d Duration) MarshalYAML() ([]byte, error) { return []byte(d.String()), nil }

func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n == -1 {
			return -1, nil
		}
		if n < 0 {
			return 0, fmt.Errorf("%q is negative (use -1 for unlimited where allowed)", s)
		}
		return time.Duration(n) * time.Second, nil
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.ParseFloat(days, 64); err == nil && n >= 0 {
			return time.Duration(n * float64(24*time.Hour)), nil
		}
	}
	v, err := time.ParseDuration(s)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%q is not a duration (write e.g. 20ms, 30s, 6h, 4d, or seconds as a number)", s)
	}
	return v, nil
}

// fmtDur prints milliseconds compactly: 0s, 20ms, 1m30s, 4d2h, 1.5s.
func fmtDur(ms int64) string {
	if ms == 0 {
		return "0s"
	}
	neg := ""
	if ms < 0 {
		neg, ms = "-", -ms
	}
	if ms < 1000 {
		return neg + strconv.FormatInt(ms, 10) + "ms"
	}
	var b strings.Builder
	b.WriteString(neg)
	d := ms / 86_400_000
	h := ms / 3_600_000 % 24
	m := ms / 60_000 % 60
	sec := ms / 1000 % 60
	frac := ms % 1000
	if d > 0 {
		fmt.Fprintf(&b, "%dd", d)
	}
	if h > 0 {
		fmt.Fprintf(&b, "%dh", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dm", m)
	}
	if sec > 0 || frac > 0 {
		if frac > 0 {
			fmt.Fprintf(&b, "%s", strings.TrimRight(strings.TrimRight(fmt.Sprintf("%d.%03d", sec, frac), "0"), "."))
		} else {
			fmt.Fprintf(&b, "%d", sec)
		}
		b.WriteString("s")
	}
	return b.String()
}
