package sandbox

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// MaxSyncPayload is Lambda's limit on the payload of a synchronous
// invocation: 6 MB, that is 6,291,456 bytes (facts invoke.payload.sync and
// invoke.payload.sync-bytes). Larger events are refused before the handler
// runs, as the Invoke API refuses them.
const MaxSyncPayload = 6 << 20

// ErrPayloadTooLarge is Lambda's answer to a synchronous invocation whose
// payload is over MaxSyncPayload (fact invoke.payload.too-large).
var ErrPayloadTooLarge = errors.New("RequestTooLargeException: Request must be smaller than 6291456 bytes for the InvokeFunction operation")

// ReadPayload reads r to its end, but never more than MaxSyncPayload+1
// bytes: a longer payload (or an endless one, /dev/zero) is
// ErrPayloadTooLarge, whatever it costs to produce.
func ReadPayload(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSyncPayload+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSyncPayload {
		return nil, ErrPayloadTooLarge
	}
	return data, nil
}

// ReadEvent reads an event from a file, or from stdin when path is "-", as
// ReadEventFile does, but refuses an event over Lambda's synchronous payload
// limit without reading more of it than the limit. The error names the file.
func ReadEvent(path string, stdin io.Reader) ([]byte, error) {
	name, r := path, stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("event file %s: no such file", name)
			}
			return nil, fmt.Errorf("event file %s: %w", name, err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("event file %s: is a directory", name)
		} else if err == nil && fi.Mode().IsRegular() && fi.Size() > MaxSyncPayload {
			return nil, fmt.Errorf("event file %s: %d bytes: %w (Lambda's synchronous payload limit, 6 MB)", name, fi.Size(), ErrPayloadTooLarge)
		}
		r = f
	} else {
		name = "stdin"
	}
	data, err := ReadPayload(r)
	if errors.Is(err, ErrPayloadTooLarge) {
		return nil, fmt.Errorf("event file %s: over %d bytes: %w (Lambda's synchronous payload limit, 6 MB)", name, MaxSyncPayload, err)
	}
	if err != nil {
		return nil, fmt.Errorf("event file %s: %w", name, err)
	}
	if err := checkJSON(data); err != nil {
		return nil, fmt.Errorf("event file %s: not JSON: %w", name, err)
	}
	return data, nil
}
