package quizzes

import (
	"embed"
	"io/fs"

	"github.com/tutor-dev/tutor/assets/facts"
)

//go:embed bank/*.yaml
var builtin embed.FS

// Builtin loads the bank embedded in the binary.
func Builtin(reg *facts.Registry) (*Bank, error) {
	sub, err := fs.Sub(builtin, "bank")
	if err != nil {
		return nil, err
	}
	return Load(sub, "quizzes/bank", reg)
}
