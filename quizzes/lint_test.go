package quizzes

import (
	"testing"
)

func single(id string, texts ...string) *Item {
	it := &Item{ID: id, Kind: Single, Prompt: id}
	for i, t := range texts {
		it.Choices = append(it.Choices, Choice{Text: t, Correct: i == 0})
	}
	return it
}

func trueFalse(id string, key bool) *Item {
	return &Item{ID: id, Kind: TrueFalse, Prompt: id, Choices: []Choice{{Text: "True", Correct: key}, {Text: "False", Correct: !key}}}
}

func TestKeyIsLongest(t *testing.T) {
	tests := []struct {
		name string
		it   *Item
		want bool
	}{
		{"key strictly longest", single("a", "a long key", "short", "tiny"), true},
		{"key tied with a distractor", single("a", "same len", "equal ln", "x"), false},
		{"key shorter", single("a", "key", "a longer distractor"), false},
		{"characters, not bytes", single("a", "ééé", "abcd"), false},
		{"true/false is not single", trueFalse("a", true), false},
		{"multi is not single", &Item{Kind: Multi, Choices: []Choice{{Text: "long one", Correct: true}, {Text: "b"}}}, false},
	}
	for _, tt := range tests {
		if got := KeyIsLongest(tt.it); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	withLevel := func(it *Item, level, objective string) *Item {
		it.Level, it.Objective = level, objective
		return it
	}
	tests := []struct {
		name                           string
		items                          []*Item
		single, longest, tf, keyedTrue int
		recall, apply, noLevel, noObj  int
		longestOK, trueOK              bool
	}{
		{name: "empty bank is within the limits", longestOK: true, trueOK: true},
		{
			name: "cued bank",
			items: []*Item{
				single("a", "the longest one here", "b", "c"), single("b", "the longest one here", "b", "c"),
				single("c", "k", "longer"), trueFalse("t1", false), trueFalse("t2", false), trueFalse("t3", true),
			},
			single: 3, longest: 2, tf: 3, keyedTrue: 1, noLevel: 6, noObj: 6, longestOK: false, trueOK: false,
		},
		{
			name: "balanced bank",
			items: []*Item{
				withLevel(single("a", "k", "longer"), Apply, "o"), withLevel(single("b", "k", "longer"), Recall, "o"),
				withLevel(single("c", "longest", "b"), Apply, ""), withLevel(trueFalse("t1", true), Apply, "o"),
				withLevel(trueFalse("t2", false), "", "o"),
			},
			single: 3, longest: 1, tf: 2, keyedTrue: 1, recall: 1, apply: 3, noLevel: 1, noObj: 1, longestOK: true, trueOK: true,
		},
	}
	for _, tt := range tests {
		f := Measure(tt.items)
		got := []int{f.Single, len(f.KeyLongest), f.TrueFalse, f.KeyedTrue, f.Recall, f.Apply, len(f.NoLevel), len(f.NoObjective)}
		want := []int{tt.single, tt.longest, tt.tf, tt.keyedTrue, tt.recall, tt.apply, tt.noLevel, tt.noObj}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: figures %v, want %v", tt.name, got, want)
				break
			}
		}
		if f.KeyLongestOK() != tt.longestOK || f.TrueShareOK() != tt.trueOK {
			t.Errorf("%s: key-longest ok %v (%.2f), true share ok %v (%.2f)", tt.name, f.KeyLongestOK(), f.KeyLongestShare(), f.TrueShareOK(), f.TrueShare())
		}
	}
}

func TestTrueShareBounds(t *testing.T) {
	tests := []struct {
		keyedTrue, of int
		ok            bool
	}{{0, 2, false}, {1, 3, false}, {7, 20, true}, {1, 2, true}, {13, 20, true}, {2, 3, false}, {3, 3, false}}
	for _, tt := range tests {
		f := Figures{TrueFalse: tt.of, KeyedTrue: tt.keyedTrue}
		if f.TrueShareOK() != tt.ok {
			t.Errorf("%d of %d keyed True: ok %v, want %v", tt.keyedTrue, tt.of, f.TrueShareOK(), tt.ok)
		}
	}
}

func TestNearDuplicates(t *testing.T) {
	p := func(id, prompt string) *Item { return &Item{ID: id, Prompt: prompt} }
	items := []*Item{
		p("a", "A Kinesis stream's records keep failing. What happens to the shard with the default settings?"),
		p("b", "A DynamoDB stream's records keep failing. What happens to the shard with the default settings?"),
		p("c", "Which service invokes a function synchronously?"),
		p("d", "Which services invoke functions synchronously?"),
		p("e", "How long does S3 retry an event?"),
	}
	got := NearDuplicates(items, DuplicateOverlap)
	if len(got) != 2 || got[0].A.ID != "c" || got[0].B.ID != "d" || got[1].A.ID != "a" || got[1].B.ID != "b" {
		for _, g := range got {
			t.Logf("%s %s %.2f", g.A.ID, g.B.ID, g.Overlap)
		}
		t.Fatalf("want c~d (plurals match) then a~b, got %d pairs", len(got))
	}
	if got[0].Overlap != 1 {
		t.Errorf("c~d overlap %.2f, want 1", got[0].Overlap)
	}
}
