// Package classsync links a learner's own machine to a class store over SSH
// (tutor class join): the learner's store sends its lesson statuses, quiz
// answers and exercise checks to the class store served by tutor serve, and
// goes on sending as the learner works, exactly once.
//
// The link is one SSH channel of type ChannelType on a connection admitted
// by tutor serve's usual rules (an authorized key, a join code, or --open),
// so a learner gets no shell, exec or forwarding to carry it. On the channel
// each side writes frames: a 4-byte big-endian length, then that many bytes
// of JSON. The client says hello (protocol version, origin); the server
// answers with what it holds from that origin (the high-water marks and the
// learner's lessons); then each batch the client sends is applied in one
// transaction and answered with the new state. A server whose store keeps
// display names says so in its answer to hello (names), with the name it
// has for the learner, if any; the client may then send a message with a
// name (and no batch), which the server stores as the learner's name and
// answers. Both sides ignore fields they do not know, so an older client or
// server simply never names anyone. The package knows nothing of
// terminals; the command (cmd/tutor/class_join.go) and the server
// (cmd/internal/serve/sync.go) wire it.
package classsync

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tutor-dev/tutor/cmd/internal/progress"
)

// ChannelType is the SSH channel type of class sync.
const ChannelType = "tutor-sync@tutor"

// Version is the protocol version; a server refuses others with a line
// saying to update tutor.
const Version = 1

// maxFrame bounds one message (a batch of progress.MaxSyncRecords records
// is far smaller).
const maxFrame = 4 << 20

// errTooBig: a message over maxFrame (the client sends a smaller batch).
var errTooBig = errors.New("message too big")

// hello is the client's first message.
type hello struct {
	Version int    `json:"version"`
	Origin  string `json:"origin"`
}

// request is every later client message: a batch, or (to a server that
// said names) a display name, alone.
type request struct {
	Batch progress.SyncBatch `json:"batch"`
	Name  string             `json:"name,omitempty"`
}

// reply is every server message. Error, when set, is one line for the
// learner and the server closes the channel after it.
type reply struct {
	Learner string              `json:"learner,omitempty"` // in the answer to hello: the learner's id
	Names   bool                `json:"names,omitempty"`   // in the answer to hello: a name may be sent
	Name    string              `json:"name,omitempty"`    // the class's name for the learner ("" none yet)
	State   progress.SyncState  `json:"state"`
	Applied progress.SyncCounts `json:"applied"`
	Error   string              `json:"error,omitempty"`
	Retry   bool                `json:"retry,omitempty"` // the error may pass: try again later
}

func writeFrame(w io.Writer, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if len(data) > maxFrame {
		return fmt.Errorf("%w: %d bytes, at most %d", errTooBig, len(data), maxFrame)
	}
	buf := make([]byte, 4, 4+len(data))
	binary.BigEndian.PutUint32(buf, uint32(len(data)))
	_, err = w.Write(append(buf, data...))
	return err
}

// readFrame reads one frame into v; io.EOF when the other side closed
// between frames.
func readFrame(r io.Reader, v any) error {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(head[:])
	if n > maxFrame {
		return fmt.Errorf("message of %d bytes: at most %d", n, maxFrame)
	}
	data := make([]byte, n)
	if _, err := io.ReadFull(r, data); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("not a class sync message: %w", err)
	}
	return nil
}
