// Package sim replays what each Lambda event source does around a handler on
// a virtual clock: API Gateway's synchronous request and its status codes,
// the asynchronous event queue of S3 and SNS with its retries, throttles,
// dead-letter queue and on-failure destination, SQS visibility timeouts,
// receive counts, partial batch responses and redrive, and Kinesis and
// DynamoDB Streams shards with retries, bisecting and checkpoints.
//
// Time is simulated: an event queue of timed events (container/heap) jumps
// the clock from one event to the next, so four virtual days of retries run
// in milliseconds. Every AWS number the model uses comes from the facts
// registry (assets/facts), checked by a test. Where the AWS documentation is
// silent the model states its own rule in Result.Notes.
//
// Each source's model is chosen by its invocation model (assets/source:
// sync, async, poll, streams); what differs per source beyond that is one
// entry of the models table (sources.go).
//
// Load refuses what AWS refuses (an SQS visibility timeout shorter than the
// function timeout) and what YAML would hide (aliases, a second document,
// quoted numbers); a run is bounded by an event budget and stops when its
// context is cancelled.
//
// The package knows nothing of terminals: the CLI prints a Result as the
// plain lines of Lines or streams it as JSON (WriteJSON), and the TUI builds
// a Scenario in code (see Default) and calls Run.
package sim
