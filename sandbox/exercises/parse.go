package exercises

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	goparser "go/parser"
	"go/scanner"
	"go/token"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/tutor-dev/tutor/assets/facts"
	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/assets/yamlsafe"
	"github.com/tutor-dev/tutor/sandbox/sim"
)

// idPattern is what an exercise or criterion ID may look like: it names a
// folder and appears in commands.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// Load reads every exercise in fsys, a course's exercises/ folder
// (<id>/exercise.yaml, handler.go, main.go, solution.go); dir names the
// folder in errors. The error joins every problem, each as file:line:
// message; the exercises returned are those without problems, by ID.
func Load(fsys fs.FS, dir string) ([]*Exercise, error) {
	specs, _ := fs.Glob(fsys, "*/"+SpecFile)
	var out []*Exercise
	var errs []error
	for _, spec := range specs {
		id := path.Dir(spec)
		file := path.Join(dir, spec)
		data, err := fs.ReadFile(fsys, spec)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		e, perrs := Parse(file, data)
		errs = append(errs, perrs...)
		if e == nil {
			continue
		}
		if e.ID != id {
			errs = append(errs, fmt.Errorf("%s:1: id %q differs from its folder %q: name the folder after the id", file, e.ID, id))
			continue
		}
		ok := true
		for _, f := range []struct {
			name string
			dst  *[]byte
		}{{HandlerFile, &e.Handler}, {MainFile, &e.Main}, {SolutionFile, &e.Solution}} {
			b, err := fs.ReadFile(fsys, path.Join(id, f.name))
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: missing (an exercise has %s, %s and %s beside %s)", path.Join(dir, id, f.name), HandlerFile, MainFile, SolutionFile, SpecFile))
				ok = false
				continue
			}
			*f.dst = b
			if err := checkGo(path.Join(dir, id, f.name), b); err != nil {
				errs = append(errs, err)
				ok = false
			}
		}
		if ok {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, errors.Join(errs...)
}

// checkGo says where a Go file of an exercise does not parse, or is not
// package main (file:line:col, as the compiler would).
func checkGo(file string, src []byte) error {
	fset := token.NewFileSet()
	f, err := goparser.ParseFile(fset, file, src, goparser.PackageClauseOnly)
	if err == nil && f.Name.Name != "main" {
		return fmt.Errorf("%s:%d: package %s: an exercise's files are package main", file, fset.Position(f.Name.Pos()).Line, f.Name.Name)
	}
	if err == nil {
		_, err = goparser.ParseFile(fset, file, src, goparser.AllErrors)
	}
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		return fmt.Errorf("%s", list[0])
	}
	return err
}

// spec is exercise.yaml as written.
type spec struct {
	ID        string     `yaml:"id"`
	Lesson    string     `yaml:"lesson"`
	Title     string     `yaml:"title"`
	Source    string     `yaml:"source"`
	Statement string     `yaml:"statement"`
	Signature string     `yaml:"signature"`
	Hints     []string   `yaml:"hints"`
	Why       string     `yaml:"why"`
	Criteria  []specCrit `yaml:"criteria"`
}

type specCrit struct {
	ID       string        `yaml:"id"`
	Title    string        `yaml:"title"`
	Invoke   *specInvoke   `yaml:"invoke"`
	Simulate *specSimulate `yaml:"simulate"`
}

type specInvoke struct {
	Event   any        `yaml:"event"`
	Timeout string     `yaml:"timeout"`
	Expect  specExpect `yaml:"expect"`
}

type specExpect struct {
	Response           any       `yaml:"response"`
	ResponseSubset     any       `yaml:"response_subset"`
	BatchItemFailures  *[]string `yaml:"batch_item_failures"`
	LowestFailure      string    `yaml:"lowest_failure"`
	ReportsUnprocessed string    `yaml:"reports_unprocessed"`
	Error              any       `yaml:"error"`
	Logs               []string  `yaml:"logs"`
}

type specSimulate struct {
	Scenario any `yaml:"scenario"`
	Expect   struct {
		Metrics map[string]int `yaml:"metrics"`
		Records map[string]struct {
			Outcome    string `yaml:"outcome"`
			Deliveries int    `yaml:"deliveries"`
			Status     int    `yaml:"status"`
		} `yaml:"records"`
	} `yaml:"expect"`
}

