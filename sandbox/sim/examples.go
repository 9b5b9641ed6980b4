package sim

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/tutor-dev/tutor/assets/source"
)

// The worked scenarios in testdata ship in the binary as examples; the
// tests load every one of them, so an example that stops loading fails a
// test. Scenarios the loader must refuse are in testdata/rejected and are
// not examples.
//
//go:embed testdata/*.yaml
var examplesFS embed.FS

// Example is one worked scenario shipped in the binary.
type Example struct {
	Name        string        `json:"name"`        // the file name without .yaml
	Source      source.Source `json:"source"`      // the scenario's source
	Description string        `json:"description"` // the first sentence of its opening comment
}

var examples = sync.OnceValue(func() []Example {
	names, _ := fs.Glob(examplesFS, "testdata/*.yaml")
	sort.Strings(names)
	out := make([]Example, 0, len(names))
	for _, n := range names {
		data, _ := examplesFS.ReadFile(n)
		out = append(out, Example{
			Name:        strings.TrimSuffix(path.Base(n), ".yaml"),
			Source:      exampleSource(data),
			Description: firstSentence(data),
		})
	}
	return out
})

// Examples are the shipped example scenarios, by name.
func Examples() []Example { return examples() }

// ExampleScenario returns the YAML of the example called name.
func ExampleScenario(name string) ([]byte, bool) {
	if name == "" || strings.ContainsAny(name, "/\\.") {
		return nil, false
	}
	data, err := examplesFS.ReadFile("testdata/" + name + ".yaml")
	return data, err == nil
}

// exampleSource is the value of the top-level source: line.
func exampleSource(data []byte) source.Source {
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "source:"); ok {
			v, _, _ = strings.Cut(v, "#")
			return source.Source(strings.TrimSpace(v))
		}
	}
	return ""
}

// firstSentence is the first sentence of the comment the file opens with,
// on one line.
func firstSentence(data []byte) string {
	var words []string
	for _, line := range strings.Split(string(data), "\n") {
		c, ok := strings.CutPrefix(strings.TrimSpace(line), "#")
		if !ok {
			break
		}
		words = append(words, strings.Fields(c)...)
	}
	text := strings.Join(words, " ")
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ') {
			return text[:i+1]
		}
	}
	return text
}
