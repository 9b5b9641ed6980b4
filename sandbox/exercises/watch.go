package exercises

import (
	"context"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// SettleDelay lets an editor finish writing (several events per save)
// before a watcher reports the change.
const SettleDelay = 150 * time.Millisecond

// Watcher reports saves of the Go files in one folder (an exercise's), one
// report per burst of writes. `tutor watch` and the TUI's exercise screen
// both re-check on its reports.
type Watcher struct {
	// Changes gets one value per settled save; saves while a value waits
	// are folded into it. It is closed when the watcher stops.
	Changes <-chan struct{}
	// Errors gets what the file system watcher reports (buffered, and
	// dropped while one waits).
	Errors <-chan error
	cancel context.CancelFunc
	done   chan struct{}
}

// Watch watches dir until ctx ends or Close.
func Watch(ctx context.Context, dir string, settle time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fw.Add(dir); err != nil {
		fw.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	changes, errs := make(chan struct{}, 1), make(chan error, 1)
	w := &Watcher{Changes: changes, Errors: errs, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(w.done)
		defer close(changes)
		defer fw.Close()
		var settled <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-fw.Events:
				if !ok {
					return
				}
				if strings.HasSuffix(ev.Name, ".go") && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
					settled = time.After(settle)
				}
			case err, ok := <-fw.Errors:
				if !ok {
					return
				}
				select {
				case errs <- err:
				default:
				}
			case <-settled:
				settled = nil
				select {
				case changes <- struct{}{}:
				default: // one is waiting already
				}
			}
		}
	}()
	return w, nil
}

// Close stops the watcher and waits until it has.
func (w *Watcher) Close() error {
	w.cancel()
	<-w.done
	return nil
}
