// Package assets holds the files that ship inside the tutor binary and belong
// to no single domain package: the sample Lambda events the sandbox runs and
// the AWS facts registry every lesson, quiz and simulation draws its numbers
// from. It knows nothing of terminals or of the packages that read it.
package assets

import "embed"

// FS is the embedded asset tree: facts/*.yaml and events/<source>/<name>.json.
//
//go:embed events facts/*.yaml
var FS embed.FS
