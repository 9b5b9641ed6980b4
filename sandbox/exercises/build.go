package exercises

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// GoVersion is the Go release the workspace needs: aws-lambda-go, which it
// ships, asks for it.
const GoVersion = "1.26"

// ErrNoGo is the one line for a machine without Go.
var ErrNoGo = errors.New("exercises need Go " + GoVersion + " or later on your PATH: get it from https://go.dev/dl/ (everything else in the course works without it)")

// FindGo returns the path of the go command, or ErrNoGo.
func FindGo() (string, error) {
	p, err := exec.LookPath("go")
	if err != nil {
		return "", ErrNoGo
	}
	return p, nil
}

// Build is the outcome of building one exercise.
type Build struct {
	OK     bool   `json:"ok"`
	Output string `json:"output"`
	Bin    string `json:"-"` // the binary, in a temporary folder; "" when !OK
}

// build compiles workspace/<id> into tmp with the learner's go, offline: the
// workspace vendors what it needs. Nothing is written into the workspace.
func build(ctx context.Context, goBin, ws, id, tmp string, env []string) (Build, error) {
	bin := filepath.Join(tmp, "bootstrap")
	cmd := exec.CommandContext(ctx, goBin, "build", "-mod=vendor", "-o", bin, "./"+id)
	cmd.Dir = ws
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=vendor", "CGO_ENABLED=0")
	cmd.Env = append(cmd.Env, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	text := strings.TrimSpace(out.String())
	var ee *exec.ExitError
	switch {
	case err == nil:
		return Build{OK: true, Output: text, Bin: bin}, nil
	case ctx.Err() != nil:
		return Build{}, ctx.Err()
	case errors.As(err, &ee):
		return Build{OK: false, Output: text}, nil
	default:
		return Build{}, fmt.Errorf("running %s: %w", goBin, err)
	}
}
