package quizzes

import (
	"embed"
	"io/fs"

	"github.com/tutor-dev/tutor/assets/facts"
)

//go:embed bank/*.yaml
var builtin embed.FS

// Files are the built-in bank files, *.yaml at the top: the quizzes folder
// of the built-in course.
func Files() fs.FS {
	sub, err := fs.Sub(builtin, "bank")
	if err != nil {
		panic(err) // "bank" is a valid path: fs.Sub cannot fail
	}
	return sub
}

// Builtin loads the bank embedded in the binary.
func Builtin(reg *facts.Registry) (*Bank, error) {
	return Load(Files(), "quizzes", reg)
}
