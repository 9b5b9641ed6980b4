package assets

import "embed"

// Exercises is the built-in exercises folder (_exercises/<id>/: exercise.yaml,
// handler.go, main.go, solution.go, and testdata/ with wrong solutions the
// tests check are caught). The folder name starts with "_" so that the go
// tool does not build the exercises' Go files as part of this module.
//
//go:embed _exercises
var Exercises embed.FS
