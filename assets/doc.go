// Package assets holds the files that ship inside the tutor binary and belong
// to no single domain package: the sample Lambda events the sandbox runs and
// the AWS facts registry every lesson, quiz and simulation draws its numbers
// from, and the experiment panels and filter labs of the lessons. It knows
// nothing of terminals or of the packages that read it.
package assets

import "embed"

// FS is the embedded asset tree: facts/*.yaml, events/<source>/<name>.json,
// experiments/*.yaml and filterlabs/*.yaml.
//
//go:embed events facts/*.yaml experiments/*.yaml filterlabs/*.yaml
var FS embed.FS
