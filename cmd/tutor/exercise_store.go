package main

import (
	"context"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// exerciseStore is the learner's exercise state for the TUI's exercise
// screen (app.Options.Exercises).
type exerciseStore struct {
	s interface {
		progress.Store
		Exercises(ctx context.Context, learner string) (*progress.Exercises, error)
	}
}

func (e exerciseStore) Load(ctx context.Context) (*progress.Exercises, error) {
	return e.s.Exercises(ctx, progress.LocalLearner)
}

// Exercises reads the learner's exercise state once the store is open.
func (d *deferredStore) Exercises(ctx context.Context, learner string) (*progress.Exercises, error) {
	if _, err := d.opened(); err != nil {
		return nil, err
	}
	return d.store.Exercises(ctx, learner)
}

func (e exerciseStore) Record(ctx context.Context, c progress.Change) error {
	return e.s.Apply(ctx, progress.LocalLearner, c)
}
