// Package exercises is the domain of the course's exercises: the learner
// writes a Lambda handler, and a check builds it with their own Go, runs the
// binary through the Lambda Runtime API (package runtimeapi) and inside the
// simulator (package sim), and judges what it did against the exercise's
// criteria. It knows nothing of terminals or of the command line.
package exercises

import (
	"encoding/json"
	"time"

	"github.com/tutor-dev/tutor/assets/source"
)

// The files of one exercise in a course folder, exercises/<id>/.
const (
	SpecFile     = "exercise.yaml"
	HandlerFile  = "handler.go"  // the learner's: the stub as shipped
	MainFile     = "main.go"     // calls lambda.Start(handler); not to be edited
	SolutionFile = "solution.go" // the reference solution
)

// Exercise is exercises/<id>/exercise.yaml with the Go files beside it.
type Exercise struct {
	ID        string
	Lesson    string        // the lesson it belongs to
	Title     string        // one line
	Source    source.Source // the event source it is about
	Statement string        // what to do, in a paragraph or two
	Signature string        // the handler's signature, as the stub declares it
	Hints     []string      // three, from a nudge to nearly the answer
	Why       string        // why the reference solution works
	Criteria  []Criterion

	Handler, Main, Solution []byte // the Go files

	File       string // exercise.yaml's path, for messages
	LessonLine int    // the line of lesson: in File
}

// Criterion is one thing a check judges; exactly one of Invoke and
// Simulate is set.
type Criterion struct {
	ID       string
	Title    string
	Invoke   *Invoke
	Simulate *Simulate
	Line     int // in the exercise's File
}

// Invoke sends one event to the handler (warm: the same process as the
// criteria before it, unless one of them killed it) and judges the result.
type Invoke struct {
	EventName string          // a course event by name, or
	Event     json.RawMessage // an inline event
	Timeout   time.Duration   // the function's timeout for this invocation
	Expect    Expect
}

// Expect is what must hold of one invocation's result. Every field set must
// hold.
type Expect struct {
	Response          json.RawMessage // exactly this JSON (an empty list or object also matches null)
	ResponseSubset    json.RawMessage // these fields (recursively) with these values
	BatchItemFailures []string        // exactly these itemIdentifiers, in any order; empty: none (null, [] or absent)
	HasFailures       bool            // BatchItemFailures was given (an empty list is a claim too)
	LowestFailure     string          // streams: the lowest sequence number reported, where Lambda checkpoints
	// ReportsUnprocessed is a regular expression whose first group is a
	// record's ID in a log line saying it was processed: every record of
	// the event must be either processed or in batchItemFailures, not both.
	ReportsUnprocessed string
	NoError            bool          // the invocation must succeed
	Error              *ErrorPattern // the invocation must fail this way
	Logs               []string      // each a regular expression some log line must match
}

// ErrorPattern is an expected function error: its type exactly (if given)
// and a regular expression its message must match (if given).
type ErrorPattern struct {
	Type    string
	Message string
}

// Simulate runs a scenario, in the simulator's format, whose handler is the
// learner's binary, and judges the outcome.
type Simulate struct {
	Scenario []byte // the scenario's text, positions as in the exercise's File
	Metrics  map[string]int
	Records  map[string]RecordExpect
}

// RecordExpect is what must hold of one record at the end of a simulation.
type RecordExpect struct {
	Outcome    string // succeeded | dlq | on_failure | dropped | filtered | pending; "" any
	Deliveries int    // 0: any
	Status     int    // apigateway: the HTTP status the client got; 0: any
}

// Ref is the reference to an exercise's lesson, for the course loader.
func (e *Exercise) Ref() (lesson string, line int) { return e.Lesson, e.LessonLine }
