package quizzes

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
)

// idPattern is the shape of an item ID: lowercase letters, digits, - . /
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9./\-]*$`)

// factRef is how content cites the facts registry: {{fact:sqs.batch-size.default}}.
// Spaces are allowed around the parts ({{ fact: sqs.batch-size.default }}).
var factRef = regexp.MustCompile(`\{\{\s*fact\s*:\s*([^}\s]*)\s*\}\}`)

// factLike is anything that looks like a fact reference; one that factRef
// does not match is reported rather than left in the text.
var factLike = regexp.MustCompile(`\{\{\s*fact\b[^}]*\}?\}?`)

// aboveRef catches "all of the above" and "none of the above", which make a
// single-answer item depend on choice order (and the quiz shuffles choices).
var aboveRef = regexp.MustCompile(`(?i)\b(all|none) of the (above|options|choices)\b`)

// Load reads every *.yaml file at the top of fsys as a list of items. prefix
// names the folder in error messages. Every problem found is reported, each
// as "file:line:col: ...", joined into one error; the items that loaded are
// returned alongside (a file that does not parse contributes none).
func Load(fsys fs.FS, prefix string, reg *facts.Registry) (*Bank, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	// Files parse in parallel (YAML parsing is most of the cost); results
	// are merged in name order so errors and duplicates are reported the
	// same way every time.
	type parsed struct {
		items []*Item
		errs  []error
	}
	results := make([]parsed, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			file := path.Join(prefix, name)
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				results[i].errs = []error{fmt.Errorf("%s: %w", file, err)}
				return
			}
			results[i].items, results[i].errs = parseFile(file, data, reg)
		})
	}
	wg.Wait()

	var items []*Item
	var errs []error
	seen := map[string]*Item{}
	for _, r := range results {
		errs = append(errs, r.errs...)
		for _, it := range r.items {
			if prev, dup := seen[it.ID]; dup {
				errs = append(errs, fmt.Errorf("%s:%d:%d: duplicate item id %q (first defined at %s:%d): item IDs must be unique across the course",
					it.File, it.Line, it.Col, it.ID, prev.File, prev.Line))
				continue
			}
			seen[it.ID] = it
			items = append(items, it)
		}
	}
	return NewBank(items), errors.Join(errs...)
}

// locator finds the position of a YAML path in a parsed file.
type locator struct{ file *ast.File }

// at returns the line and column of the node at p, or of the nearest
// ancestor that exists; a mapping is located at its first key.
func (l locator) at(p string) (int, int) {
	for {
		if i := strings.LastIndexByte(p, '.'); i > 1 && !strings.Contains(p[i:], "[") {
			// A field: point at its key, where the reader looks.
			if k := l.key(p[:i], p[i+1:]); k != nil {
				return k.Position.Line, k.Position.Column
			}
		}
		if yp, err := yaml.PathString(p); err == nil {
			if n, err := yp.FilterFile(l.file); err == nil && n != nil {
				if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 {
					n = m.Values[0].Key
				}
				if tk := n.GetToken(); tk != nil {
					return tk.Position.Line, tk.Position.Column
				}
			}
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 1 {
			return 1, 1
		}
		p = p[:i]
	}
}

// key returns the token of key name in the mapping at parent.
func (l locator) key(parent, name string) *token.Token {
	yp, err := yaml.PathString(parent)
	if err != nil {
		return nil
	}
	n, err := yp.FilterFile(l.file)
	if err != nil || n == nil {
		return nil
	}
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return nil
	}
	for _, v := range m.Values {
		if v.Key != nil && v.Key.GetToken() != nil && v.Key.GetToken().Value == name {
			return v.Key.GetToken()
		}
	}
	return nil
}

// parseFile reads one bank file and validates each item.
func parseFile(file string, data []byte, reg *facts.Registry) ([]*Item, []error) {
	astFile, err := yamlsafe.Parse(bytes.TrimPrefix(data, []byte("\ufeff")))
	if err != nil {
		return nil, []error{facts.PosError(file, 0, err)}
	}
	// Decode from the parsed tree (parsing is most of the cost of loading),
	// item by item, so that every malformed item is reported.
	var list []*Item
	var decodeErrs []error
	if len(astFile.Docs) > 0 && astFile.Docs[0].Body != nil {
		seq, ok := astFile.Docs[0].Body.(*ast.SequenceNode)
		if !ok {
			p := astFile.Docs[0].Body.GetToken().Position
			return nil, []error{fmt.Errorf("%s:%d:%d: a bank file is a YAML list of items (- id: ...)", file, p.Line, p.Column)}
		}
		for _, node := range seq.Values {
			if _, null := node.(*ast.NullNode); null {
				list = append(list, nil)
				continue
			}
			it := new(Item)
			if err := yaml.NodeToValue(node, it, yaml.DisallowUnknownField()); err != nil {
				decodeErrs = append(decodeErrs, facts.PosError(file, 0, err))
				continue
			}
			list = append(list, it)
		}
	}
	if len(list) == 0 && len(decodeErrs) == 0 {
		return nil, []error{fmt.Errorf("%s:1:1: no items: a bank file is a YAML list of items (- id: ...)", file)}
	}
	if len(decodeErrs) > 0 {
		// Positions below index the decoded items; with some left out they
		// would point at the wrong ones, so report the decoding errors only.
		return nil, decodeErrs
	}
	loc := locator{astFile}
	var items []*Item
	var errs []error
	for i, it := range list {
		base := fmt.Sprintf("$[%d]", i)
		if it == nil {
			line, col := loc.at(base)
			errs = append(errs, fmt.Errorf("%s:%d:%d: item %d is empty", file, line, col, i+1))
			continue
		}
		it.File = file
		it.Line, it.Col = loc.at(base)
		it.LessonLine, it.LessonCol = loc.at(base + ".lesson")
		it.ObjectiveLine, it.ObjectiveCol = loc.at(base + ".objective")
		ierrs := validate(it, base, loc, reg)
		errs = append(errs, ierrs...)
		if it.ID != "" && idPattern.MatchString(it.ID) {
			items = append(items, it)
		}
	}
	return items, errs
}

// validate checks one item and fills in its facts.
func validate(it *Item, base string, loc locator, reg *facts.Registry) []error {
	var errs []error
	name := it.ID
	if name == "" {
		name = fmt.Sprintf("#%d", it.Line)
	}
	bad := func(p string, format string, a ...any) {
		line, col := loc.at(base + p)
		errs = append(errs, fmt.Errorf("%s:%d:%d: item %q: %s", it.File, line, col, name, fmt.Sprintf(format, a...)))
	}
	fill := func(p, s string) string {
		for _, m := range factLike.FindAllString(s, -1) {
			if !factRef.MatchString(m) {
				bad(p, "malformed fact reference %q: write {{fact:ID}}", m)
			}
		}
		return factRef.ReplaceAllStringFunc(s, func(m string) string {
			id := factRef.FindStringSubmatch(m)[1]
			f, ok := reg.Get(id)
			if !ok {
				bad(p, "unknown fact %q: add it to the facts registry (assets/facts) or fix the name", id)
				return m
			}
			return f.Value
		})
	}

	switch {
	case it.ID == "":
		bad("", "missing id: every item needs a stable id, such as 'id: sqs/visibility-timeout'")
	case !idPattern.MatchString(it.ID):
		bad(".id", "id %q must be lowercase letters, digits, '-', '.' and '/'", it.ID)
	}
	if it.Lesson == "" {
		bad("", "missing lesson: name the lesson this item belongs to")
	}
	// A missing level or objective is a warning of the linter (Lint), so
	// that a bank written before they existed still loads.
	if it.Level != "" && !slices.Contains(Levels, it.Level) {
		bad(".level", "unknown level %q (want recall or apply)", it.Level)
	}
	it.Objective = strings.TrimSpace(it.Objective)
	if !slices.Contains(Kinds, it.Kind) {
		if it.Kind == "" {
			bad("", "missing kind (single, multi or true-false)")
		} else {
			bad(".kind", "unknown kind %q (want single, multi or true-false)", it.Kind)
		}
	}
	if strings.TrimSpace(it.Prompt) == "" {
		bad(".prompt", "missing prompt: the question to ask")
	}
	it.Prompt = Reflow(fill(".prompt", it.Prompt))
	if it.Source == "" {
		bad("", "missing source: the AWS documentation page the item's facts come from")
	} else if !strings.HasPrefix(it.Source, "https://") {
		bad(".source", "source %q must be an https:// link to the AWS page", it.Source)
	}

	if len(it.Choices) < 2 {
		bad(".choices", "has %d choice(s): an item needs at least two", len(it.Choices))
	}
	for j := range it.Choices {
		c := &it.Choices[j]
		cp := fmt.Sprintf(".choices[%d]", j)
		if strings.TrimSpace(c.Text) == "" {
			bad(cp, "choice %d has no text", j+1)
		}
		if strings.TrimSpace(c.Why) == "" {
			bad(cp, "choice %d (%q) has no why: every choice explains why it is right or wrong", j+1, c.Text)
		}
		c.Text = strings.TrimSpace(fill(cp+".text", c.Text))
		c.Why = Reflow(fill(cp+".why", c.Why))
	}
	right := len(it.Correct())
	switch it.Kind {
	case Single, TrueFalse:
		if right != 1 {
			bad(".choices", "a %s item needs exactly one correct choice, has %d", it.Kind, right)
		}
	case Multi:
		if right == 0 {
			bad(".choices", "a multi item needs at least one correct choice, has none")
		}
	}
	if it.Kind == Single {
		for j, c := range it.Choices {
			if m := aboveRef.FindString(c.Text); m != "" {
				bad(fmt.Sprintf(".choices[%d].text", j), "%q in a single-answer item: choices are shuffled; make it a multi item instead", m)
			}
		}
	}
	if it.Kind == TrueFalse && len(it.Choices) >= 2 {
		texts := []string{}
		for _, c := range it.Choices {
			texts = append(texts, c.Text)
		}
		slices.Sort(texts)
		if !slices.Equal(texts, []string{"False", "True"}) {
			bad(".choices", "a true-false item has exactly two choices, \"True\" and \"False\"")
		}
	}
	return errs
}
