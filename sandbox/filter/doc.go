// Package filter evaluates Amazon SNS subscription filter policies and the
// event patterns that EventBridge and Lambda event-source mappings use, the
// way AWS does: compile a policy once (validating it with AWS's limits and
// messages), then match it against many inputs.
//
// A mismatch explains itself as data (Result.Key, Want, Got) and as one line
// (Result.Reason), so the TUI lab and the `tutor sandbox filter` command show
// the same explanation. The package knows nothing of terminals or commands.
//
// Semantics follow the filter cases recorded against AWS (the conformance
// corpus, sandbox/internal/conformance/testdata): arrays in
// the input match if any element matches (and are not array-consistent across
// keys), policy and input keys are joined with "." so {"a":{"b":…}} and
// {"a.b":…} are the same key, `exists` looks at leaf values only, and numbers
// only ever match numbers (DynamoDB's "N" strings never match `numeric`).
package filter
