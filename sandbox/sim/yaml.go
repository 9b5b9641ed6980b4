package sim

import "github.com/goccy/go-yaml"

// YAML writes the scenario in the form Load reads, so an experiment built
// in the TUI can be saved and replayed with `tutor sandbox simulate`.
func (sc *Scenario) YAML() ([]byte, error) {
	return yaml.MarshalWithOptions(sc, yaml.UseLiteralStyleIfMultiline(true))
}
