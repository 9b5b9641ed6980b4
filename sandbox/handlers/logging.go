package handlers

import (
	"context"
	"fmt"
	"log"
)

type loggerKey struct{}

// WithLogger returns a context whose handlers log to l. The sandbox gives
// each invocation its own logger, so concurrent invocations never mix their
// log lines.
func WithLogger(ctx context.Context, l *log.Logger) context.Context {
	return context.WithValue(ctx, loggerKey{}, l)
}

// Logf logs one line for the current invocation. Under the sandbox the line
// goes to the invocation's own logger; anywhere else (a real Lambda function)
// it goes to the standard logger, which Lambda sends to CloudWatch Logs.
func Logf(ctx context.Context, format string, args ...any) {
	if l, ok := ctx.Value(loggerKey{}).(*log.Logger); ok && l != nil {
		l.Output(2, fmt.Sprintf(format, args...))
		return
	}
	log.Output(2, fmt.Sprintf(format, args...))
}
