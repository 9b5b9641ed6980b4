package exercises

import (
	"context"
	"fmt"
	"os"
	"time"
)

// Report is one check. Its JSON form is the contract of `tutor check --json`.
type Report struct {
	Exercise   string        `json:"exercise"`
	Passed     bool          `json:"passed"`
	Build      Build         `json:"build"`
	Criteria   []CritResult  `json:"criteria"`
	DurationMs int64         `json:"duration_ms"`
	Duration   time.Duration `json:"-"`
}

// CritResult is one criterion's verdict; Detail is set on every failed one:
// what was expected and what happened, in a line or two.
type CritResult struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Passed bool   `json:"passed"`
	Detail string `json:"detail"`
}

// Options are what a check needs besides the exercise.
type Options struct {
	Go        string                            // the go command; FindGo when ""
	Workspace string                            // the workspace folder (see Init)
	Event     func(name string) ([]byte, error) // a course event by name
	BuildEnv  []string                          // extra K=V for go build (a benchmark's empty GOCACHE)
}

// Check builds the learner's handler for e in the workspace and judges it
// against every criterion, in order, on one warm process (restarted only
// when a criterion kills it). The error is for failures to check at all (no
// Go, no workspace); a failed build or criterion is in the report. Check
// never writes into the workspace and leaves no process behind.
func Check(ctx context.Context, e *Exercise, opt Options) (*Report, error) {
	start := time.Now()
	if err := CheckWorkspace(opt.Workspace, e.ID); err != nil {
		return nil, err
	}
	goBin := opt.Go
	if goBin == "" {
		var err error
		if goBin, err = FindGo(); err != nil {
			return nil, err
		}
	}
	tmp, err := os.MkdirTemp("", "tutor-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	rep := &Report{Exercise: e.ID, Criteria: []CritResult{}}
	rep.Build, err = build(ctx, goBin, opt.Workspace, e.ID, tmp, opt.BuildEnv)
	if err != nil {
		return nil, err
	}
	if rep.Build.OK {
		r := newRunner(rep.Build.Bin, opt.Event)
		for _, c := range e.Criteria {
			rep.Criteria = append(rep.Criteria, r.judge(ctx, c))
		}
		r.close()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	rep.Passed = rep.Build.OK && len(rep.Criteria) > 0
	for _, c := range rep.Criteria {
		rep.Passed = rep.Passed && c.Passed
	}
	rep.Duration = time.Since(start)
	rep.DurationMs = rep.Duration.Milliseconds()
	return rep, nil
}

// failed is a criterion's failure with its detail.
func failed(c Criterion, format string, a ...any) CritResult {
	return CritResult{ID: c.ID, Title: c.Title, Detail: fmt.Sprintf(format, a...)}
}
