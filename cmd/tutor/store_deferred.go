package main

import (
	"context"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// deferredStore is the learner's store being opened in the background:
// opening SQLite (and migrating it) overlaps the terminal's set-up and the
// course's loading instead of delaying the first frame. Every method waits
// for the opening; a failed opening is every method's error.
type deferredStore struct {
	ready    chan struct{}
	store    *progress.SQLite
	warnings []string
	err      error
}

var _ progress.Store = (*deferredStore)(nil)

// openDeferred starts opening the store in dir.
func openDeferred(dir string) *deferredStore {
	d := &deferredStore{ready: make(chan struct{})}
	go func() {
		defer close(d.ready)
		d.store, d.warnings, d.err = progress.OpenSQLite(context.Background(), dir)
	}()
	return d
}

// opened waits for the store and returns its opening's warnings.
func (d *deferredStore) opened() ([]string, error) {
	<-d.ready
	return d.warnings, d.err
}

func (d *deferredStore) Load(ctx context.Context, learner string) (progress.Snapshot, error) {
	if _, err := d.opened(); err != nil {
		return progress.Snapshot{}, err
	}
	return d.store.Load(ctx, learner)
}

func (d *deferredStore) Apply(ctx context.Context, learner string, c progress.Change) error {
	if _, err := d.opened(); err != nil {
		return err
	}
	return d.store.Apply(ctx, learner, c)
}

func (d *deferredStore) Where() string {
	if _, err := d.opened(); err != nil {
		return ""
	}
	return d.store.Where()
}

func (d *deferredStore) Close() error {
	if _, err := d.opened(); err != nil {
		return nil // nothing was opened; the error was reported when loading
	}
	return d.store.Close()
}