// Parse reads one exercise.yaml; it is nil when it has problems.
func Parse(file string, data []byte) (*Exercise, []error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	f, err := yamlsafe.Parse(data)
	if err != nil {
		return nil, []error{facts.PosError(file, 0, err)}
	}
	var sp spec
	if err := yaml.UnmarshalWithOptions(data, &sp, yaml.Strict()); err != nil {
		return nil, []error{facts.PosError(file, 0, err)}
	}
	p := &parser{file: file, data: data, f: f}
	e := &Exercise{ID: sp.ID, Lesson: sp.Lesson, Title: strings.TrimSpace(sp.Title), Statement: strings.TrimSpace(sp.Statement),
		Signature: strings.TrimSpace(sp.Signature), Why: strings.TrimSpace(sp.Why), File: file, LessonLine: p.line("$.lesson")}
	if !idPattern.MatchString(sp.ID) {
		p.bad("$.id", "id %q: want lower-case letters, digits and dashes (it names the folder)", sp.ID)
	}
	for _, req := range []struct{ v, path, what string }{
		{sp.Lesson, "$.lesson", "lesson: the ID of the lesson it belongs to"},
		{e.Title, "$.title", "title: one line"},
		{e.Statement, "$.statement", "statement: what the learner's handler must do"},
		{e.Signature, "$.signature", "signature: the handler's signature, e.g. func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error)"},
		{e.Why, "$.why", "why: why the reference solution works"},
	} {
		if req.v == "" {
			p.bad(req.path, "missing %s", req.what)
		}
	}
	src, err := source.Parse(sp.Source)
	if err != nil {
		p.bad("$.source", "source %q: want one of %s", sp.Source, source.List())
	}
	e.Source = src
	for i, h := range sp.Hints {
		if strings.TrimSpace(h) == "" {
			p.bad(fmt.Sprintf("$.hints[%d]", i), "an empty hint")
		}
		e.Hints = append(e.Hints, strings.TrimSpace(h))
	}
	if len(sp.Hints) != 3 {
		p.bad("$.hints", "hints: want three (a nudge, a closer one, nearly the answer), not %d", len(sp.Hints))
	}
	if len(sp.Criteria) == 0 {
		p.bad("$.criteria", "missing criteria: what a check judges")
	}
	seen := map[string]bool{}
	for i, c := range sp.Criteria {
		if cr, ok := p.criterion(i, c); ok {
			if seen[cr.ID] {
				p.bad(fmt.Sprintf("$.criteria[%d].id", i), "criterion %q appears twice", cr.ID)
			}
			seen[cr.ID] = true
			e.Criteria = append(e.Criteria, cr)
		}
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return e, nil
}

type parser struct {
	file string
	data []byte
	f    *ast.File
	errs []error
}

// node finds the node at a YAML path, or nil.
func (p *parser) node(pathStr string) ast.Node {
	yp, err := yaml.PathString(pathStr)
	if err != nil {
		return nil
	}
	n, err := yp.FilterFile(p.f)
	if err != nil {
		return nil
	}
	return n
}

// line is the line of the node at a YAML path, or of its nearest parent.
func (p *parser) line(pathStr string) int {
	for s := pathStr; s != "$" && s != ""; {
		if n := p.node(s); n != nil && n.GetToken() != nil {
			return n.GetToken().Position.Line
		}
		i := strings.LastIndexAny(s, ".[")
		if i <= 0 {
			break
		}
		s = s[:i]
	}
	return 1
}

func (p *parser) bad(pathStr, format string, a ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s:%d: %s", p.file, p.line(pathStr), fmt.Sprintf(format, a...)))
}

func (p *parser) criterion(i int, c specCrit) (Criterion, bool) {
	at := fmt.Sprintf("$.criteria[%d]", i)
	n := len(p.errs)
	cr := Criterion{ID: c.ID, Title: strings.TrimSpace(c.Title), Line: p.line(at + ".id")}
	if !idPattern.MatchString(c.ID) {
		p.bad(at+".id", "criterion id %q: want lower-case letters, digits and dashes", c.ID)
	}
	if cr.Title == "" {
		p.bad(at, "criterion %s: missing title, the line a check prints", c.ID)
	}
	switch {
	case (c.Invoke == nil) == (c.Simulate == nil):
		p.bad(at, "criterion %s: give exactly one of invoke and simulate", c.ID)
	case c.Invoke != nil:
		cr.Invoke = p.invoke(at+".invoke", c.Invoke)
	default:
		cr.Simulate = p.simulate(at+".simulate", c.Simulate)
	}
	return cr, len(p.errs) == n
}

func (p *parser) invoke(at string, in *specInvoke) *Invoke {
	inv := &Invoke{Timeout: 3 * time.Second}
	switch ev := in.Event.(type) {
	case string:
		inv.EventName = ev
	case nil:
		p.bad(at, "invoke: missing event: a course event by name, or the event inline")
	default:
		b, err := json.Marshal(ev)
		if err != nil {
			p.bad(at+".event", "event: cannot be written as JSON: %v", err)
		}
		inv.Event = b
	}
	if in.Timeout != "" {
		d, err := time.ParseDuration(in.Timeout)
		if err != nil || d < time.Millisecond || d > 15*time.Minute {
			p.bad(at+".timeout", "timeout %q: want a duration from 1ms to 15m, such as 3s", in.Timeout)
		}
		inv.Timeout = d
	}
	ex, x := &inv.Expect, in.Expect
	if x.Response != nil {
		ex.Response, _ = json.Marshal(x.Response)
	}
	if x.ResponseSubset != nil {
		ex.ResponseSubset, _ = json.Marshal(x.ResponseSubset)
	}
	if x.BatchItemFailures != nil {
		ex.BatchItemFailures, ex.HasFailures = *x.BatchItemFailures, true
	}
	switch e := x.Error.(type) {
	case nil:
	case string:
		if e != "none" {
			p.bad(at+".expect.error", "error: want none, or {type: ..., message: ...}")
		}
		ex.NoError = true
	case map[string]any:
		ep := &ErrorPattern{}
		for k, v := range e {
			s, ok := v.(string)
			switch {
			case !ok:
				p.bad(at+".expect.error", "error.%s: want a string", k)
			case k == "type":
				ep.Type = s
			case k == "message":
				if _, err := regexp.Compile(s); err != nil {
					p.bad(at+".expect.error", "error.message: not a regular expression: %v", err)
				}
				ep.Message = s
			default:
				p.bad(at+".expect.error", "error: unknown field %q (want type and message)", k)
			}
		}
		ex.Error = ep
	default:
		p.bad(at+".expect.error", "error: want none, or {type: ..., message: ...}")
	}
	for i, l := range x.Logs {
		if _, err := regexp.Compile(l); err != nil {
			p.bad(fmt.Sprintf("%s.expect.logs[%d]", at, i), "logs: not a regular expression: %v", err)
		}
	}
	ex.Logs = x.Logs
	ex.LowestFailure = x.LowestFailure
	if x.ReportsUnprocessed != "" {
		if re, err := regexp.Compile(x.ReportsUnprocessed); err != nil || re.NumSubexp() < 1 {
			p.bad(at+".expect.reports_unprocessed", "reports_unprocessed: want a regular expression with a group for the record's ID, such as 'processed (\\S+)'")
		}
		ex.ReportsUnprocessed = x.ReportsUnprocessed
	}
	if ex.Response == nil && ex.ResponseSubset == nil && !ex.HasFailures && ex.LowestFailure == "" && ex.ReportsUnprocessed == "" && !ex.NoError && ex.Error == nil && len(ex.Logs) == 0 {
		p.bad(at, "invoke: expect nothing: give response, response_subset, batch_item_failures, lowest_failure, reports_unprocessed, error or logs")
	}
	return inv
}

func (p *parser) simulate(at string, in *specSimulate) *Simulate {
	s := &Simulate{Metrics: in.Expect.Metrics, Records: map[string]RecordExpect{}}
	n, ok := p.node(at + ".scenario").(*ast.MappingNode)
	if !ok || len(n.Values) == 0 {
		p.bad(at, "simulate: want scenario: with the scenario's fields indented under it")
		return s
	}
	pos := n.Values[0].Key.GetToken().Position
	if n.IsFlowStyle {
		pos = n.Start.Position
	}
	s.Scenario = yamlsafe.Region(p.data, pos.Line, pos.Column, lastLine(n))
	sc, err := sim.Load(p.file, s.Scenario)
	if err != nil {
		p.errs = append(p.errs, err)
		return s
	}
	if sc.Handler != "" || sc.Behaviour != nil && len(sc.Behaviour.Rules) > 0 {
		p.bad(at+".scenario", "scenario: the learner's handler runs it; give no handler and no behaviour rules")
	}
	known := map[string]bool{}
	for _, k := range metricNames {
		known[k] = true
	}
	for k := range in.Expect.Metrics {
		if !known[k] {
			p.bad(at+".expect.metrics", "metrics: unknown metric %q (known: %s)", k, strings.Join(metricNames, ", "))
		}
	}
	for id, r := range in.Expect.Records {
		if r.Outcome != "" && !strings.Contains("|succeeded|dlq|on_failure|dropped|filtered|pending|", "|"+r.Outcome+"|") {
			p.bad(at+".expect.records", "records.%s.outcome %q: want succeeded, dlq, on_failure, dropped, filtered or pending", id, r.Outcome)
		}
		s.Records[id] = RecordExpect{Outcome: r.Outcome, Deliveries: r.Deliveries, Status: r.Status}
	}
	if len(s.Metrics) == 0 && len(s.Records) == 0 {
		p.bad(at, "simulate: expect nothing: give expect.metrics or expect.records")
	}
	return s
}

// lastLine is the last line any token of n is on.
func lastLine(n ast.Node) int {
	last := 0
	ast.Walk(visitor(func(m ast.Node) {
		if t := m.GetToken(); t != nil && t.Position.Line > last {
			last = t.Position.Line
		}
	}), n)
	return last
}

type visitor func(ast.Node)

func (v visitor) Visit(n ast.Node) ast.Visitor { v(n); return v }
