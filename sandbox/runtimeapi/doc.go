// Package runtimeapi runs a learner's own compiled Lambda handler the way
// Lambda does: it starts the binary with AWS_LAMBDA_RUNTIME_API pointing at a
// Runtime API served on 127.0.0.1 and speaks the same protocol (invocation/next,
// response, error, init/error), so any runtime client works unchanged.
//
// Run does one invocation and reports it as a sandbox.Result; Pool keeps N
// copies of the binary warm and serves Lambda's Invoke path like AWS's Runtime
// Interface Emulator, but concurrently. Every child runs in its own process
// group and is killed on every way out; nothing listens beyond loopback.
// The package knows nothing of terminals or of the command line.
package runtimeapi
