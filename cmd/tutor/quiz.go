package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tutor-dev/tutor/cmd/internal/course"
	"github.com/tutor-dev/tutor/cmd/internal/practice"
	"github.com/tutor-dev/tutor/cmd/internal/progress"
	"github.com/tutor-dev/tutor/quizzes"
)

func init() { topCommands = append(topCommands, newQuizCmd) }

// quizOpts are the flags of `tutor quiz`.
type quizOpts struct {
	lessons []string
	items   []string
	count   int
	seed    uint64
	seeded  bool
	review  bool
	plain   bool
	asJSON  bool
	list    bool
}

func newQuizCmd(g *globals) *cobra.Command {
	var o quizOpts
	cmd := &cobra.Command{
		Use:   "quiz",
		Short: "Practise quiz questions; the ones you missed come back first",
		Long: `quiz asks questions from the course's bank. In a terminal it opens the quiz
screen; with --plain, or when input or output is not a terminal, it asks line by
line: each question starts with "Question I of N [ITEM-ID]", then the prompt and
numbered choices, then "Answer: ". Type a number (numbers separated by commas
when several apply), or an empty line to skip. End of input ends the session
with "Score: X/Y right on the first try".

Every first answer updates the item's review schedule (FSRS-6): an item missed
is due again at once, and --review asks the items that are due. Without --seed
due and missed items come first, then new ones; with --seed the same seed asks
the same items in the same order with the same choice order. Without --seed
the seed comes from the clock in a terminal; when input is not a terminal it
is fixed, so a script sees each item's choices in the same order every run.`,
		Example: `  tutor quiz
  tutor quiz --lesson sqs --count 5
  printf '2\n1\n' | tutor quiz --plain --item sync-trigger
  tutor quiz --plain --review
  tutor quiz --list --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.count < 1 {
				return usageErrorf("--count must be at least 1, got %d", o.count)
			}
			o.seeded = cmd.Flags().Changed("seed")
			if !o.seeded {
				o.seed = defaultSeed(isTerminalIn(g.stdin), time.Now())
			}
			c, err := loadCourse(g)
			if err != nil {
				return err
			}
			return runQuiz(g, c, o)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.lessons, "lesson", nil, "ask items of lesson `ID` (repeatable)")
	f.StringArrayVar(&o.items, "item", nil, "ask item `ID` (repeatable)")
	f.IntVar(&o.count, "count", quizzes.DefaultCount, "ask at most `N` items")
	f.Uint64Var(&o.seed, "seed", 0, "seed `N` for the choice of items and the order of choices (default: from the clock; fixed when input is not a terminal)")
	f.BoolVar(&o.review, "review", false, "ask only the items due for review, soonest due first")
	f.BoolVar(&o.plain, "plain", false, "ask line by line (for screen readers and scripts)")
	f.BoolVar(&o.asJSON, "json", false, `line mode with questions on stderr; print {"answered", "correct_first_try", "items": [{"id", "attempts", "correct_first_try", "skipped"}]} on stdout`)
	f.BoolVar(&o.list, "list", false, "list the bank's items instead of asking (with --json: every field)")
	return cmd
}

// scriptSeed is the seed when input is not a terminal and no --seed is
// given: a script answering by number needs the same order every run.
const scriptSeed = 1

// defaultSeed is the seed to use without --seed.
func defaultSeed(interactive bool, now time.Time) uint64 {
	if !interactive {
		return scriptSeed
	}
	return uint64(now.UnixNano())
}

// runQuiz checks the filters, then lists or asks.
func runQuiz(g *globals, c *course.Course, o quizOpts) error {
	bank := c.Quizzes
	if err := checkFilters(c, o); err != nil {
		return err
	}
	if o.list {
		items := quizzes.Select(bank, nil, quizzes.Query{Items: o.items, Lessons: o.lessons, Count: bank.Len() + 1})
		if len(o.items) == 0 && len(o.lessons) == 0 {
			items = bank.Items
		}
		if o.asJSON {
			return listJSON(items, g.stdout)
		}
		return listTable(items, g.stdout)
	}

	store, snap, err := openProgress(g)
	if err != nil {
		return err
	}
	defer store.Close()
	rv := snap.Review
	now := time.Now()
	items := quizzes.Select(bank, rv, quizzes.Query{
		Items: o.items, Lessons: o.lessons, Count: o.count,
		Seed: o.seed, Seeded: o.seeded, Review: o.review, Now: now,
	})
	feedback := g.stdout
	if o.asJSON {
		feedback = g.stderr
	}
	if len(items) == 0 {
		msg := "No items to ask."
		if o.review {
			msg = "No items are due for review. Come back later, or run 'tutor quiz' to practise."
		}
		fmt.Fprintln(feedback, msg)
		if o.asJSON {
			return writeJSON(g.stdout, practice.Result{Items: []practice.ItemResult{}})
		}
		return nil
	}

	if !o.plain && !o.asJSON && isTerminalIn(g.stdin) && isTerminal(g.stdout) {
		return runQuizTUI(g, c, items, o.seed, o.review, store)
	}

	res, err := practice.Run(practice.Options{
		Items: items,
		Seed:  o.seed,
		// Each first answer is committed before its feedback is printed.
		Record: func(id string, right bool, picked []string, at time.Time) error {
			return store.Apply(context.Background(), progress.LocalLearner, progress.Answer{Item: id, Right: right, At: at, Picked: picked})
		},
		Echo: !isTerminalIn(g.stdin),
	}, g.stdin, feedback)
	if err != nil {
		return err
	}
	if o.asJSON {
		return writeJSON(g.stdout, res)
	}
	return nil
}

// checkFilters rejects an unknown --lesson or --item, naming the known ones.
func checkFilters(c *course.Course, o quizOpts) error {
	bank := c.Quizzes
	var errs []error
	withItems := bank.Lessons()
	for _, l := range o.lessons {
		if slices.Contains(withItems, l) {
			continue
		}
		if _, ok := c.Lessons.Get(l); ok {
			errs = append(errs, fmt.Errorf("lesson %q has no quiz items; lessons with items: %s", l, strings.Join(withItems, ", ")))
		} else {
			errs = append(errs, fmt.Errorf("no lesson %q; lessons with quiz items: %s", l, strings.Join(withItems, ", ")))
		}
	}
	for _, id := range o.items {
		if _, ok := bank.Get(id); ok {
			continue
		}
		known := bank.IDs()
		if len(known) <= 12 {
			errs = append(errs, fmt.Errorf("no quiz item %q; the items are: %s", id, strings.Join(known, ", ")))
			continue
		}
		msg := fmt.Sprintf("no quiz item %q", id)
		if close := quizzes.Closest(id, known, 5); len(close) > 0 {
			msg += "; did you mean " + strings.Join(close, ", ") + "?"
		} else {
			msg += "; items belong to the lessons " + strings.Join(withItems, ", ")
		}
		errs = append(errs, fmt.Errorf("%s ('tutor quiz --list' shows all %d items)", msg, len(known)))
	}
	return errors.Join(errs...)
}

// itemJSON is the shape of one item in `tutor quiz --list --json`.
type itemJSON struct {
	ID       string           `json:"id"`
	Lesson   string           `json:"lesson"`
	Kind     string           `json:"kind"`
	Prompt   string           `json:"prompt"`
	Choices  []quizzes.Choice `json:"choices"`
	Concepts []string         `json:"concepts"`
	Source   string           `json:"source"`
	// Level is recall or apply; Objective the lesson objective the item
	// assesses ("" when the bank does not say).
	Level     string `json:"level"`
	Objective string `json:"objective"`
}

func listJSON(items []*quizzes.Item, w io.Writer) error {
	out := make([]itemJSON, 0, len(items))
	for _, it := range items {
		concepts := it.Concepts
		if concepts == nil {
			concepts = []string{}
		}
		out = append(out, itemJSON{it.ID, it.Lesson, string(it.Kind), it.Prompt, it.Choices, concepts, it.Source, it.Level, it.Objective})
	}
	return writeJSON(w, out)
}

func listTable(items []*quizzes.Item, w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLESSON\tKIND\tPROMPT")
	for _, it := range items {
		prompt := strings.Join(strings.Fields(it.Prompt), " ")
		if r := []rune(prompt); len(r) > 60 {
			prompt = string(r[:59]) + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", it.ID, it.Lesson, it.Kind, prompt)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d items\n", len(items))
	return err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func isTerminalIn(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
