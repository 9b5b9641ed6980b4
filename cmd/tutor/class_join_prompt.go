package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"golang.org/x/term"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// prompter asks tutor class join's questions (the join code, the name) on
// out and reads the answers, one line each, from in; a ctrl+c while it
// waits ends the wait.
type prompter struct {
	ctx   context.Context // for the join code, asked inside the SSH handshake
	in    io.Reader
	out   io.Writer
	typed bool // in is a terminal: a person types (else piped: end the prompt's line ourselves)

	start sync.Once
	lines chan string
}

func newPrompter(ctx context.Context, in io.Reader, out io.Writer) *prompter {
	f, isFile := in.(*os.File)
	return &prompter{ctx: ctx, in: in, out: out, typed: isFile && term.IsTerminal(int(f.Fd())), lines: make(chan string)}
}

// joinPrompt asks the class's join code on out and reads one line from in.
func joinPrompt(ctx context.Context, in io.Reader, out io.Writer) func(instruction, question string) (string, error) {
	return newPrompter(ctx, in, out).joinCode
}

// line reads the next line; ok is false at the end of the input.
func (p *prompter) line(ctx context.Context) (line string, ok bool, err error) {
	p.start.Do(func() {
		go func() {
			defer close(p.lines)
			r := bufio.NewReader(p.in)
			for {
				line, err := r.ReadString('\n')
				if line != "" {
					p.lines <- strings.TrimSpace(line)
				}
				if err != nil {
					return
				}
			}
		}()
	})
	select {
	case <-ctx.Done():
		return "", false, ctx.Err()
	case line, ok := <-p.lines:
		if ok && !p.typed {
			fmt.Fprintln(p.out)
		}
		return line, ok, nil
	}
}

// joinCode asks the server's keyboard-interactive question (the join code).
func (p *prompter) joinCode(instruction, question string) (string, error) {
	if instruction != "" {
		fmt.Fprintln(p.out, instruction)
	}
	fmt.Fprint(p.out, question)
	line, ok, err := p.line(p.ctx)
	switch {
	case err != nil:
		return "", err
	case !ok:
		return "", errors.New("the server asks for the class's join code and none was typed: run this in a terminal and type the code your instructor gave")
	}
	return line, nil
}

// name asks the learner's display name until CleanName takes it; "" when
// the input ends first (the caller says how to give one later).
func (p *prompter) name(ctx context.Context) (string, error) {
	fmt.Fprintln(p.out, "The class has no name for your key: type the name your instructor will see (1 to 40 characters).")
	for {
		fmt.Fprint(p.out, "Your name: ")
		line, ok, err := p.line(ctx)
		if err != nil || !ok {
			if !ok && err == nil {
				fmt.Fprintln(p.out)
			}
			return "", err
		}
		name, err := progress.CleanName(line)
		if err == nil {
			return name, nil
		}
		fmt.Fprintln(p.out, err)
	}
}
